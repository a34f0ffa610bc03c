import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import type { Letter } from '../../../core/letter/letter-schema';
import { validateLetter } from '../../../core/letter/validate-letter';
import type { OriginBatch, OutboxItem, OutboxSnapshot } from '../../../core/outbox/outbox-item';
import type { SubmissionState } from '../../../core/outbox/outbox-entry';
import { buildPackage } from '../../../core/package/build-package';
import { COMMITMENT_FIELD_NAMES } from '../../../core/records/national-template';
import { ID_NUMBER, personLetter, receiptFor, unitLetter } from '../../core/records/record-letters';
import { ownLetter } from '../../support/letter-fixtures';
import { packageInput, renderedPdf } from '../../support/package-fixtures';
import { bundlePageScript, launchChromium, openScriptPage } from '../../support/page-in-chromium';
import type { BridgeSetup, Calls } from './records-export.page';

/**
 * The outbox screen's 导出信用承诺记录 in Chromium, over a bridge that serves real packages and
 * records what it is asked to save; the saved .xlsx is read back with exceljs, a reader other than
 * the writer (write-excel-file).
 */
let browser: Browser;
let pageScript: string;

const valid = (input: unknown): Letter => {
  const result = validateLetter(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.letter;
};

const BATCH: OriginBatch = { id: 'batch-2026', title: '2026 年度执法岗位人员承诺书' };
const LETTERS = {
  unit: unitLetter(),
  person: personLetter(ID_NUMBER),
  queued: valid(ownLetter('key-task')),
  older: valid(ownLetter('service', { year: 2025 })),
  bare: personLetter(),
};
const IDS = {
  unit: '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b',
  person: '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e',
  queued: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  older: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
  bare: '2a3b4c5d-6e7f-4801-9234-56789abcdef0',
  original: '3b4c5d6e-7f80-4912-a345-6789abcdef01',
  correction: '4c5d6e7f-8091-4a23-b456-789abcdef012',
  lost: '5d6e7f80-91a2-4b34-8567-89abcdef0123',
  corrupt: '6e7f8091-a2b3-4c45-9678-9abcdef01234',
} as const;
type Key = keyof typeof IDS;
const LETTER_OF: Record<Key, Letter> = { ...LETTERS, original: LETTERS.unit, correction: LETTERS.unit, lost: LETTERS.unit, corrupt: LETTERS.unit };
/** Built at load, as the snapshots below hash them. */
const bytes = {} as Record<Key, Uint8Array>;
const pdfs = new Map<Letter, Uint8Array>();
for (const key of Object.keys(IDS) as Key[]) {
  const letter = LETTER_OF[key];
  if (!pdfs.has(letter)) pdfs.set(letter, await renderedPdf(letter));
  const supersedes = key === 'correction' ? { supersedes: IDS.original } : {};
  bytes[key] = buildPackage(packageInput({ letter, pdf: pdfs.get(letter)!, submissionId: IDS[key], ...supersedes }));
}
// A flipped byte near the end breaks the zip's directory: the package no longer verifies.
bytes.corrupt = bytes.corrupt.slice();
bytes.corrupt[bytes.corrupt.length - 30]! ^= 0xff;

beforeAll(async () => {
  pageScript = await bundlePageScript(join(import.meta.dirname, 'records-export.page.tsx'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** A delivered receipt: its 承诺编码 is 20 digits, the office's region, the letter's date and `serial`. */
const delivered = (key: Key, serial: number, receivedAt: string): SubmissionState => ({
  status: 'delivered',
  receipt: {
    receiptId: `r-${key}`,
    submissionId: IDS[key],
    sha256: sha256Hex(bytes[key]),
    receivedAt,
    ...(key === 'correction' ? { supersedes: IDS.original } : {}),
    ...receiptFor(LETTER_OF[key], serial),
    year: LETTER_OF[key].year,
  },
});
const codeOf = (state: SubmissionState) => (state.status === 'delivered' ? state.receipt.commitmentCode : undefined);

function item(key: Key, seq: number, state: SubmissionState, batch?: OriginBatch): OutboxItem {
  const letter = LETTER_OF[key];
  return {
    entry: { package: { submissionId: IDS[key], sha256: sha256Hex(bytes[key]), size: bytes[key].length }, seq, enqueuedAt: 1_776_000_000_000 + seq, state },
    details: {
      unitName: letter.unit.name,
      creditCode: letter.unit.creditCode,
      year: letter.year,
      createdAt: '2026-04-21T01:30:00.000Z',
      ...(letter.kind === 'person' ? { personName: letter.person.name } : {}),
      ...(key === 'correction' ? { supersedes: IDS.original } : {}),
      origin: { kind: 'app', draftId: `draft-${key}`, ...(batch ? { batch } : {}) },
      addedAt: 1_776_000_000_000 + seq,
    },
  };
}

const snapshotOf = (items: OutboxItem[]): OutboxSnapshot => ({ items, connection: { state: 'online' } });
const base64Of = (keys: readonly Key[]) => Object.fromEntries(keys.map((key) => [IDS[key], Buffer.from(bytes[key]).toString('base64')]));

const STATES = {
  unit: delivered('unit', 1, '2026-05-08T10:00:00+08:00'),
  person: delivered('person', 2, '2026-05-08T10:05:00+08:00'),
  // The 2025 letter was delivered last, late: it is what the default year follows, not the newest year.
  older: delivered('older', 3, '2026-05-09T09:00:00+08:00'),
};
/** A unit letter, a person's letter of a staff batch and a queued letter of 2026, and a 2025 letter delivered after them. */
const MAIN = snapshotOf([
  item('unit', 1, STATES.unit),
  item('person', 2, STATES.person, BATCH),
  item('queued', 3, { status: 'queued', attempt: 0 }, BATCH),
  item('older', 4, STATES.older),
]);

interface Opened {
  readonly page: Page;
  readonly logged: string[];
}

async function open(snapshot: OutboxSnapshot, setup: BridgeSetup): Promise<Opened> {
  const page = await browser.newPage();
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await page.addInitScript(() => {
    const fake = () => (window as unknown as { fakeBridge: { call: (name: string, ...args: unknown[]) => Promise<unknown> } }).fakeBridge;
    Object.assign(window, { desktop: { call: (name: string, ...args: unknown[]) => fake().call(name, ...args), on: () => () => undefined } });
  });
  await openScriptPage(page, pageScript, 'mountOutbox');
  await page.evaluate(`window.mountOutbox(${JSON.stringify(snapshot)}, ${JSON.stringify(setup)})`);
  return { page, logged };
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: Calls }).calls);
const status = (page: Page) => page.getByTestId('records-export-status').textContent().catch(() => '');
const exportButton = (page: Page) => page.getByTestId('records-export').getByRole('button', { name: '导出信用承诺记录' });

/** The saved sheet's rows as exceljs reads them, each cell as text, and every cell type it found. */
async function readSheet(base64: string): Promise<{ rows: string[][]; types: Set<ExcelJS.ValueType> }> {
  const book = new ExcelJS.Workbook();
  const file = Buffer.from(base64, 'base64');
  await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  const types = new Set<ExcelJS.ValueType>();
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => String(row.getCell(i + 1).value ?? '')));
    row.eachCell((cell) => types.add(cell.type));
  });
  return { rows, types };
}
const column = (rows: string[][], name: string) => rows.slice(1).map((row) => row[COMMITMENT_FIELD_NAMES.indexOf(name as never)]!);

