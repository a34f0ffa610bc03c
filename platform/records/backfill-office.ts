import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReceivingOfficeSchema, type ReceivingOffice } from '../../core/protocol/receiving-office';
import { IDENTITY_FILE } from '../identity/identity-file';

/**
 * The receiving office a data folder's receipts name (its `platform.json`), for the migration that
 * makes the records of letters accepted before they were kept: their receipts, as the platform
 * issues them again, name this office. Read synchronously, as the SQLite migration must; undefined
 * when none is set or the file is not an identity (then the records lack 承诺受理单位, as their
 * receipts lack it).
 */
export function backfillOffice(dataDir: string | undefined): ReceivingOffice | undefined {
  if (dataDir === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(join(dataDir, IDENTITY_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = ReceivingOfficeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
