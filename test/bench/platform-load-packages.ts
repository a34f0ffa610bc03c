import { randomUUID } from 'node:crypto';
import { checkCreditCode, creditCodeCheckCharacter, organisationCheckCharacter } from '../../core/letter/credit-code';
import type { Letter } from '../../core/letter/letter-schema';
import { letterFromTemplate } from '../../core/letter/templates';
import type { PackageRef } from '../../core/outbox/outbox-entry';
import type { DocumentFonts } from '../../core/pdf/document-fonts';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { bigPackage, refOf } from '../support/submission-fixtures';

/** What one client of the load run sends: one invented unit's packages, each with its own submission id. */
export interface BenchUnit {
  readonly creditCode: string;
  readonly name: string;
  readonly packages: readonly BenchPackage[];
}

export interface BenchPackage {
  readonly ref: PackageRef;
  readonly bytes: Uint8Array;
}

/** Issue 15 point 7: packages of about 200 KB, the letter's PDF and an incompressible scan. */
export const PACKAGE_BYTES = 200 * 1024;
/** What the ZIP's own records and the other entries add beside the PDF and the scan, about. */
const PACKAGE_OVERHEAD_BYTES = 2800;

/**
 * The `index`th invented 统一社会信用代码 of 青山县 (division 239921, as the fixtures' unit), an
 * 事业单位 (12) whose organisation code counts up from 50000000: both check characters computed,
 * so the platform's token command and package check take it.
 */
export function benchCreditCode(index: number): string {
  const organisation = String(50_000_000 + index).padStart(8, '0');
  const first17 = `12239921${organisation}${organisationCheckCharacter(organisation)}`;
  const code = `${first17}${creditCodeCheckCharacter(first17)}`;
  if (checkCreditCode(code).length > 0) throw new Error(`platform load bench: invented code ${code} does not pass GB 32100`);
  return code;
}

/**
 * One unit per client, since the platform caps unfinished uploads per credential (a desk is one
 * unit's): each unit's letter is rendered once (the platform reads its PDF against the letter), and
 * each package gets its own submission id. Built before any timing starts.
 */
export async function buildBenchUnits(counts: readonly number[], fonts: DocumentFonts): Promise<BenchUnit[]> {
  const template = letterFromTemplate('service', { year: 2026 });
  const units: BenchUnit[] = [];
  for (const [index, count] of counts.entries()) {
    const creditCode = benchCreditCode(index);
    const name = `青山县基准测试单位${index + 1}`;
    const letter: Letter = { ...template, unit: { ...template.unit, name, creditCode } };
    const rendered = await renderLetterPdf(letter, fonts);
    if (!rendered.ok) throw new Error(`platform load bench: the letter of ${name} does not render: ${rendered.problems.map((p) => p.message).join('; ')}`);
    const scanBytes = PACKAGE_BYTES - rendered.bytes.byteLength - PACKAGE_OVERHEAD_BYTES;
    const packages = Array.from({ length: count }, () => {
      const submissionId = randomUUID();
      const bytes = bigPackage(scanBytes, { letter, pdf: rendered.bytes, submissionId, createdAt: new Date() });
      return { ref: refOf(bytes, submissionId), bytes };
    });
    units.push({ creditCode, name, packages });
  }
  return units;
}
