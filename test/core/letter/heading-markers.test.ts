import { describe, expect, it } from 'vitest';
import {
  applyTextEdit,
  chineseNumeral,
  headingMarker,
  headingMarkerEdit,
  headingOutline,
  LAST_HEADING_NUMBER,
  nextHeadingMarker,
  parseChineseNumeral,
} from '../../../core/letter/heading-markers';
import { paragraphHeading } from '../../../core/letter/paragraph-headings';

/** The text a marker edit leaves, with `|` where the caret is. */
function edited(text: string, level: 1 | 2): string {
  const caret = text.indexOf('|');
  const plain = text.replace('|', '');
  const edit = headingMarkerEdit(plain, caret, level);
  if (edit === null) return 'null';
  const after = applyTextEdit(plain, edit);
  return `${after.text.slice(0, after.caret)}|${after.text.slice(after.caret)}`;
}

describe('Chinese numerals for heading markers', () => {
  it('writes one to ninety-nine as a 公文 numbers its headings', () => {
    const written = [1, 9, 10, 11, 15, 19, 20, 21, 30, 45, 99].map(chineseNumeral);
    expect(written).toEqual(['一', '九', '十', '十一', '十五', '十九', '二十', '二十一', '三十', '四十五', '九十九']);
  });

  it('reads back every numeral it writes, and nothing nobody writes', () => {
    for (let n = 1; n <= LAST_HEADING_NUMBER; n += 1) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    for (const odd of ['', '一一', '十十', '二十十', '十一一', '零', '1']) expect(parseChineseNumeral(odd)).toBeNull();
  });

  it('refuses numbers no marker can carry', () => {
    for (const n of [0, -1, 100, 1.5]) expect(() => chineseNumeral(n)).toThrow(RangeError);
  });

  it('writes markers that paragraphHeading reads as their level, up to the last number', () => {
    for (const n of [1, 10, 11, 20, LAST_HEADING_NUMBER]) {
      expect(paragraphHeading(`${headingMarker(1, n)}保障措施`)?.level).toBe(1);
      expect(paragraphHeading(`${headingMarker(2, n)}加强领导`)?.level).toBe(2);
    }
    expect(headingMarker(1, 12)).toBe('十二、');
    expect(headingMarker(2, 3)).toBe('（三）');
  });
});

describe('the next heading marker', () => {
  it('starts each level at 一', () => {
    expect(nextHeadingMarker('', 1)).toBe('一、');
    expect(nextHeadingMarker('以上承诺事项，我单位将列入年度重点工作。\n', 2)).toBe('（一）');
  });

  it('follows the last heading of its level above', () => {
    expect(nextHeadingMarker('一、总体要求\n正文。\n二、主要任务\n', 1)).toBe('三、');
    expect(nextHeadingMarker('（一）加强组织领导。成立专班。\n（二）强化监督检查\n', 2)).toBe('（三）');
    // A clerk who began at 三、 (the unit letter's sections come first) goes on from there.
    expect(nextHeadingMarker('三、保障措施\n', 1)).toBe('四、');
    expect(nextHeadingMarker('(二)半角括号\n', 2)).toBe('（三）');
    expect(nextHeadingMarker('  （四）缩进的标题\n', 2)).toBe('（五）');
  });

  it('starts （一） again after each first-level heading', () => {
    expect(nextHeadingMarker('一、总体要求\n（一）加强领导\n（二）明确责任\n二、保障措施\n', 2)).toBe('（一）');
    expect(nextHeadingMarker('一、总体要求\n（一）加强领导\n二、保障措施\n（一）落实经费\n', 1)).toBe('三、');
  });

  it('counts past ten, and stops after 九十九', () => {
    expect(nextHeadingMarker('十、其他\n', 1)).toBe('十一、');
    expect(nextHeadingMarker('十九、其他\n', 1)).toBe('二十、');
    expect(nextHeadingMarker('（十九）其他\n', 2)).toBe('（二十）');
    const twenty = Array.from({ length: 20 }, (_, i) => `${headingMarker(1, i + 1)}第${i + 1}部分`).join('\n');
    expect(nextHeadingMarker(`${twenty}\n`, 1)).toBe('二十一、');
    expect(nextHeadingMarker('九十九、其他\n', 1)).toBeNull();
  });

  it('counts a heading with an odd numeral as the one after its predecessor', () => {
    expect(nextHeadingMarker('一、总体要求\n一一、笔误\n', 1)).toBe('三、');
  });

  it('ignores 1. and （1） and text that only looks like a heading', () => {
    expect(nextHeadingMarker('一、总体要求\n1. 按月调度\n（1）窗口服务\n一是加强领导\n', 1)).toBe('二、');
    expect(nextHeadingMarker('一、总体要求\n1. 按月调度\n（1）窗口服务\n', 2)).toBe('（一）');
  });
});

describe('making the caret’s line a heading', () => {
  it('puts the marker at the start of the line and the caret after it on an empty line', () => {
    expect(edited('|', 1)).toBe('一、|');
    expect(edited('一、总体要求\n（一）加强领导\n|', 2)).toBe('一、总体要求\n（一）加强领导\n（二）|');
    expect(edited('一、总体要求\n|\n（一）后面的标题不算', 2)).toBe('一、总体要求\n（一）|\n（一）后面的标题不算');
  });

  it('keeps the caret in the text it was in', () => {
    expect(edited('保障|措施', 1)).toBe('一、保障|措施');
    expect(edited('为确保承诺兑现：\n加强组织领导|。成立专班。', 2)).toBe('为确保承诺兑现：\n（一）加强组织领导|。成立专班。');
    expect(edited('|加强组织领导', 2)).toBe('（一）|加强组织领导');
  });

  it('starts after the line’s leading spaces', () => {
    expect(edited('　　|加强组织领导', 2)).toBe('　　（一）|加强组织领导');
  });

  it('replaces the marker the line has, so a heading changes level', () => {
    expect(edited('一、总体要求\n二、加强|领导', 2)).toBe('一、总体要求\n（一）加强|领导');
    expect(edited('一、总体要求\n（三）|加强领导', 1)).toBe('一、总体要求\n二、|加强领导');
    expect(edited('（一|）加强领导', 2)).toBe('（一）|加强领导');
    expect(edited('一、总体要求\n（一）明确责任\n（一）加强|领导', 2)).toBe('一、总体要求\n（一）明确责任\n（二）加强|领导');
  });

  it('leaves 1. and （1） in place, as body text the heading starts with', () => {
    expect(edited('（1）|窗口服务', 2)).toBe('（一）（1）|窗口服务');
    expect(edited('|1. 按月调度', 2)).toBe('（一）|1. 按月调度');
  });

  it('offers nothing past 九十九', () => {
    expect(edited('九十九、其他\n|', 1)).toBe('null');
  });
});

describe('the outline of a field', () => {
  it('lists the headings with their level, run-in headings up to their 。', () => {
    const text = '为确保承诺落实：\n一、保障措施\n  （一）加强组织领导。成立工作专班。\n1. 按月调度\n（二）强化监督检查\n';
    expect(headingOutline(text)).toEqual([
      { level: 1, text: '一、保障措施' },
      { level: 2, text: '（一）加强组织领导。' },
      { level: 2, text: '（二）强化监督检查' },
    ]);
    expect(headingOutline('')).toEqual([]);
  });
});
