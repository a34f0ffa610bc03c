import { describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { documentFonts } from './fonts-fixture';
import { pdffonts, pdftohtmlTexts } from './pdf-tools';

/**
 * GB/T 9704's heading faces, read back by poppler (pdftohtml's font per text, pdffonts' names):
 * `一、` in 黑体, `（一）` in 楷体, `1.` and `（1）` in the body face. With only the bundled fonts
 * these are Noto Sans SC, LXGW WenKai and Noto Serif SC.
 */
const HIERARCHY = ['一、保障措施', '（一）加强组织领导。成立由主要负责人任组长的工作专班，每月调度一次。', '（二）强化监督检查', '1. 按月通报进度。', '（1）窗口服务按时办结。'];

async function rendered(letter: Letter) {
  const result = await renderLetterPdf(letter, await documentFonts());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.bytes;
}

describe('headings in their faces', () => {
  it('sets 一、 in 黑体, （一） in 楷体 and 1. / （1） in the body face, as the letter writes them', async () => {
    const base = letterFromTemplate('service', { year: 2026 });
    const bytes = await rendered({ ...base, closing: `${HIERARCHY.join('\n')}\n${base.closing ?? ''}` });
    const texts = await pdftohtmlTexts(bytes);
    const faceOf = (start: string) => texts.find((t) => t.text.startsWith(start));
    const body = faceOf('1. 按月通报进度');
    expect(body?.family).toMatch(/^PLEDGE\+NotoSerifSC/);
    expect(faceOf('一、保障措施')).toMatchObject({ text: '一、保障措施', family: 'PLEDGE+NotoSansSC-Medium', size: body?.size });
    expect(faceOf('（二）强化监督检查')).toMatchObject({ text: '（二）强化监督检查', family: 'PLEDGE+LXGWWenKai-Medium' });
    // A run-in heading: its sentence in 楷体, the text after it in the body face again.
    expect(faceOf('（一）加强组织领导')).toMatchObject({ text: '（一）加强组织领导。', family: 'PLEDGE+LXGWWenKai-Medium' });
    expect(faceOf('成立由主要负责人')?.family).toBe(body?.family);
    expect(faceOf('（1）窗口服务')).toMatchObject({ family: body?.family, size: body?.size });
    expect(await pdffonts(bytes)).toMatch(/PLEDGE\+LXGWWenKai-Medium\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('sets the section headings of a unit letter in 黑体 and its items in the body face', async () => {
    const texts = await pdftohtmlTexts(await rendered(letterFromTemplate('key-task', { year: 2026 })));
    const headings = texts.filter((t) => /^[一二三四五六七八九十]、/.test(t.text));
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading.family).toBe('PLEDGE+NotoSansSC-Medium');
    const items = texts.filter((t) => /^\d+\./.test(t.text));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.family).toMatch(/^PLEDGE\+NotoSerifSC/);
  });
});
