import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../core/package/build-package';
import { unitLetter } from '../core/records/record-letters';
import { packageInput, renderedPdf } from '../support/package-fixtures';
import { runCli } from './run-cli';

const ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
// One item due on a day, so the calendar has a deadline to warn of.
const letter = (() => {
  const own = unitLetter();
  return { ...own, items: own.items.map((item, i) => (i === 0 ? { ...item, deadline: '2026年11月30日前' } : item)) };
})();
const run = (...argv: string[]) => runCli(argv, new Date('2026-07-02T09:00:00+08:00'));

let dir: string;
let zip: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-calendar-'));
  zip = join(dir, 'letter.zip');
  await writeFile(zip, buildPackage(packageInput({ letter, pdf: await renderedPdf(letter), submissionId: ID })));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The calendar's lines, unfolded as RFC 5545 says (a CRLF and one space join a line to the one before). */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('pledge calendar', () => {
  it('writes the letter’s year as an .ics with the unit’s dates and stable UIDs; a kept item carries no alarm', async () => {
    const out = join(dir, 'a.ics');
    const result = await run('calendar', zip, '-o', out);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const lines = unfold(text);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260831');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260501');
    const alarms = (ics: string) => unfold(ics).filter((line) => line === 'BEGIN:VALARM').length;
    // Made again, the same UIDs: an import updates the entries.
    const again = join(dir, 'b.ics');
    expect((await run('calendar', zip, '-o', again)).code).toBe(0);
    const uids = (ics: string) => unfold(ics).filter((line) => line.startsWith('UID:'));
    expect(uids(await readFile(again, 'utf8'))).toEqual(uids(text));

    const report = join(dir, 'progress.json');
    expect((await run('progress', 'new', zip, '--period', '2026-06', '-o', report)).code).toBe(0);
    const filled = JSON.parse(await readFile(report, 'utf8')) as { items: { status: string }[] };
    filled.items = filled.items.map((item) => ({ ...item, status: '已兑现' }));
    await writeFile(report, JSON.stringify(filled));
    const kept = join(dir, 'kept.ics');
    expect((await run('calendar', zip, '--progress', report, '-o', kept)).code).toBe(0);
    expect(alarms(text)).toBeGreaterThan(0);
    expect(alarms(await readFile(kept, 'utf8'))).toBe(0);
  });

  it('refuses a missing -o, a broken package and a report of another letter', async () => {
    expect(await run('calendar', zip)).toMatchObject({ code: 2, stderr: expect.stringContaining('-o') });
    const broken = join(dir, 'broken.zip');
    await writeFile(broken, 'no');
    expect(await run('calendar', broken, '-o', join(dir, 'x.ics'))).toMatchObject({ code: 1, stdout: expect.stringContaining('报送包未通过校验') });
    const other = join(dir, 'other.json');
    expect((await run('progress', 'new', zip, '--period', '2026', '-o', other)).code).toBe(0);
    const report = JSON.parse(await readFile(other, 'utf8')) as Record<string, unknown>;
    await writeFile(other, JSON.stringify({ ...report, submissionId: '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e' }));
    expect(await run('calendar', zip, '--progress', other, '-o', join(dir, 'x.ics'))).toMatchObject({ code: 2, stderr: expect.stringContaining('不是这份承诺书') });
  });
});
