import type { z } from 'zod';
import { isRecord } from '../json/is-record';
import { parseJsonBytes } from '../json/parse-json-bytes';
import { formatPath } from '../letter/field-path';
import { ZipRejected } from './bounded-unzip';

export interface ManifestSpec<T> {
  /** The manifest's own entry name, which it may not list. */
  readonly name: string;
  /** The only `format` value this reader understands, such as `pledge-package/1`. */
  readonly format: string;
  readonly schema: z.ZodType<T>;
  /** Where the manifest lists its entries, and the key that holds them (for messages). */
  readonly entries: (manifest: T) => readonly { readonly name: string }[];
  readonly entriesKey: string;
}

/**
 * Parses the JSON manifest of one of our ZIP formats: a format it knows, the shape of its schema,
 * and no entry listed twice or listing the manifest itself.
 *
 * @throws ZipRejected with `manifest-not-json`, `missing-format`, `unknown-format` or `manifest-invalid` (`field`).
 * @example const manifest = parseManifest(files.get('manifest.json')!, PACKAGE_MANIFEST_SPEC);
 */
export function parseManifest<T>(bytes: Uint8Array, spec: ManifestSpec<T>): T {
  const raw = parseJsonBytes(bytes);
  if (!isRecord(raw)) throw new ZipRejected('manifest-not-json');
  if (raw['format'] === undefined) throw new ZipRejected('missing-format');
  if (raw['format'] !== spec.format) throw new ZipRejected('unknown-format', { format: String(raw['format']), expected: spec.format });
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) throw new ZipRejected('manifest-invalid', { field: formatPath(parsed.error.issues[0]?.path ?? []) });
  const names = new Set<string>();
  for (const [i, entry] of spec.entries(parsed.data).entries()) {
    if (names.has(entry.name) || entry.name === spec.name) throw new ZipRejected('manifest-invalid', { field: `${spec.entriesKey}[${i}].name` });
    names.add(entry.name);
  }
  return parsed.data;
}
