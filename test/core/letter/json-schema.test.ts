import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { letterJsonSchema } from '../../../core/letter/json-schema';
import { TEMPLATE_KEYS, letterFromTemplate } from '../../../core/letter/templates';
import { validLetterJson, withValue } from '../../support/letter-fixtures';

// Ajv is an independent JSON Schema implementation: it proves the published schema means what we say.
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(letterJsonSchema());

describe('letterJsonSchema', () => {
  it.each(TEMPLATE_KEYS)('accepts the %s template', (key) => {
    expect(validate(JSON.parse(JSON.stringify(letterFromTemplate(key, { year: 2026 }))))).toBe(true);
  });

  it('requires person for a personal letter and forbids unknown keys', () => {
    expect(validate(withValue(validLetterJson(), ['kind'], 'person'))).toBe(false);
    expect(validate(withValue(validLetterJson(), ['extra'], 1))).toBe(false);
    expect(validate(withValue(validLetterJson(), ['items'], []))).toBe(false);
    expect(validate(withValue(validLetterJson(), ['items', 0, 'category'], 'other'))).toBe(false);
  });

  it('takes a person’s 科室, 岗位类别 and 身份证号, and only the known post types', () => {
    const person = JSON.parse(JSON.stringify(letterFromTemplate('person', { year: 2026 }))) as Record<string, unknown>;
    const withPerson = (fields: Record<string, unknown>) => ({ ...person, person: { ...(person['person'] as object), ...fields } });
    expect(validate(withPerson({ department: '便民服务中心', postType: 'enforcement', idNumber: '11010519491231002X' }))).toBe(true);
    expect(validate(withPerson({ postType: 'clerk' }))).toBe(false);
    expect(validate(withPerson({ idNumber: 110105 }))).toBe(false);
  });

  it('is a draft 2020-12 schema with a title', () => {
    const schema = letterJsonSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['title']).toBe('pledge-letter/1');
  });
});
