import type { DocumentFonts } from '../../../core/pdf/document-fonts';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../../core/letter/templates';
import { CATEGORY_KEYS } from '../../../core/letter/categories';

export const documentFonts: () => Promise<DocumentFonts> = loadNodeDocumentFonts;

/** Every template plus the awkward cases: a long letter, a long title, a bare minimum. */
export function fixtureLetters(): Record<string, Letter> {
  const fixtures: Record<string, Letter> = {};
  for (const key of TEMPLATE_KEYS) fixtures[key] = letterFromTemplate(key, { year: 2026 });
  const base = letterFromTemplate('contract', { year: 2026 });
  fixtures['long'] = {
    ...base,
    items: Array.from({ length: 24 }, (_, i) => ({
      category: CATEGORY_KEYS[i % 5] ?? 'contract',
      content: `第${i + 1}项：按合同约定30日内支付中小企业工程款（含质量保证金），不以“人员更替”“内部审批”为由拖延；联系人邮箱 pay${i}@example.com。`,
      deadline: `${2026}年${(i % 12) + 1}月底前`,
      owner: '计划财务股',
    })),
  };
  fixtures['long-title'] = { ...base, title: '关于进一步建立健全政务守信践诺机制切实提升政府公信力的承诺书' };
  fixtures['minimal'] = {
    format: 'pledge-letter/1',
    kind: 'unit',
    year: 2026,
    unit: { name: '青山县档案馆', creditCode: '122399214012770352' },
    items: [{ category: 'service', content: '查档申请当日办结。' }],
    supervision: { phone: '12345', hotline: '12345' },
    principal: { name: '周敏' },
    date: '2026-04-28',
  };
  return fixtures;
}
