import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { letterFromTemplate } from '../../core/letter/templates';
import { validateLetter } from '../../core/letter/validate-letter';
import { buildPackage, type PackageInput } from '../../core/package/build-package';
import { packageJson } from '../../core/package/package-json';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { loadNodeDocumentFonts } from '../../node/fonts/node-document-fonts';

/** The letter's PDF as the app renders it, so a package says what its letter says (pdf.js reads it on the platform). */
export async function renderedPdf(letter: unknown): Promise<Uint8Array> {
  const result = await renderLetterPdf(letter, await loadNodeDocumentFonts());
  if (!result.ok) throw new Error(`The fixture letter does not render: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.bytes;
}

/** The PDFs of the template letters the tests pack, rendered once per test file. */
const RENDERED = new Map<string, Uint8Array>();
for (const template of ['service', 'policy'] as const) {
  const letter = letterFromTemplate(template, { year: 2026 });
  RENDERED.set(letterKey(letter)!, await renderedPdf(letter));
}

/** Template letters keep their sample unit on purpose here: what is tested is the package, not the letter's content. */
function letterKey(letter: unknown): string | undefined {
  const validation = validateLetter(letter, { allowSampleContent: true });
  return validation.ok ? JSON.stringify(validation.letter) : undefined;
}

/** Inputs: a template letter, its rendered PDF and a real 1×1 PNG as the signed scan. */
export const PDF = RENDERED.get(letterKey(letterFromTemplate('service', { year: 2026 }))!)!;
export const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
/** A PDF signed copy: any PDF but the letter's own, which is refused as a signed copy. */
export const SIGNED_PDF = new TextEncoder().encode('%PDF-1.7\n% the signed and sealed copy\n');
export const ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
export const OTHER_ID = '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e';
export const CREATED_AT = new Date('2026-04-21T01:30:00.000Z');

/**
 * A package's inputs; the PDF is the letter's own when the letter is a template letter rendered
 * above (an invalid letter gets any, since it is refused before its PDF counts). For another
 * letter, pass `pdf: await renderedPdf(letter)`.
 */
export function packageInput(overrides: Partial<PackageInput> = {}): PackageInput {
  const letter = overrides.letter ?? letterFromTemplate('service', { year: 2026 });
  const key = letterKey(letter);
  const pdf = key === undefined ? PDF : RENDERED.get(key);
  if (overrides.pdf === undefined && pdf === undefined) throw new Error('No rendered PDF for this letter: pass pdf: await renderedPdf(letter).');
  return {
    letter,
    pdf: pdf ?? PDF,
    signed: [{ name: '签字盖章扫描件.png', bytes: PNG }],
    submissionId: ID,
    createdAt: CREATED_AT,
    ...overrides,
  };
}

export type Files = Record<string, Uint8Array>;
export const json = (bytes: Uint8Array | undefined): unknown => JSON.parse(strFromU8(bytes!));
export const toJson = (value: unknown): Uint8Array => strToU8(JSON.stringify(value));

/** Changes the files of a good package and zips them again; `relist` rewrites the manifest's files so only the change is wrong. */
export function tamper(change: (files: Files) => void, { relist = false } = {}): Uint8Array {
  const files: Files = unzipSync(buildPackage(packageInput()));
  change(files);
  if (relist) {
    const manifest = json(files['manifest.json']) as { files: { name: string; size: number; sha256: string }[] };
    for (const file of manifest.files) {
      const bytes = files[file.name];
      if (bytes) Object.assign(file, { size: bytes.length, sha256: sha256Hex(bytes) });
    }
    files['manifest.json'] = packageJson(manifest); // as the builder writes it, so only the change is wrong
  }
  return zipSync(files as Zippable);
}

/** Edits the manifest of a good package. */
export function editManifest(change: (manifest: Record<string, unknown>) => void): (files: Files) => void {
  return (files) => {
    const manifest = json(files['manifest.json']) as Record<string, unknown>;
    change(manifest);
    files['manifest.json'] = packageJson(manifest); // as the builder writes it, so only the change is wrong
  };
}
