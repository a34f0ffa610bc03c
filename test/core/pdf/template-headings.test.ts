import { describe, expect, it } from 'vitest';
import { letterFromTemplate } from '../../../core/letter/templates';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { documentFonts } from './fonts-fixture';
import { pdfinfoPages, pdftohtmlTexts } from './pdf-tools';

/**
 * The policy template's 保障措施, as poppler reads its PDF: each （一） sub-heading in 楷体 (LXGW
 * WenKai with only the bundled fonts) up to its 。, the sentence after it in the body face, and
 * the letter still on two pages.
 */
describe('the sub-headings of a template letter', () => {
  it('sets the policy template’s （一）（二）（三） in 楷体 and the text after them in the body face, on two pages', async () => {
    const result = await renderLetterPdf(letterFromTemplate('policy', { year: 2026 }), await documentFonts());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const texts = await pdftohtmlTexts(result.bytes);
    const body = texts.find((t) => t.text.startsWith('为确保上述承诺落到实处'));
    expect(body?.family).toMatch(/^PLEDGE\+NotoSerifSC/);
    for (const heading of ['（一）加强组织领导。', '（二）强化跟踪督办。', '（三）主动接受监督。']) {
      expect(texts.find((t) => t.text.startsWith(heading.slice(0, 3)))).toMatchObject({ text: heading, family: 'PLEDGE+LXGWWenKai-Medium', size: body?.size });
    }
    for (const after of ['主要负责人牵头抓总', '建立承诺事项工作台账', '在政府网站和政务公开栏']) expect(texts.find((t) => t.text.startsWith(after))?.family).toBe(body?.family);
    expect(await pdfinfoPages(result.bytes)).toBe(2);
  });
});
