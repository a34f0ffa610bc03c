import { access } from 'node:fs/promises';

/** Whether something is at the path: checked before a command would write over a file the user may still need. */
export async function fileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
