import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { normalizeCreditCode } from '../../core/letter/credit-code';
import { unitCreditCodeProblems } from '../../core/letter/validate-letter';
import { writeFileDurably } from '../../node/files/durable-file';
import { t } from '../i18n/translate';
import type { PlatformIdentity } from './platform-identity';

/** `<data>/platform.json`: who the platform is, set once with `identity set`. */
export const IDENTITY_FILE = 'platform.json';

/**
 * What a platform started with `--open` calls itself when no identity is set: plainly not an
 * office, and its 承诺编码 (000000…) plainly not a real place's.
 */
export const TRIAL_IDENTITY: PlatformIdentity = { name: t('platform.identity.trialName'), creditCode: '000000000000000000', regionCode: '000000' };

const MAX_NAME_CHARS = 100;
/** First two digits of a 行政区划代码 (GB/T 2260): the provinces, Taiwan, Hong Kong and Macao. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export interface IdentityInput {
  readonly name?: string | undefined;
  readonly creditCode?: string | undefined;
  readonly regionCode?: string | undefined;
}

/** The identity given, tidied (spaces trimmed, the code as a letter normalises it), or each problem in Chinese naming its field. */
export function checkIdentity(input: IdentityInput): { ok: true; identity: PlatformIdentity } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const name = (input.name ?? '').trim();
  if (name === '') problems.push(t('platform.identity.nameMissing'));
  else if ([...name].length > MAX_NAME_CHARS) problems.push(t('platform.identity.nameTooLong', { max: MAX_NAME_CHARS }));
  const creditCode = normalizeCreditCode(input.creditCode ?? '');
  if (creditCode === '') problems.push(t('platform.identity.codeMissing'));
  else problems.push(...unitCreditCodeProblems(creditCode).map((problem) => problem.message));
  const regionCode = (input.regionCode ?? '').trim();
  if (regionCode === '') problems.push(t('platform.identity.regionMissing'));
  else if (!/^\d{6}$/.test(regionCode)) problems.push(t('platform.identity.regionShape', { region: regionCode.slice(0, 20) }));
  else if (!PROVINCES.has(regionCode.slice(0, 2))) problems.push(t('platform.identity.regionProvince', { region: regionCode }));
  return problems.length === 0 ? { ok: true, identity: { name, creditCode, regionCode } } : { ok: false, problems };
}

const IdentityFileSchema = z.object({ name: z.string(), creditCode: z.string(), regionCode: z.string() });

/**
 * The identity set for a data folder, `undefined` when none is; a file that is there but not a
 * valid identity throws, with the reason in Chinese, so the platform never runs under a wrong name.
 */
export async function loadIdentity(dataDir: string): Promise<PlatformIdentity | undefined> {
  const file = join(dataDir, IDENTITY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: z.infer<typeof IdentityFileSchema>;
  try {
    parsed = IdentityFileSchema.parse(JSON.parse(text));
  } catch {
    throw new Error(t('platform.identity.fileUnreadable', { file }));
  }
  const checked = checkIdentity(parsed);
  if (!checked.ok) throw new Error(`${t('platform.identity.fileUnreadable', { file })}\n${checked.problems.join('\n')}`);
  return checked.identity;
}

export async function saveIdentity(dataDir: string, identity: PlatformIdentity): Promise<void> {
  const { name, creditCode, regionCode } = identity;
  await writeFileDurably(join(dataDir, IDENTITY_FILE), `${JSON.stringify({ name, creditCode, regionCode }, null, 2)}\n`);
}
