import { personalLetterPath, publicLetterUrl } from '../protocol/public-letter-path';
import type { PublicLetter } from './public-letter';

/** What may name the letter's public address: the address itself, or the platform's with what the path needs. */
export interface AddressSource {
  /** The public address as the office was given it; taken as it is. */
  readonly url?: string | undefined;
  /** The platform's own address (the outbox's connection), under which its public column lives. */
  readonly platform?: string | undefined;
  /** 承诺编码 from the platform's receipt: a civil servant's letter is addressed by it. */
  readonly commitmentCode?: string | undefined;
}

export type PublicAddress =
  | { readonly ok: true; readonly url: string }
  /** `missing`: neither an address nor the platform's; `needs-code`: a person's letter before its receipt. */
  | { readonly ok: false; readonly reason: 'missing' | 'needs-code' };

/**
 * The address the portal page, the poster and the cards link to: `url` when given, else the
 * platform's public column: a unit's letter by year and credit code (known before delivery), a
 * person's by the 承诺编码 only its receipt gives.
 *
 * @example publicAddress(letter, { platform: 'https://credit.example.gov.cn' }) // { ok: true, url: 'https://credit.example.gov.cn/public/2026/…' }
 */
export function publicAddress(letter: Pick<PublicLetter, 'kind' | 'year' | 'unit'>, source: AddressSource): PublicAddress {
  const url = source.url?.trim();
  if (url) return { ok: true, url };
  const platform = source.platform?.trim();
  if (!platform) return { ok: false, reason: 'missing' };
  if (letter.kind === 'unit') return { ok: true, url: publicLetterUrl(platform, letter.year, letter.unit.creditCode) };
  if (!source.commitmentCode) return { ok: false, reason: 'needs-code' };
  return { ok: true, url: `${platform.replace(/\/+$/, '')}${personalLetterPath(source.commitmentCode)}` };
}

