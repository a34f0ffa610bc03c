import { t } from '../i18n/translate';
import type { Letter } from './letter-schema';

/**
 * The heading a letter is shown and printed under: its own title when it has one, otherwise the
 * customary `<unit><year>年度政务诚信承诺书`, or for a personal letter the person's name.
 *
 * @example letterTitle(letterFromTemplate('service', { year: 2026 })) // '青山县政务服务中心2026年度政务诚信承诺书'
 */
export function letterTitle(letter: Pick<Letter, 'title' | 'kind' | 'year' | 'unit'> & { person?: { name: string } }): string {
  if (letter.title) return letter.title;
  const who = letter.kind === 'person' && letter.person ? letter.person.name : letter.unit.name;
  return `${who}${t('ui.letter-title', { year: letter.year })}`;
}
