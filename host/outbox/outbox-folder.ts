import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxStorage } from '../../core/outbox/create-outbox';
import { OutboxEntrySchema, type OutboxEntry } from '../../core/outbox/outbox-entry';
import { SubmissionDetailsSchema, type SubmissionDetails } from '../../core/outbox/outbox-item';
import { isSubmissionId } from '../../core/package/package-format';
import { makePrivateFolder } from '../../node/files/private-files';
import { writeFileDurably } from '../../node/files/durable-file';
import { writeSavedJson } from '../../node/files/saved-json';

/**
 * The outbox on disk, one folder per submission: `<root>/<submissionId>/package.zip`, what its
 * manifest says (`details.json`) and where sending stands (`entry.json`). Every file is written
 * durably, so a crash or a power cut leaves each one whole.
 */
export interface OutboxFolder {
  readonly storage: OutboxStorage;
  /** Keeps a package and its details; the entry is written by the outbox when it is queued. */
  addPackage(submissionId: string, bytes: Uint8Array, details: SubmissionDetails): Promise<void>;
  /** Writes the package again over a damaged or missing copy. */
  replacePackage(submissionId: string, bytes: Uint8Array): Promise<void>;
  readPackage(submissionId: string): Promise<Uint8Array>;
  packagePath(submissionId: string): string;
  /** Details of every package kept, including any whose entry was never written (a crash in between). */
  loadDetails(): Promise<Map<string, SubmissionDetails>>;
}

const PACKAGE = 'package.zip';
const DETAILS = 'details.json';
const ENTRY = 'entry.json';

export function openOutboxFolder(root: string, onUnreadable: (file: string, error: unknown) => void): OutboxFolder {
  const folderOf = (submissionId: string) => {
    // The id comes from a verified manifest, but a folder name is never taken on trust.
    if (!isSubmissionId(submissionId)) throw new TypeError(`Not a submission id: ${submissionId}`);
    return join(root, submissionId);
  };

  /** Reads `<id>/<name>` of every submission folder, parsed; a file that does not parse is reported and skipped, never deleted. */
  async function readAll<T>(name: string, parse: (json: unknown) => T): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const folder of folders) {
      if (!folder.isDirectory() || !isSubmissionId(folder.name)) continue;
      const file = join(root, folder.name, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      try {
        found.set(folder.name, parse(JSON.parse(text)));
      } catch (error) {
        onUnreadable(file, error);
      }
    }
    return found;
  }

  return {
    storage: {
      load: async () => [...(await readAll(ENTRY, (json) => OutboxEntrySchema.parse(json))).values()],
      save: async (entry: OutboxEntry) => writeSavedJson(join(folderOf(entry.package.submissionId), ENTRY), entry),
    },
    async addPackage(submissionId, bytes, details) {
      const folder = folderOf(submissionId);
      await makePrivateFolder(folder);
      // Details first: a start after a crash finds submissions by their details and queues any whose package is whole.
      await writeSavedJson(join(folder, DETAILS), details);
      await writeFileDurably(join(folder, PACKAGE), bytes);
    },
    replacePackage: async (submissionId, bytes) => writeFileDurably(join(folderOf(submissionId), PACKAGE), bytes),
    readPackage: async (submissionId) => new Uint8Array(await readFile(join(folderOf(submissionId), PACKAGE))),
    packagePath: (submissionId) => join(folderOf(submissionId), PACKAGE),
    loadDetails: () => readAll(DETAILS, (json) => SubmissionDetailsSchema.parse(json)),
  };
}
