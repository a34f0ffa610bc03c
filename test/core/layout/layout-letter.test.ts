import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../../../core/letter/categories';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import { layoutLetter } from '../../../core/layout/layout-letter';
import { GRID, MM, PAGE, SIZE, TYPE_AREA } from '../../../core/layout/page-geometry';
import type { PagePlan, PlanLine, TextRun } from '../../../core/layout/page-plan';
import { syntheticFonts } from './synthetic-metrics';

const EPS = 0.01;

/** Where the line's last glyph ends: tracking counts between characters, not after the last one. */
function lineRight(line: PlanLine): number {
  const last = line.runs[line.runs.length - 1];
  if (!last) return 0;
  const chars = [...last.text];
  let x = last.x;
  chars.forEach((char, i) => {
    const full = syntheticFonts.body.advance(char.codePointAt(0) ?? 0) >= 0.99;
    x += i < chars.length - 1 ? (full ? last.size + last.tracking : last.size / 2 + last.tracking) : full ? (line.role === 'title' ? last.size : GRID.cell) : last.size / 2;
  });
  return x;
}

function withItems(count: number): Letter {
  const base = letterFromTemplate('service', { year: 2026 });
  const items = Array.from({ length: count }, (_, i) => ({ category: CATEGORY_KEYS[i % 5] ?? 'service', content: `第${i + 1}项承诺：受理后5个工作日内办结群众申请事项，材料齐全的当场受理。` }));
  return { ...base, items };
}

function allLines(plan: PagePlan): PlanLine[] {
  return plan.pages.flatMap((p) => p.lines);
}

describe('page geometry', () => {
  it('is A4 with a 156 × 225 mm type area at 37/28/35/26 mm margins', () => {
    expect(PAGE.width / MM).toBeCloseTo(210, 6);
    expect(PAGE.height / MM).toBeCloseTo(297, 6);
    expect(TYPE_AREA.left / MM).toBeCloseTo(28, 6);
    expect((PAGE.width - TYPE_AREA.right) / MM).toBeCloseTo(26, 6);
    expect((PAGE.height - TYPE_AREA.top) / MM).toBeCloseTo(37, 6);
    expect(TYPE_AREA.bottom / MM).toBeCloseTo(35, 6);
    expect(GRID.cell * 28).toBeCloseTo(TYPE_AREA.width, 6);
    expect(GRID.pitch * 22).toBeCloseTo(TYPE_AREA.height, 6);
  });
});

