import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatKeyId } from '../../../core/protocol/receipt-signature';
import { runIdentityCommand } from '../../../platform/identity/identity-command';
import { IDENTITY_FILE, loadIdentity } from '../../../platform/identity/identity-file';
import { openReceiptKey } from '../../../platform/identity/receipt-key';
import { OFFICE } from '../../support/office';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-identity-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function identity(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runIdentityCommand(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const SET = ['set', '--data', '', '--name', OFFICE.name, '--code', OFFICE.creditCode, '--region', OFFICE.regionCode];
const set = (overrides: Record<string, string> = {}) => {
  const args = [...SET];
  args[2] = dataDir;
  for (const [option, value] of Object.entries(overrides)) args[args.indexOf(option) + 1] = value;
  return identity(...args);
};

describe('npm run platform -- identity', () => {
  it('sets the office in <data>/platform.json and shows it with the receipt key’s fingerprint', async () => {
    const saved = await set({ '--name': `  ${OFFICE.name} `, '--code': OFFICE.creditCode.toLowerCase() });
    expect(saved.code).toBe(0);
    expect(await loadIdentity(dataDir)).toEqual(OFFICE);
    expect(JSON.parse(await readFile(join(dataDir, IDENTITY_FILE), 'utf8'))).toEqual(OFFICE);
    const shown = await identity('show', '--data', dataDir);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(OFFICE.name);
    expect(shown.stdout).toContain(OFFICE.regionCode);
    expect(shown.stdout).toContain(formatKeyId((await openReceiptKey(dataDir)).key.keyId));
  });

  it('refuses each wrong value with a Chinese message naming its field, and saves nothing', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ '--name': ' ' }, '承诺受理单位名称'],
      [{ '--code': '112399000123456718' }, '统一社会信用代码'],
      [{ '--code': '12345' }, '统一社会信用代码'],
      [{ '--region': '23990' }, '行政区划代码'],
      [{ '--region': '990000' }, '行政区划代码'],
    ];
    for (const [overrides, field] of cases) {
      const refused = await set(overrides);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(field);
    }
    expect(await loadIdentity(dataDir)).toBeUndefined();
  });

  it('answers 1 for show with nothing set or a damaged file, and 2 for a wrong command line', async () => {
    const none = await identity('show', '--data', dataDir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('identity set');
    await writeFile(join(dataDir, IDENTITY_FILE), '{"name": 1}');
    expect((await identity('show', '--data', dataDir)).code).toBe(1);
    await expect(loadIdentity(dataDir)).rejects.toThrow(IDENTITY_FILE);
    expect((await identity('show')).code).toBe(2);
    expect((await identity('rename', '--data', dataDir)).code).toBe(2);
    expect((await identity('set', '--data', dataDir, '--colour', 'red')).code).toBe(2);
  });
});
