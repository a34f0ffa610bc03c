import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Letter } from '../../../core/letter/letter-schema';
import { buildPackage } from '../../../core/package/build-package';
import type { ProgressReport } from '../../../core/progress/progress-schema';
import { ReceiptSchema, type Receipt } from '../../../core/protocol/reference-protocol';
import { issueToken } from '../../../platform/credentials';
import { startPlatform, type Platform } from '../../../platform/platform-server';
import type { StoreLocation } from '../../../platform/store/open-store';
import { OFFICE } from '../../support/office';
import { packageInput, renderedPdf } from '../../support/package-fixtures';
import { upload } from '../../support/platform-requests';
import { progressPackage, type EvidenceInput } from './progress-fixtures';

/**
 * The real platform on loopback for the year's progress, on SQLite or a PostgreSQL database: each
 * unit delivers with a token of its own (issued the first time it sends), an operator of the city
 * credit office, and a clock that moves a second a call from 1 July 2026 in Beijing, so reports are
 * accepted in the order sent and the year is 2026 whatever the machine says.
 */
export interface ProgressPlatform {
  readonly url: string;
  readonly location: StoreLocation;
  readonly operator: string;
  /** What the platform logged, to check that no ID number reaches it. */
  readonly logged: readonly string[];
  /** The unit token of a 统一社会信用代码, issued on first use. */
  tokenOf(creditCode: string): Promise<string>;
  /** Delivers a letter with its unit's token and answers the receipt. */
  deliverLetter(letter: Letter, submissionId: string): Promise<Receipt>;
  /** Sends a report as `pledge send` does, with its unit's token unless another is given; answers the response. */
  sendReport(report: ProgressReport, evidence?: readonly EvidenceInput[], token?: string): Promise<Response>;
  /** A dashboard session cookie (`name=value`) for the operator. */
  dashboardCookie(): Promise<string>;
  stop(): Promise<void>;
}

export async function startProgressPlatform(database?: string): Promise<ProgressPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-year-'));
  const location: StoreLocation = { dataDir, ...(database === undefined ? {} : { database }) };
  const operator = (await issueToken(location, { operator: true, name: '市信用办 王敏' })).token;
  const logged: string[] = [];
  let clock = Date.parse('2026-07-01T02:00:00.000Z');
  const platform: Platform = await startPlatform({ ...location, port: 0, identity: OFFICE, now: () => new Date((clock += 1000)), log: (line) => logged.push(line) });
  const tokens = new Map<string, string>();
  const tokenOf = async (creditCode: string) => {
    if (!tokens.has(creditCode)) tokens.set(creditCode, (await issueToken(location, { unit: creditCode })).token);
    return tokens.get(creditCode)!;
  };
  const send = async (bytes: Uint8Array, submissionId: string, token: string) => upload(platform.url, bytes, { submissionId, token });
  return {
    url: platform.url,
    location,
    operator,
    logged,
    tokenOf,
    deliverLetter: async (letter, submissionId) => {
      const response = await send(buildPackage(packageInput({ letter, pdf: await renderedPdf(letter), submissionId })), submissionId, await tokenOf(letter.unit.creditCode));
      if (response.status !== 200) throw new Error(`delivery of ${submissionId} failed: ${response.status} ${await response.text()}`);
      return ReceiptSchema.parse(await response.json());
    },
    sendReport: async (report, evidence, token) => {
      const submissionId = randomUUID();
      return send(progressPackage(report, submissionId, evidence), submissionId, token ?? (await tokenOf(report.unit.creditCode)));
    },
    dashboardCookie: async () => {
      const login = await fetch(new URL('/dashboard/login', platform.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: operator }).toString(),
        redirect: 'manual',
      });
      return login.headers.get('set-cookie')!.split(';')[0]!;
    },
    stop: async () => {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a report and expects it accepted. */
export async function accepted(response: Promise<Response>): Promise<Receipt> {
  const answered = await response;
  if (answered.status !== 200) throw new Error(`report refused: ${answered.status} ${await answered.text()}`);
  return ReceiptSchema.parse(await answered.json());
}
