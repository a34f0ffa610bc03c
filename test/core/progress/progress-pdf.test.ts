import { describe, expect, it } from 'vitest';
import type { FontMetrics } from '../../../core/layout/font-metrics';
import { findForeignDrawing } from '../../../core/package/pdf-drawing-check';
import { layoutProgress, type ProgressCell, type ProgressPlan } from '../../../core/layout/layout-progress';
import { letterTitle } from '../../../core/letter/letter-title';
import { renderProgressPdf } from '../../../core/pdf/render-progress';
import { newProgressReport } from '../../../core/progress/new-progress';
import { parsePeriod } from '../../../core/progress/progress-period';
import { ITEM_STATUSES, type ProgressItem, type ProgressReport } from '../../../core/progress/progress-schema';
import { validateProgress } from '../../../core/progress/validate-progress';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { readPdfPages } from '../../../node/package-check/pdf-page-texts';
import { pdftotext, qpdfCheck, squeeze } from '../pdf/pdf-tools';
import { wordBoxes, type WordBox } from '../pdf/word-boxes';
import { clauseText, ID_NUMBER, personLetter, unitLetter } from '../records/record-letters';

const fonts = await loadNodeDocumentFonts();
const ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const HEADER = '序号承诺事项完成时限履行状态进展说明';
const SHA = (seed: number) => seed.toString(16).padStart(2, '0').repeat(32);

const valid = (report: ProgressReport): ProgressReport => {
  const result = validateProgress(JSON.parse(JSON.stringify(report)));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
};

/** The letter's items with every status used once or more, notes, a reason and evidence: a quarter's report as a clerk fills it. */
function sampleReport(period = '2026-Q2'): { report: ProgressReport; title: string } {
  const letter = unitLetter();
  const fresh = newProgressReport(letter, ID, parsePeriod(period)!);
  const items = Array.from({ length: 6 }, (_, i): ProgressItem => {
    const base = fresh.items[i % fresh.items.length]!;
    const status = ITEM_STATUSES[i % ITEM_STATUSES.length]!;
    return {
      number: i + 1,
      content: i < fresh.items.length ? base.content : `${base.content}（第${i + 1}项）`,
      ...(i % 2 === 0 ? { deadline: `2026年${i + 6}月底前` } : {}),
      status,
      note: status === '未启动' ? '' : `第${i + 1}项：已召开专题会议部署，按月调度，完成进度${(i + 1) * 15}%，台账见附件。`,
      ...(status === '已调整' ? { reason: '上级部门调整了审批权限，时限顺延至年底。' } : {}),
    };
  });
  const report = valid({
    ...fresh,
    items,
    date: '2026-07-03',
    evidence: [
      { name: '专题会议纪要.pdf', sha256: SHA(0xab), size: 183_204, item: 2 },
      { name: '全年台账.xlsx', sha256: SHA(0x3c), size: 5_120 },
    ],
  });
  return { report, title: letterTitle(letter) };
}

/** Forty items with 300-character notes: a table over many pages, rows split between them. */
function longReport(): { report: ProgressReport; title: string } {
  const letter = unitLetter();
  const fresh = newProgressReport(letter, ID, parsePeriod('2026')!);
  const items = Array.from({ length: 40 }, (_, i): ProgressItem => ({
    number: i + 1,
    content: `落实第${i + 1}项承诺：${clauseText(40, i + 100)}`,
    deadline: '2026年12月底前',
    status: ITEM_STATUSES[(i * 3) % ITEM_STATUSES.length]!,
    note: clauseText(300, i + 1),
    ...(ITEM_STATUSES[(i * 3) % ITEM_STATUSES.length] === '已调整' ? { reason: `因第${i + 1}项所涉政策调整，内容相应变更。` } : {}),
  }));
  return { report: valid({ ...fresh, items, accountability: '对未兑现事项的责任科室负责人进行约谈，责令限期整改，并在年度考核中扣分。' }), title: letterTitle(letter) };
}

const sample = sampleReport();
const rendered = await renderProgressPdf(sample.report, sample.title, fonts);
const long = longReport();
const renderedLong = await renderProgressPdf(long.report, long.title, fonts);

/** Where a line's last glyph ends, from the face's own advances: the runs say where each starts. */
function lineEnd(runs: ProgressCell['lines'][number]['runs'], metrics: FontMetrics): number {
  const last = runs[runs.length - 1]!;
  const chars = [...last.text];
  return last.x + chars.reduce((sum, char) => sum + metrics.advance(char.codePointAt(0) ?? 0) * last.size, 0) + (chars.length - 1) * last.tracking;
}

