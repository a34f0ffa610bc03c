import { describe, expect, it } from 'vitest';
import { letterFromTemplate } from '../../../core/letter/templates';
import { layoutLetter } from '../../../core/layout/layout-letter';
import { SIZE, TYPE_AREA } from '../../../core/layout/page-geometry';
import type { TextStyle } from '../../../core/layout/text-measure';
import { titleLines } from '../../../core/layout/title-lines';
import { syntheticMetrics, syntheticFonts } from './synthetic-metrics';

const title: TextStyle = { metrics: syntheticMetrics, size: SIZE.title, gridAdvance: SIZE.title };
// 20 ideographs of 22 pt fill a title line.
const lines = (text: string, name = '') => titleLines(text, name, title, TYPE_AREA.width);

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(lines('青山县档案馆2026年度政务诚信承诺书', '青山县档案馆')).toEqual(['青山县档案馆2026年度政务诚信承诺书']);
  });

  it('breaks after the unit’s name when name and the rest need two lines, even when the lines are uneven', () => {
    const name = '青山县住房和城乡建设局';
    expect(lines(`${name}2026年度政务诚信承诺书`, name)).toEqual([name, '2026年度政务诚信承诺书']);
    const longer = '青山县临江镇人民政府社会事务办公室';
    expect(lines(`${longer}2026年度政务诚信承诺书`, longer)).toEqual([longer, '2026年度政务诚信承诺书']);
  });

  it('sets a name too long for one line on even lines of its own, then the rest', () => {
    const name = '黑龙江省哈尔滨市松北区松花江街道办事处青山县临江镇人民政府社区服务中心';
    const result = lines(`${name}2026年度政务诚信承诺书`, name);
    expect(result).toHaveLength(3);
    expect(result.slice(0, 2).join('')).toBe(name);
    expect(Math.abs([...(result[0] ?? '')].length - [...(result[1] ?? '')].length)).toBeLessThanOrEqual(1);
    expect(result[2]).toBe('2026年度政务诚信承诺书');
  });

  it('never breaks inside a name, a number or 2026年度, and balances the lines otherwise', () => {
    const name = '青山县临江镇人民政府';
    const text = `关于${name}切实履行2026年度政务服务承诺事项的承诺书`;
    const result = lines(text, name);
    expect(result.join('')).toBe(text);
    expect(result).toHaveLength(2);
    const cut = (result[0] ?? '').length;
    for (const whole of [name, '2026年度']) {
      const at = text.indexOf(whole);
      expect(cut <= at || cut >= at + whole.length, `${result.join(' / ')} cuts ${whole}`).toBe(true);
    }
    const [a = 0, b = 0] = result.map((l) => [...l].length);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(3);
  });

  it('keeps the year whole even where the even split would cut it', () => {
    // 22 cells: the even split, 11 and 11, would fall between 2026 and 年度.
    const text = '推进政务诚信建设的2026年度工作实施情况承诺书';
    const result = lines(text);
    expect(result.join('')).toBe(text);
    expect(result.some((l) => l.includes('2026年度'))).toBe(true);
  });

  it('breaks a Latin string wider than a line rather than let it overflow', () => {
    const text = `关于${'A'.repeat(50)}的承诺书`;
    const result = lines(text);
    expect(result.join('')).toBe(text);
    expect(result.length).toBeGreaterThan(1);
  });

  it('breaks a personal letter’s title after the person’s name', () => {
    const letter = letterFromTemplate('person', { year: 2026 });
    if (letter.kind !== 'person') throw new Error('the person template makes a personal letter');
    const name = '阿卜杜热合曼·买买提明·艾合买提江·库尔班';
    const plan = layoutLetter({ ...letter, person: { ...letter.person, name } }, syntheticFonts);
    expect(plan.pages[0]?.lines.filter((l) => l.role === 'title').map((l) => l.text)).toEqual([name, '2026年度政务诚信承诺书']);
  });
});