describe('layoutLetter', () => {
  const plan = layoutLetter(letterFromTemplate('key-task', { year: 2026 }), syntheticFonts);

  it('keeps every line inside the type area, on the 22-line grid', () => {
    for (const page of plan.pages) {
      expect(page.lines.length).toBeLessThanOrEqual(22);
      for (const line of page.lines) {
        expect(line.row).toBeGreaterThanOrEqual(0);
        expect(line.row).toBeLessThan(22);
        expect(line.runs[0]?.x ?? TYPE_AREA.left).toBeGreaterThanOrEqual(TYPE_AREA.left - EPS);
        expect(lineRight(line)).toBeLessThanOrEqual(TYPE_AREA.right + EPS);
        for (const run of line.runs) {
          expect(run.y).toBeLessThan(TYPE_AREA.top);
          expect(run.y).toBeGreaterThan(TYPE_AREA.bottom);
        }
      }
    }
  });

  it('sets body text at 16 pt with 28 characters to a full line', () => {
    const body = allLines(plan).filter((l) => l.role === 'body' || l.role === 'item');
    expect(body.every((l) => l.runs.every((r) => r.size === SIZE.body))).toBe(true);
    const full = body.filter((l) => [...l.text].length === 28 && /^[\u4e00-\u9fff，。、；：“”（）《》]+$/.test(l.text));
    expect(full.length).toBeGreaterThan(0);
    for (const line of full) expect(lineRight(line) - (line.runs[0]?.x ?? 0)).toBeCloseTo(TYPE_AREA.width, 3);
  });

  it('indents each paragraph’s first line by two characters', () => {
    const firstLines = allLines(plan).filter((l) => l.role === 'heading' || /^\d+\./.test(l.text) || l.text.startsWith('为深入'));
    expect(firstLines.length).toBeGreaterThan(5);
    for (const line of firstLines) expect((line.runs[0]?.x ?? 0) - TYPE_AREA.left).toBeCloseTo(2 * GRID.cell, 6);
  });

  it('centres a 22 pt bold title and splits a long one into even lines', () => {
    const title = allLines(plan).filter((l) => l.role === 'title');
    expect(title.map((l) => l.text)).toEqual(['青山县临江镇人民政府', '2026年度政务诚信承诺书']);
    for (const line of title) {
      expect(line.runs.every((r) => r.size === 22 && r.face === 'title')).toBe(true);
      const left = (line.runs[0]?.x ?? 0) - TYPE_AREA.left;
      expect(left).toBeCloseTo(TYPE_AREA.right - lineRight(line), 3);
    }
    const long = layoutLetter({ ...letterFromTemplate('policy', { year: 2026 }), title: '关于进一步建立健全政务守信践诺机制切实提升政府公信力的承诺书' }, syntheticFonts);
    const lengths = allLines(long).filter((l) => l.role === 'title').map((l) => [...l.text].length);
    expect(lengths).toHaveLength(2);
    expect(Math.abs((lengths[0] ?? 0) - (lengths[1] ?? 0))).toBeLessThanOrEqual(2);
  });

  it('puts category headings in the sans face with 一、二、 numbering, items counted through the sections', () => {
    const headings = allLines(plan).filter((l) => l.role === 'heading');
    expect(headings.map((l) => l.text)).toEqual(['一、重点目标任务兑现承诺', '二、政务服务事项承诺']);
    expect(headings.every((l) => l.runs.every((r) => r.face === 'heading'))).toBe(true);
    expect(allLines(plan).filter((l) => /^\d+\./.test(l.text)).map((l) => l.text.split('.')[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('shows unit, credit code, principal, year, complaint channels and the signature block', () => {
    const text = allLines(plan).map((l) => l.text).join('');
    for (const needle of ['承诺单位：青山县临江镇人民政府', '统一社会信用代码：11239921003582149J', '主要负责人：王某某（镇长）', '承诺年度：2026年', '监督电话：0458-6123401', '监督邮箱：ljz-xinyong@example.com', '政务服务便民热线：12345', '主要负责人（签字）：', '单位（盖章）：青山县临江镇人民政府', '2026年4月20日']) {
      expect(text).toContain(needle);
    }
  });

  it('sets the date four characters in from the right and centres the unit name over it', () => {
    const lines = allLines(plan);
    const date = lines.find((l) => l.text === '2026年4月20日') as PlanLine;
    expect(TYPE_AREA.right - lineRight(date)).toBeCloseTo(4 * GRID.cell, 6);
    const unit = lines.find((l) => l.text.startsWith('单位（盖章）')) as PlanLine;
    const centre = (l: PlanLine) => ((l.runs[0]?.x ?? 0) + lineRight(l)) / 2;
    expect(centre(unit)).toBeCloseTo(Math.min(centre(date), TYPE_AREA.right - (lineRight(unit) - (unit.runs[0]?.x ?? 0)) / 2), 3);
    expect(unit.row).toBe(date.row - 1);
  });

  it('wraps a 40-character unit name in the signature block inside the type area, the last line over the date', () => {
    const base = letterFromTemplate('key-task', { year: 2026 });
    const name = '黑龙江省哈尔滨市松北区松花江街道办事处青山县临江镇人民政府社区服务中心办公室一处';
    const long = layoutLetter({ ...base, unit: { ...base.unit, name } }, syntheticFonts);
    const lines = allLines(long);
    const date = lines.find((l) => l.text === '2026年4月20日') as PlanLine;
    const unit = lines.filter((l) => l.role === 'signature' && l !== date && !l.text.startsWith('主要负责人'));
    expect(unit.length).toBeGreaterThanOrEqual(2);
    expect(unit.map((l) => l.text).join('')).toBe(`单位（盖章）：${name}`);
    for (const line of unit) {
      expect(line.runs[0]?.x ?? 0).toBeGreaterThanOrEqual(TYPE_AREA.left - EPS);
      expect(lineRight(line)).toBeLessThanOrEqual(TYPE_AREA.right + EPS);
    }
    expect(unit.map((l) => l.row)).toEqual(unit.map((_, i) => date.row - unit.length + i));
    expect(long.signature.seal?.cx).toBeCloseTo(((date.runs[0]?.x ?? 0) + lineRight(date)) / 2, 6);
  });

  it('places an empty signature field after the principal’s label and a seal over name and date', () => {
    const page = plan.pages[plan.signature.page];
    const label = page?.lines.find((l) => l.text === '主要负责人（签字）：') as PlanLine;
    expect(plan.signature.field.x).toBeCloseTo(lineRight(label), 3);
    expect(plan.signature.field.x + plan.signature.field.width).toBeLessThanOrEqual(TYPE_AREA.right + EPS);
    expect(plan.signature.seal?.r).toBeCloseTo(21 * MM, 6);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 25, 30])('never leaves the signature block alone on a page (%i items)', (count) => {
    const p = layoutLetter(withItems(count), syntheticFonts);
    const page = p.pages[p.signature.page];
    const others = page?.lines.filter((l) => l.role !== 'signature') ?? [];
    // GB/T 9704 forbids a page with the signature and no text; when the block has to move,
    // two lines of text go with it.
    expect(others.length).toBeGreaterThanOrEqual(1);
    expect(p.signature.page).toBe(p.pages.length - 1);
    expect(page?.lines.filter((l) => l.role === 'signature').length).toBe(3);
  });

  it('numbers pages — N — 7 mm below the type area, odd at the right and even at the left', () => {
    const long = layoutLetter(withItems(30), syntheticFonts);
    expect(long.pages.length).toBeGreaterThanOrEqual(3);
    long.pages.forEach((page, i) => {
      expect(page.pageNumber.text).toBe(`— ${i + 1} —`);
      const n = page.pageNumber.runs[0] as TextRun;
      expect(n.size).toBe(14);
      expect(TYPE_AREA.bottom - (n.y + 0.88 * 14)).toBeCloseTo(7 * MM, 6);
      if (i % 2 === 0) expect(n.x + [...n.text].reduce((w, c) => w + syntheticFonts.body.advance(c.codePointAt(0) ?? 0) * 14, 0)).toBeCloseTo(TYPE_AREA.right - 14, 6);
      else expect(n.x).toBeCloseTo(TYPE_AREA.left + 14, 6);
    });
  });

  it('has a personal variant: the person named, no headings, the person signs, no seal', () => {
    const person = layoutLetter(letterFromTemplate('person', { year: 2026 }), syntheticFonts);
    const lines = allLines(person);
    expect(lines.some((l) => l.text === '承诺人：李某某')).toBe(true);
    expect(lines.some((l) => l.role === 'heading')).toBe(false);
    expect(lines.some((l) => l.text === '承诺人（签字）：')).toBe(true);
    expect(lines.some((l) => l.text.startsWith('单位（盖章）'))).toBe(false);
    expect(person.signature.seal).toBeUndefined();
  });

  it('does not start a page with a blank line or end one with a heading', () => {
    for (let count = 1; count <= 30; count += 1) {
      const p = layoutLetter(withItems(count), syntheticFonts);
      for (const page of p.pages) {
        expect(page.lines[0]?.row).toBe(0);
        const last = page.lines[page.lines.length - 1];
        if (page !== p.pages[p.pages.length - 1]) expect(last?.role).not.toBe('heading');
      }
    }
  });
});