describe('RecordsExportButton on the outbox screen', { timeout: 60_000 }, () => {
  it('offers the years that have letters and starts at the year of the letter delivered last', async () => {
    const { page } = await open(MAIN, { packages: base64Of(['unit', 'person', 'queued', 'older']), savedPath: '/exports/x.xlsx' });
    try {
      const year = page.getByTestId('records-export').getByRole('combobox');
      expect(await year.locator('option').allTextContents()).toEqual(['2026 年度', '2025 年度']);
      expect(await year.inputValue()).toBe('2025');
      expect(await page.getByTestId('records-export-summary').textContent()).toContain('2025 年度有 1 份已送达的承诺书可以导出。');
      await year.selectOption('2026');
      const summary = (await page.getByTestId('records-export-summary').textContent()) ?? '';
      expect(summary).toContain('2026 年度有 2 份已送达的承诺书可以导出。');
      expect(summary).toContain('1 份承诺书尚未送达报送平台、没有回执，未导出');
      expect((await calls(page)).read).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("saves the year's delivered letters, batch letters too, as the template's .xlsx with the receipts' 承诺编码, and leaves out the one not delivered", async () => {
    const { page, logged } = await open(MAIN, { packages: base64Of(['unit', 'person', 'queued', 'older']), savedPath: '/exports/信用承诺记录-2026.xlsx' });
    try {
      await page.getByTestId('records-export').getByRole('combobox').selectOption('2026');
      await exportButton(page).click();
      await expect.poll(() => status(page)).toContain('已导出 2 条信用承诺记录，保存到 /exports/信用承诺记录-2026.xlsx。');
      expect(await status(page)).toContain('1 份承诺书尚未送达报送平台、没有回执，未导出');

      const recorded = await calls(page);
      // Neither the queued letter nor the other year's is opened.
      expect(recorded.read.sort()).toEqual([IDS.unit, IDS.person].sort());
      expect(recorded.saved.map(({ kind, suggestedName }) => ({ kind, suggestedName }))).toEqual([{ kind: 'spreadsheet', suggestedName: '信用承诺记录-2026.xlsx' }]);

      const { rows, types } = await readSheet(recorded.saved[0]!.base64);
      expect(rows[0]).toEqual([...COMMITMENT_FIELD_NAMES]);
      expect(rows).toHaveLength(3);
      expect([...types]).toEqual([ExcelJS.ValueType.String]);
      const codes = column(rows, '承诺编码');
      expect(codes).toEqual([codeOf(STATES.unit), codeOf(STATES.person)]);
      for (const code of codes) expect(code).toMatch(/^\d{20}$/);
      expect(column(rows, '承诺人名称')).toEqual([LETTERS.unit.unit.name, '吴晓燕']);
      expect(column(rows, '承诺人代码')).toEqual([LETTERS.unit.unit.creditCode, ID_NUMBER]);
      expect(column(rows, '承诺受理单位')).toEqual([receiptFor(LETTERS.unit).platform!.name, receiptFor(LETTERS.person).platform!.name]);

      // Both rows pass the template, and the person's ID number, in the file, is nowhere on the screen or in the log.
      expect(await page.getByTestId('records-export-problems').count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toContain(ID_NUMBER);
      expect(logged.join('\n')).not.toContain(ID_NUMBER);
    } finally {
      await page.close();
    }
  });

  it('says that nothing was saved when the clerk cancels the save dialog', async () => {
    const { page } = await open(MAIN, { packages: base64Of(['unit', 'person', 'queued', 'older']), savedPath: null });
    try {
      await exportButton(page).click();
      await expect.poll(() => status(page)).toContain('已取消保存，没有导出任何文件。');
      expect(await status(page)).not.toContain('已导出');
      expect((await calls(page)).saved).toHaveLength(1);
      expect(await page.getByTestId('records-export-problems').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('names and skips packages it cannot read, leaves out a letter a delivered correction replaced, and lists rows that break the template by name', async () => {
    const snapshot = snapshotOf([
      item('original', 1, delivered('original', 1, '2026-05-08T10:00:00+08:00')),
      item('correction', 2, delivered('correction', 2, '2026-05-08T11:00:00+08:00')),
      item('bare', 3, delivered('bare', 3, '2026-05-08T12:00:00+08:00'), BATCH),
      item('lost', 4, delivered('lost', 4, '2026-05-08T13:00:00+08:00')),
      item('corrupt', 5, delivered('corrupt', 5, '2026-05-08T14:00:00+08:00')),
    ]);
    const { page } = await open(snapshot, { packages: base64Of(['original', 'correction', 'bare', 'corrupt']), savedPath: '/exports/records.xlsx' });
    try {
      await exportButton(page).click();
      await expect.poll(() => status(page)).toContain('已导出 2 条信用承诺记录，保存到 /exports/records.xlsx。');
      expect(await status(page)).toContain('1 份承诺书已由送达的更正报送替代，未导出');
      const failures = await page.getByTestId('records-export-failures').locator('li').allTextContents();
      expect(failures).toHaveLength(2);
      expect(failures[0]).toContain(`${LETTERS.unit.unit.name}（提交编号 ${IDS.lost}）的报送包无法读取或未通过校验，已跳过：`);
      expect(failures[1]).toContain(`（提交编号 ${IDS.corrupt}）的报送包无法读取或未通过校验，已跳过：`);
      const problems = await page.getByTestId('records-export-problems').locator('li').allTextContents();
      expect(problems).toEqual([expect.stringMatching(/^第 3 行（吴晓燕）：缺少承诺人代码：个人承诺的承诺人代码是本人的居民身份证号码/)]);

      const recorded = await calls(page);
      expect(recorded.read).not.toContain(IDS.original);
      const { rows } = await readSheet(recorded.saved[0]!.base64);
      expect(column(rows, '承诺编码')).toEqual([codeOf(delivered('correction', 2, '')), codeOf(delivered('bare', 3, ''))]);
    } finally {
      await page.close();
    }
  });
});
