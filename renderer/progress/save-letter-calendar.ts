import { calendarIcs } from '../../core/calendar/ics';
import { t } from '../../core/i18n/translate';
import type { Letter } from '../../core/letter/letter-schema';
import type { ItemProgressRecord } from '../../core/progress/item-progress';
import { saveFile } from '../bridge/save-file';
import { letterCalendar } from './letter-calendar';

/**
 * Saves the letter's calendar as an .ics through the shell and says where, in Chinese. The UIDs
 * come from the submission id, so a file exported again after a status changed updates the
 * office calendar's entries instead of adding copies.
 */
export function saveLetterCalendar(letter: Letter, records: readonly ItemProgressRecord[], submissionId: string, name: string, now: Date): Promise<string> {
  const ics = calendarIcs(letterCalendar(letter, records, now), { uidSeed: submissionId, now });
  return saveFile('calendar', t('ui.progress.calendar-file-name', { name }), new TextEncoder().encode(ics));
}
