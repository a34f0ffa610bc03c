import { findUncoveredCharacters } from './character-coverage';
import { documentFontsCover } from './document-coverage';
import type { Problem } from './problem';
import { validateLetter } from './validate-letter';

/**
 * Everything wrong with a letter as typed: the model's validation and every character the
 * document fonts cannot draw. The one list behind the form's fields, its summary, the draft's
 * error count and the "还差" line, so none of them says "校验通过" while another shows a problem.
 *
 * @example
 * letterProblems({ ...letter, statement: '为𠀀村修路。' }).map((p) => p.code) // ['coverage.missing']
 */
export function letterProblems(input: unknown): Problem[] {
  const validation = validateLetter(input);
  // Checked on the raw input when validation fails, as the renderer does, so the character is flagged while other fields are still wrong.
  return [...validation.problems, ...findUncoveredCharacters(validation.ok ? validation.letter : input, documentFontsCover)];
}
