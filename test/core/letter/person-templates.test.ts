import { describe, expect, it } from 'vitest';
import { letterFromTemplate, personTemplateLetter } from '../../../core/letter/templates';
import { validateLetter } from '../../../core/letter/validate-letter';
import { POST_TYPES } from '../../../core/staff/staff-member';

describe('personal templates per post type', () => {
  it.each(POST_TYPES)('the %s template is a civil servant’s own letter of duty items, valid but for its samples', (postType) => {
    const letter = personTemplateLetter(postType, { year: 2026 });
    expect(letter.kind).toBe('person');
    expect(letter.kind === 'person' && letter.person.postType).toBe(postType);
    expect(letter.items.length).toBeGreaterThanOrEqual(4);
    expect(letter.items.every((item) => item.category === 'duty')).toBe(true);
    expect(letter.kind === 'person' && letter.principal.name).toBe(letter.kind === 'person' && letter.person.name);
    // The sample person is found like every template sample, so it cannot go to review unchanged.
    expect(validateLetter(letter).problems.map((p) => p.path)).toEqual(expect.arrayContaining(['person.name', 'principal.name']));
  });

  it('gives each post its own statement and items', () => {
    const letters = POST_TYPES.map((postType) => personTemplateLetter(postType, { year: 2026 }));
    expect(new Set(letters.map((l) => l.statement)).size).toBe(POST_TYPES.length);
    const contents = letters.flatMap((l) => l.items.map((item) => item.content));
    expect(new Set(contents).size).toBe(contents.length);
  });

  it('keeps `person` the window template', () => {
    expect(letterFromTemplate('person', { year: 2026 })).toEqual(personTemplateLetter('window', { year: 2026 }));
  });

  it('dates a deadline in the year asked for', () => {
    for (const postType of POST_TYPES) {
      const deadlines = personTemplateLetter(postType, { year: 2031 }).items.map((item) => item.deadline ?? '');
      expect(deadlines.filter((d) => /\d{4}年/u.test(d)).every((d) => d.startsWith('2031年'))).toBe(true);
    }
  });
});
