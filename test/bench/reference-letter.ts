import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { letterFromTemplate } from '../../core/letter/templates';
import type { Letter } from '../../core/letter/letter-schema';

/** The notice in ../shared/reference, about 3,400 characters, as the body of a letter. */
export function referenceLetter(): Letter {
  const notice = readFileSync(join(import.meta.dirname, '../../../shared/reference/commitment-mechanism-notice.zh.txt'), 'utf8');
  const statement = notice
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return { ...letterFromTemplate('key-task', { year: 2026 }), statement };
}
