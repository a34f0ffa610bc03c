import type { PlatformStore } from '../store/platform-store';
import { readRosterFile, type RosterRefusal } from './read-roster';

export interface RosterImport {
  readonly added: number;
  readonly updated: number;
  readonly refused: RosterRefusal[];
}

/**
 * Reads a roster file and adds or updates its good rows in one transaction; the refused rows are
 * answered for the operator to fix. Used by `roster import` and the dashboard's upload alike.
 */
export async function importRoster(store: Pick<PlatformStore, 'roster'>, bytes: Uint8Array, fileName: string): Promise<RosterImport> {
  const { units, refused } = await readRosterFile(bytes, fileName);
  const { added, updated } = units.length === 0 ? { added: 0, updated: 0 } : await store.roster.upsert(units);
  return { added, updated, refused };
}
