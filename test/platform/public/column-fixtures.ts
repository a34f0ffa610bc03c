import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate, type TemplateKey } from '../../../core/letter/templates';
import { buildPackage } from '../../../core/package/build-package';
import type { PlatformStore } from '../../../platform/store/platform-store';
import { packageInput, renderedPdf } from '../../support/package-fixtures';
import { upload } from '../../support/platform-requests';

/**
 * Letters for the public column's tests: template letters (their sample units have codes that pass
 * GB 32100), packed with their own rendered PDF and delivered to a real platform over tus.
 */
export async function packed(letter: Letter, submissionId: string, supersedes?: string): Promise<Uint8Array> {
  return buildPackage(packageInput({ letter, pdf: await renderedPdf(letter), submissionId, ...(supersedes === undefined ? {} : { supersedes }) }));
}

export function templateLetter(key: TemplateKey, year = 2026): Letter {
  return letterFromTemplate(key, { year });
}

/** Sends a package to a platform in trial mode (no token) and expects its receipt. */
export async function deliver(url: string, bytes: Uint8Array, submissionId: string): Promise<void> {
  const response = await upload(url, bytes, { submissionId });
  if (response.status !== 200 && response.status !== 201) throw new Error(`delivery of ${submissionId} failed: ${response.status} ${await response.text()}`);
}

/**
 * A 居民身份证号码 that passes GB 11643 (weights over the first 17 digits, sum mod 11), invented:
 * what a personal letter's national record will carry and no public page may show.
 */
export function inventedIdNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/**
 * A personal letter's package as a later format will have it: the person's ID number in
 * `letter.json` and in `credit-record.json` (承诺人代码). Today's package check refuses such a
 * package (the letter's keys are strict), so it is recorded in the store as the platform records an
 * accepted one, its file in place first.
 */
export async function recordPackageWithIdNumber(store: PlatformStore, packagesDir: string, letter: Letter & { kind: 'person' }, submissionId: string, idNumber: string): Promise<void> {
  const files = unzipSync(await packed(letter, submissionId));
  const letterJson = JSON.parse(new TextDecoder().decode(files['letter.json'])) as { person: Record<string, string> };
  letterJson.person['idNumber'] = idNumber;
  files['letter.json'] = strToU8(JSON.stringify(letterJson));
  const record = JSON.parse(new TextDecoder().decode(files['credit-record.json'])) as Record<string, string>;
  record['承诺人代码'] = idNumber;
  files['credit-record.json'] = strToU8(JSON.stringify(record));
  const zip = zipSync(files as Zippable);
  await store.submissions.record({
    entry: {
      receiptId: `receipt-${submissionId}`,
      submissionId,
      sha256: sha256Hex(zip),
      receivedAt: new Date().toISOString(),
      unitName: letter.unit.name,
      creditCode: letter.unit.creditCode,
      year: letter.year,
      size: zip.byteLength,
      kind: 'person',
      letterDate: letter.date,
      personName: letter.person.name,
    },
    commitmentPrefix: `239900${letter.date.replaceAll('-', '')}`,
    persist: () => writeFileSync(join(packagesDir, `${submissionId}.zip`), zip),
  });
}
