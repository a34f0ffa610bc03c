import { z } from 'zod';
import { LetterSchema } from './letter-schema';

/**
 * The JSON Schema (draft 2020-12) of the interchange format, for other systems and editors.
 * It describes the input side: what a file may contain before normalisation.
 * Check characters and calendar dates are beyond JSON Schema; `validateLetter` adds them.
 */
export function letterJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(LetterSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'pledge-letter/1',
    description: '政务诚信承诺书交换格式，第 1 版',
  };
}
