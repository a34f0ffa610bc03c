/**
 * The heading levels of GB/T 9704 as a letter's own paragraphs write them: `一、` opens a first-level
 * heading (黑体), `（一）` a second-level one (楷体); `1.` and `（1）` stay in the body face. Templates
 * and the editor use the same markers, so a clerk types the hierarchy as in any Word 公文.
 */
export type HeadingLevel = 1 | 2;

export interface ParagraphHeading {
  readonly level: HeadingLevel;
  /**
   * Where the heading ends, in UTF-16 code units: after its first 。 when body text follows in
   * the same paragraph (a run-in heading), else the whole paragraph.
   */
  readonly end: number;
}

const NUMERALS = '一二三四五六七八九十';
const LEVEL_ONE = new RegExp(`^[${NUMERALS}]{1,3}、`);
const LEVEL_TWO = new RegExp(`^[（(][${NUMERALS}]{1,3}[）)]`);

/**
 * @example paragraphHeading('（一）加强组织领导。成立工作专班……') // { level: 2, end: 10 }
 * @example paragraphHeading('1. 按时办结') // null
 */
export function paragraphHeading(paragraph: string): ParagraphHeading | null {
  const level: HeadingLevel | null = LEVEL_ONE.test(paragraph) ? 1 : LEVEL_TWO.test(paragraph) ? 2 : null;
  if (level === null) return null;
  const stop = paragraph.indexOf('。');
  const runIn = stop >= 0 && paragraph.slice(stop + 1).trim() !== '';
  return { level, end: runIn ? stop + 1 : paragraph.length };
}
