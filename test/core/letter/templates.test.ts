import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS } from '../../../core/letter/categories';
import { headingOutline } from '../../../core/letter/heading-markers';
import { paragraphHeading } from '../../../core/letter/paragraph-headings';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../../core/letter/templates';
import { validateLetter } from '../../../core/letter/validate-letter';

describe('templates', () => {
  it.each(TEMPLATE_KEYS)('%s is well formed with no warnings, round-tripped through JSON, and holds only sample problems', (key) => {
    const letter = JSON.parse(JSON.stringify(letterFromTemplate(key, { year: 2026 }))) as unknown;
    const result = validateLetter(letter, { allowSampleContent: true });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const strict = validateLetter(letter);
    expect(strict.ok).toBe(false);
    expect(strict.problems.every((p) => p.code.startsWith('sample.'))).toBe(true);
  });

  it.each(CATEGORY_KEYS)('the %s template commits mainly to its own category', (key) => {
    const items = letterFromTemplate(key, { year: 2026 }).items;
    const own = items.filter((item) => item.category === key).length;
    expect(own).toBeGreaterThanOrEqual(3);
    expect(own * 2).toBeGreaterThan(items.length);
  });

  it('the personal template is a civil servant letter with duty items', () => {
    const letter = letterFromTemplate('person', { year: 2026 });
    expect(letter.kind).toBe('person');
    expect(letter.kind === 'person' && letter.person.name).toBeTruthy();
    expect(letter.items.every((item) => item.category === 'duty')).toBe(true);
  });

  it('the policy template closes with 保障措施 as run-in （一）（二）（三） sub-headings', () => {
    const closing = letterFromTemplate('policy', { year: 2026 }).closing ?? '';
    const outline = headingOutline(closing);
    expect(outline.map((entry) => entry.text)).toEqual(['（一）加强组织领导。', '（二）强化跟踪督办。', '（三）主动接受监督。']);
    expect(outline.every((entry) => entry.level === 2)).toBe(true);
    // Each heading runs into its body text, and the passage is introduced and closed by plain paragraphs.
    const paragraphs = closing.split('\n');
    for (const paragraph of paragraphs.filter((p) => paragraphHeading(p) !== null)) expect(paragraphHeading(paragraph)?.end).toBeLessThan(paragraph.length);
    expect(paragraphHeading(paragraphs[0] ?? '')).toBeNull();
    expect(paragraphs.at(-1)).toMatch(/^如未按承诺兑现/);
  });

  it('no unit template writes a first-level heading of its own: those are the item categories', () => {
    for (const key of CATEGORY_KEYS) {
      const letter = letterFromTemplate(key, { year: 2026 });
      for (const text of [letter.statement ?? '', letter.closing ?? '']) expect(headingOutline(text).filter((entry) => entry.level === 1)).toEqual([]);
    }
  });

  it('uses the year and date it is given, defaulting to 20 April', () => {
    expect(letterFromTemplate('service', { year: 2027 })).toMatchObject({ year: 2027, date: '2027-04-20' });
    expect(letterFromTemplate('service', { year: 2027, date: '2027-03-01' }).date).toBe('2027-03-01');
    expect(JSON.stringify(letterFromTemplate('key-task', { year: 2031 }))).toContain('2031年');
  });

  it('every template names complaint channels and a principal', () => {
    for (const key of TEMPLATE_KEYS) {
      const letter = letterFromTemplate(key, { year: 2026 });
      expect(letter.supervision.phone).not.toBe('');
      expect(letter.supervision.hotline).toBe('12345');
      expect(letter.principal.name).not.toBe('');
      expect(letter.statement?.length).toBeGreaterThan(20);
    }
  });
});
