import { describe, expect, it } from 'vitest';
import type { PagePlan, PlanLine, PlanPage } from '../../../core/layout/page-plan';
import { comparePdfText } from '../../../core/package/pdf-text-check';

const run = (text: string) => ({ text, x: 0, y: 0, face: 'body', size: 16, tracking: 0 });
const line = (text: string, row: number): PlanLine => ({ row, role: 'body', text, runs: [run(text)] });
const page = (n: number, ...lines: string[]): PlanPage => ({ lines: lines.map(line), pageNumber: { text: `— ${n} —`, runs: [run(`— ${n} —`)] } });
const plan = (...pages: PlanPage[]): PagePlan => ({
  width: 595,
  height: 842,
  pages,
  signature: { page: pages.length - 1, field: { x: 0, y: 0, width: 1, height: 1 } },
  info: { title: '', author: '', subject: '', date: '2026-04-20' },
});

const letter = plan(page(1, '青山县2026年度', '政务诚信承诺书', '一、重点任务'), page(2, '1.按期办结。', '2026年4月20日'));

describe('comparePdfText', () => {
  it('accepts the text of the pages however a reader splits and spaces it', () => {
    expect(comparePdfText(['青山县2026年度政务诚信承诺书一、重点任务— 1 —', '1.按期办结。2026年4月20日— 2 —'], letter)).toBeNull();
    expect(comparePdfText(['青山县 2026 年度\n政务诚信承诺书 一、重点任务 —\u00a01\u00a0—', '1. 按期办结。\n2026年4月20日 \n— 2 —'], letter)).toBeNull();
  });

  it('accepts the same text broken over other pages, as other fonts would break it', () => {
    expect(comparePdfText(['青山县2026年度政务诚信承诺书— 1 —', '一、重点任务1.按期办结。— 2 —', '2026年4月20日— 3 —'], letter)).toBeNull();
  });

  it('refuses the text of another letter, naming where it differs', () => {
    expect(comparePdfText(['别山县2026年度政务诚信承诺书一、重点任务— 1 —', '1.按期办结。2026年4月20日— 2 —'], letter)).toBe(
      '报送包中的 letter.pdf 的文字与承诺书 letter.json 不一致（PDF 中为“别山县2026年度政务诚”，按承诺书应为“青山县2026年度政务诚”），不是这份承诺书的 PDF，已拒绝读取。',
    );
    expect(comparePdfText(['青山县2026年度政务诚信承诺书一、重点任务— 1 —', '1.按期办结。2026年4月21日— 2 —'], letter)).toMatch(/PDF 中为“1日”，按承诺书应为“0日”/);
  });

  it('refuses a PDF with a page missing, or with text added', () => {
    expect(comparePdfText(['青山县2026年度政务诚信承诺书一、重点任务— 1 —'], letter)).toMatch(/PDF 中为“（无）”，按承诺书应为“1\.按期办结。/);
    expect(comparePdfText(['青山县2026年度政务诚信承诺书一、重点任务— 1 —', '1.按期办结。2026年4月20日— 2 —', '补充条款'], letter)).toMatch(/PDF 中为“补充条款”/);
  });

  it('does not take a page number from anywhere but the end of its own page', () => {
    expect(comparePdfText(['— 1 —青山县2026年度政务诚信承诺书一、重点任务', '1.按期办结。2026年4月20日— 2 —'], letter)).not.toBeNull();
    expect(comparePdfText(['青山县2026年度政务诚信承诺书一、重点任务— 2 —', '1.按期办结。2026年4月20日— 2 —'], letter)).not.toBeNull();
  });
});