function cellsOf(plan: ProgressPlan): ProgressCell[] {
  return plan.pages.flatMap((page) => page.cells);
}

/** What poppler reads in the header row of each page, left to right; '' on a page the table does not reach. */
function headerRows(words: readonly WordBox[], plan: ProgressPlan): string[] {
  return plan.pages.map((page, index) => {
    const box = page.cells.find((cell) => cell.row === 'header')?.box;
    if (box === undefined) return '';
    const inRow = words.filter((w) => w.page === index && (w.yMin + w.yMax) / 2 > box.y && (w.yMin + w.yMax) / 2 < box.y + box.height);
    return squeeze(inRow.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(''));
  });
}

describe('the printed progress report', { timeout: 30_000 }, () => {
  it('passes qpdf and reads back the title, the particulars, the header, every cell and the summary', async () => {
    const { bytes, plan } = rendered;
    expect((await qpdfCheck(bytes)).ok).toBe(true);
    const text = squeeze(await pdftotext(bytes));
    expect(plan.info.title).toBe(`${sample.title}践诺进展报告（2026年第二季度）`);
    expect(text).toContain(squeeze(plan.info.title));
    for (const part of ['承诺单位：松岭县政务服务中心', '统一社会信用代码：122399214012771583', `承诺书提交编号：${ID}`, '报告期：2026年第二季度', '报告日期：2026年7月3日']) expect(text).toContain(part);
    expect(headerRows(await wordBoxes(bytes), plan)).toEqual(plan.pages.map((page) => (page.cells.length > 0 ? HEADER : '')));
    for (const cell of cellsOf(plan)) for (const line of cell.lines) expect(text).toContain(squeeze(line.text));
    for (const item of sample.report.items) {
      const note = cellsOf(plan).filter((cell) => cell.row === item.number && cell.column === 'note').flatMap((cell) => cell.lines.map((line) => line.text)).join('');
      expect(squeeze(note)).toBe(squeeze([item.note, item.reason ? `调整原因：${item.reason}` : ''].join('')));
    }
    expect(text).toContain('共6项承诺事项，其中未启动2项、推进中1项、已兑现1项、未兑现1项、已调整1项。');
    expect(text).toContain(`1.专题会议纪要.pdf（179KB，SHA-256前16位：${SHA(0xab).slice(0, 16)}，第2项承诺事项）`);
    expect(text).toContain('2.全年台账.xlsx（5KB，SHA-256前16位：3c3c3c3c3c3c3c3c，整份报告）');
    // A quarter's report has no 违诺责任追究内容 to print, and nothing is made up for an empty cell.
    expect(text).not.toContain('违诺责任追究内容');
    expect(cellsOf(plan).filter((cell) => cell.row === 2 && cell.column === 'deadline')[0]?.lines).toEqual([]);
    expect(text).toContain('—1—');
  });

  it('draws only text and stroked rules, as the platform’s drawing check allows a letter', async () => {
    const pages = await readPdfPages(renderedLong.bytes);
    expect(findForeignDrawing(pages.operations, pages.type3Fonts)).toBeNull();
    expect(pages.operations.map((ops) => ops.filter((op) => op.name === 'stroke').length)).toEqual(renderedLong.plan.pages.map((page) => page.rules.length));
  });

  it('gives the same bytes for the same report', async () => {
    const again = await renderProgressPdf(sample.report, sample.title, fonts);
    expect(Buffer.from(again.bytes).equals(Buffer.from(rendered.bytes))).toBe(true);
  });

  it('runs a long table over pages with the header row repeated, page numbers, and every number, status and note in order', async () => {
    const { bytes, plan } = renderedLong;
    expect((await qpdfCheck(bytes)).ok).toBe(true);
    expect(plan.pages.filter((page) => page.cells.length > 0).length).toBeGreaterThan(5);
    const pages = (await pdftotext(bytes)).split('\f').slice(0, plan.pages.length).map(squeeze);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`—${i + 1}—`);
    });
    const words = await wordBoxes(bytes);
    expect(headerRows(words, plan)).toEqual(plan.pages.map((page) => (page.cells.length > 0 ? HEADER : '')));
    const all = pages.join('');
    for (const item of long.report.items) {
      const note = cellsOf(plan).filter((cell) => cell.row === item.number && cell.column === 'note').flatMap((cell) => cell.lines.map((line) => line.text)).join('');
      expect(squeeze(note)).toBe(squeeze([item.note, item.reason ? `调整原因：${item.reason}` : ''].join('')));
      for (const cell of cellsOf(plan).filter((c) => c.row === item.number)) for (const line of cell.lines) expect(all).toContain(squeeze(line.text));
    }
    expect(all).toContain('违诺责任追究内容对未兑现事项的责任科室负责人进行约谈');

    // Read by poppler, the number and status columns go 1…40 with each item's status, top to bottom, page by page.
    const cols = plan.pages[0]!.cells.filter((cell) => cell.row === 'header');
    const columnWords = (key: string) => {
      const header = cols.find((cell) => cell.column === key)!;
      return words.filter((w) => w.xMin >= header.box.x && w.xMax <= header.box.x + header.box.width);
    };
    const inTable = (w: (typeof words)[number]) => plan.pages[w.page]!.cells.some((cell) => cell.row !== 'header' && w.yMin + w.yMax > 2 * cell.box.y && w.yMin + w.yMax < 2 * (cell.box.y + cell.box.height));
    expect(columnWords('number').filter(inTable).map((w) => w.text)).toEqual(long.report.items.map((item) => String(item.number)));
    expect(columnWords('status').filter(inTable).map((w) => w.text)).toEqual(long.report.items.map((item) => item.status));
  });

  it('keeps every cell’s text inside its column, in the plan and as poppler reads the PDF', async () => {
    for (const plan of [rendered.plan, renderedLong.plan]) {
      for (const cell of cellsOf(plan)) {
        const metrics = cell.row === 'header' ? fonts.metrics.heading : fonts.metrics.body;
        for (const line of cell.lines) {
          expect(line.runs[0]!.x).toBeGreaterThanOrEqual(cell.textX - 1e-6);
          expect(lineEnd(line.runs, metrics)).toBeLessThanOrEqual(cell.textX + cell.textWidth + 1e-3);
          expect(cell.textX + cell.textWidth).toBeLessThan(cell.box.x + cell.box.width);
          for (const run of line.runs) expect(run.y > cell.box.y && run.y < cell.box.y + cell.box.height).toBe(true);
        }
      }
    }
    // poppler's own word boxes: a word in a row of the table lies within one cell of that row.
    const words = await wordBoxes(renderedLong.bytes);
    let checked = 0;
    for (const word of words) {
      const mid = (word.yMin + word.yMax) / 2;
      const row = renderedLong.plan.pages[word.page]!.cells.filter((cell) => mid > cell.box.y && mid < cell.box.y + cell.box.height);
      if (row.length === 0) continue;
      checked += 1;
      const inside = row.some((cell) => word.xMin >= cell.box.x - 0.5 && word.xMax <= cell.box.x + cell.box.width + 0.5);
      expect(inside, `${word.text} on page ${word.page + 1} at ${word.xMin}–${word.xMax}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('splits a row across pages only with lines on both sides, and names the period as official documents do', () => {
    const plan = renderedLong.plan;
    for (const item of long.report.items) {
      const parts = cellsOf(plan).filter((cell) => cell.row === item.number && cell.column === 'note');
      if (parts.length > 1) for (const part of parts) expect(part.lines.length).toBeGreaterThanOrEqual(2);
    }
    expect(long.report.items.some((item) => cellsOf(plan).filter((cell) => cell.row === item.number && cell.column === 'note').length > 1)).toBe(true);
    expect(plan.info).toMatchObject({ title: `${long.title}践诺进展报告（2026年度）`, date: '2026-12-31' });
    const month = newProgressReport(unitLetter(), ID, parsePeriod('2026-06')!);
    const monthPlan = layoutProgress({ ...month, accountability: '不应出现在月度报告中' }, long.title, fonts.metrics);
    expect(monthPlan.info).toMatchObject({ title: `${long.title}践诺进展报告（2026年6月）`, date: '2026-06-30' });
    expect(monthPlan.pages.flatMap((page) => page.lines.map((line) => line.text)).join('')).not.toContain('不应出现');
  });

  it('names the person of a personal letter and never an ID number', async () => {
    const letter = personLetter(ID_NUMBER);
    const report = newProgressReport(letter, ID, parsePeriod('2026-06')!);
    const { bytes } = await renderProgressPdf(report, letterTitle(letter), fonts);
    const text = squeeze(await pdftotext(bytes));
    expect(text).toContain(`承诺人：${report.person!.name}工作单位：${report.unit.name}`);
    expect(text).not.toContain('承诺单位');
    expect(text).not.toContain(ID_NUMBER);
  });
});
