import { join } from 'node:path';

/**
 * The data folder's name under the system's application-data folder (`%APPDATA%` on Windows,
 * `~/.config` on Linux). It is pinned here rather than taken from the product name, and a test
 * guards it: renaming the product must never move a clerk's drafts and outbox.
 */
export const DATA_FOLDER_NAME = 'Pledge Desk';

/** `PLEDGE_USER_DATA_DIR` (tests, a portable install) or the fixed folder under application data. */
export function dataLocation(appData: string, env: Readonly<Record<string, string | undefined>>): string {
  return env['PLEDGE_USER_DATA_DIR'] || join(appData, DATA_FOLDER_NAME);
}
