import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import { publicLetterPath } from '../../../core/protocol/public-letter-path';
import { openStore } from '../../../platform/store/open-store';
import type { PlatformStore } from '../../../platform/store/platform-store';
import { PNG } from '../../support/package-fixtures';
import { startTestPlatform, TOKEN } from '../../support/submission-fixtures';
import { deliver, inventedIdNumber, packed, recordPackageWithIdNumber, templateLetter } from './column-fixtures';
import { parsePage, referencesOf, type PageElement } from './parsed-page';

/**
 * The public column over loopback against the real platform: letters delivered over tus, published
 * and withdrawn in the store as the operator's dashboard does, read back as a visitor would.
 */
const ID = {
  service: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a51',
  correction: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a52',
  policy: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a53',
  contract: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a54',
  lastYear: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a55',
  person: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a56',
  withIdNumber: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a57',
  personCorrection: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a58',
  lost: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a59',
} as const;
const SERVICE = { code: '122399214012770352', name: '青山县政务服务中心' } as const;
const POLICY = { code: '112399210035830292', name: '青山县发展和改革局' } as const;
const CONTRACT = { code: '112399210035841794', name: '青山县住房和城乡建设局' } as const;
const ID_NUMBER = inventedIdNumber('23012219850312471');
const CORRECTED_ITEM = '更正后新增：企业开办全程网办，办理时限压缩至 1 个工作日。';

let url: string;
let dataDir: string;
let stop: () => Promise<void>;
let store: PlatformStore;
let personCode: string;
let personWithIdCode: string;
// Time moves on by a second a call, from June 2026 (Beijing): the column's year is 2026 whatever the machine's clock says.
let clock = Date.parse('2026-06-01T02:00:00.000Z');
const logged: string[] = [];

const publish = (id: string) => store.submissions.setPublished(id, new Date(clock).toISOString());
const withdraw = (id: string) => store.submissions.setPublished(id, null);

beforeAll(async () => {
  const started = await startTestPlatform({ open: true, now: () => new Date((clock += 1000)), log: (line) => logged.push(line) });
  ({ dataDir, stop } = started);
  url = started.platform.url;
  store = await openStore(dataDir);

  const service = templateLetter('service');
  const correction: Letter = { ...service, items: [...service.items, { category: 'service', content: CORRECTED_ITEM, deadline: '全年' }] };
  const person = templateLetter('person') as Letter & { kind: 'person' };
  const colleague: Letter & { kind: 'person' } = { ...person, person: { name: '王某某', position: '镇综合行政执法队执法人员' }, principal: { name: '王某某', title: '执法人员' } };
  await deliver(url, await packed(service, ID.service), ID.service);
  await deliver(url, await packed(correction, ID.correction, ID.service), ID.correction);
  await deliver(url, await packed(templateLetter('policy'), ID.policy), ID.policy);
  await deliver(url, await packed(templateLetter('contract'), ID.contract), ID.contract);
  await deliver(url, await packed(templateLetter('service', 2025), ID.lastYear), ID.lastYear);
  await deliver(url, await packed(person, ID.person), ID.person);
  await deliver(url, await packed({ ...person, person: { ...person.person, position: '镇便民服务中心窗口负责人' } }, ID.personCorrection, ID.person), ID.personCorrection);
  await recordPackageWithIdNumber(store, join(dataDir, 'packages'), colleague, ID.withIdNumber, ID_NUMBER);
  for (const id of [ID.service, ID.policy, ID.lastYear, ID.person, ID.withIdNumber]) expect(await publish(id)).toBe(true);
  personCode = (await store.submissions.find(ID.person))!.commitmentCode!;
  personWithIdCode = (await store.submissions.find(ID.withIdNumber))!.commitmentCode!;
}, 180_000);

afterAll(async () => {
  await store?.close();
  await stop?.();
});

async function get(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer; text: string; elements: PageElement[] }> {
  const response = await fetch(new URL(path, url), { redirect: 'manual' });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
  return { status: response.status, headers: response.headers, bytes, text, elements: html ? parsePage(text) : [] };
}

const links = (elements: readonly PageElement[]) => elements.filter((element) => element.tag === 'a').map((element) => element.attrs['href']!);
const textOf = (elements: readonly PageElement[]) => elements.find((element) => element.tag === 'body')!.text;
const storedEntry = async (id: string, name: string) => unzipSync(new Uint8Array(await readFile(join(dataDir, 'packages', `${id}.zip`))))[name]!;

describe('the public column’s index', () => {
  it('lists the year’s published letters, units and civil servants, and nothing unpublished', async () => {
    const index = await get('/public');
    expect(index.status).toBe(200);
    expect(links(index.elements)).toEqual(
      expect.arrayContaining([publicLetterPath(2026, SERVICE.code), publicLetterPath(2026, POLICY.code), `/public/letters/${personCode}`, `/public/letters/${personWithIdCode}`]),
    );
    const text = textOf(index.elements);
    expect(text).toContain(SERVICE.name);
    expect(text).toContain(SERVICE.code);
    expect(text).toContain('李某某');
    expect(text).toContain('2026 年 4 月 20 日');
    // The items of each letter, folded in a <details>.
    expect(index.elements.filter((element) => element.tag === 'details')).toHaveLength(4);
    expect(text).toContain(templateLetter('policy').items[0]!.content);
    // Unpublished: the contract letter and the correction; another year: 2025's.
    expect(text).not.toContain(CONTRACT.name);
    expect(text).not.toContain(CORRECTED_ITEM);
    expect(links(index.elements).some((href) => href.includes(CONTRACT.code) || href.startsWith('/public/2025/'))).toBe(false);
  }, 30_000);

  it('finds letters by part of the unit’s name or by its code, with a plain GET form', async () => {
    const form = (await get('/public')).elements.find((element) => element.tag === 'form')!;
    expect(form.attrs).toMatchObject({ method: 'get', action: '/public' });

    const byName = await get(`/public?q=${encodeURIComponent('发展和改革')}&year=2026`);
    expect(links(byName.elements)).toContain(publicLetterPath(2026, POLICY.code));
    expect(links(byName.elements).some((href) => href.includes(SERVICE.code) || href.startsWith('/public/letters/'))).toBe(false);
    expect(byName.elements.find((element) => element.tag === 'input' && element.attrs['name'] === 'q')!.attrs['value']).toBe('发展和改革');

    const byCode = await get(`/public?q=${SERVICE.code}`);
    expect(links(byCode.elements)).toContain(publicLetterPath(2026, SERVICE.code));
    expect(links(byCode.elements).some((href) => href.includes(POLICY.code))).toBe(false);

    const none = await get(`/public?q=${CONTRACT.code}`);
    expect(none.status).toBe(200);
    expect(links(none.elements).some((href) => href.includes(CONTRACT.code))).toBe(false);
    expect(textOf(none.elements)).toContain('0 份');
  }, 30_000);

  it('shows another year’s letters only when asked, and none of this year’s with them', async () => {
    const lastYear = await get('/public?year=2025');
    expect(links(lastYear.elements)).toContain(publicLetterPath(2025, SERVICE.code));
    expect(links(lastYear.elements).some((href) => href.startsWith('/public/2026/') || href.startsWith('/public/letters/'))).toBe(false);
    // The years to choose from are links of their own.
    expect(links((await get('/public')).elements)).toContain('/public?year=2025');
    expect((await get('/public?year=1999')).status).toBe(400);
    expect((await get('/public?year=abc')).text).toContain('不是有效的年度');
  }, 30_000);
});

describe('a letter’s page at its stable address', () => {
  it('shows the unit, code, year, date, items and files of the published letter', async () => {
    const page = await get(publicLetterPath(2026, SERVICE.code));
    expect(page.status).toBe(200);
    const text = textOf(page.elements);
    expect(text).toContain(SERVICE.name);
    expect(text).toContain(SERVICE.code);
    expect(text).toContain('2026 年度');
    expect(text).toContain('2026 年 4 月 20 日');
    for (const item of templateLetter('service').items) expect(text).toContain(item.content);
    expect(text).toContain((await store.submissions.find(ID.service))!.commitmentCode!);
    expect(links(page.elements)).toEqual(expect.arrayContaining([`${publicLetterPath(2026, SERVICE.code)}/letter.pdf`, `${publicLetterPath(2026, SERVICE.code)}/signed/1`]));
  }, 30_000);

  it('keeps showing the published letter while its correction is unpublished, the correction once published, at the same address', async () => {
    const address = publicLetterPath(2026, SERVICE.code);
    const pdfOf = async () => (await get(`${address}/letter.pdf`)).bytes;
    expect(textOf((await get(address)).elements)).not.toContain(CORRECTED_ITEM);
    expect(Buffer.compare(await pdfOf(), Buffer.from(await storedEntry(ID.service, 'letter.pdf')))).toBe(0);

    await publish(ID.correction);
    const corrected = textOf((await get(address)).elements);
    expect(corrected).toContain(CORRECTED_ITEM);
    expect(corrected).toContain('更正');
    expect(Buffer.compare(await pdfOf(), Buffer.from(await storedEntry(ID.correction, 'letter.pdf')))).toBe(0);
    expect(links((await get('/public')).elements).filter((href) => href === address)).toHaveLength(1);

    // Withdrawn, the correction vanishes and the letter it corrected, still published, shows again.
    await withdraw(ID.correction);
    expect(textOf((await get(address)).elements)).not.toContain(CORRECTED_ITEM);
    await withdraw(ID.service);
    expect((await get(address)).status).toBe(404);
    expect(links((await get('/public')).elements)).not.toContain(address);
    await publish(ID.service);
  }, 30_000);

  it('serves the stored PDF and signed copy byte for byte, inline, with their types', async () => {
    const address = publicLetterPath(2026, POLICY.code);
    const pdf = await get(`${address}/letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(Buffer.compare(pdf.bytes, Buffer.from(await storedEntry(ID.policy, 'letter.pdf')))).toBe(0);
    const signed = await get(`${address}/signed/1`);
    expect(signed.headers.get('content-type')).toBe('image/png');
    expect(signed.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(Buffer.compare(signed.bytes, Buffer.from(PNG))).toBe(0);
    expect((await get(`${address}/signed/2`)).status).toBe(404);
  }, 30_000);

  it('answers a Chinese 404 page for a unit with no published letter, its files and any other address', async () => {
    for (const path of [
      publicLetterPath(2026, CONTRACT.code),
      `${publicLetterPath(2026, CONTRACT.code)}/letter.pdf`,
      `${publicLetterPath(2026, CONTRACT.code)}/signed/1`,
      publicLetterPath(2024, SERVICE.code),
      `${publicLetterPath(2026, SERVICE.code)}/credit-record.json`,
      `${publicLetterPath(2026, SERVICE.code)}/letter.json`,
      `${publicLetterPath(2026, SERVICE.code)}/manifest.json`,
      `/public/letters/${ID.person}`,
      '/public/letters/23990020260420999999',
      '/public/2026',
      '/public/nothing',
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(page.elements.find((element) => element.tag === 'h1')!.text, path).toBe('没有找到这份承诺书');
    }
    expect(textOf((await get(publicLetterPath(2026, CONTRACT.code))).elements)).toContain(`统一社会信用代码为 ${CONTRACT.code} 的单位在 2026 年度还没有`);
  }, 30_000);

  it('shows a civil servant’s letter with the name and post, and takes nothing but reading', async () => {
    const page = await get(`/public/letters/${personCode}`);
    expect(page.status).toBe(200);
    const text = textOf(page.elements);
    expect(text).toContain('李某某');
    expect(text).toContain('镇便民服务中心窗口工作人员');
    expect((await fetch(new URL('/public', url), { method: 'POST', body: 'q=1' })).status).toBe(405);
    const head = await fetch(new URL(`/public/letters/${personCode}`, url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  }, 30_000);

  it('leads a civil servant’s replaced address to the published correction, and keeps it while the correction is unpublished', async () => {
    const correctionCode = (await store.submissions.find(ID.personCorrection))!.commitmentCode!;
    expect((await get(`/public/letters/${correctionCode}`)).status).toBe(404);
    await publish(ID.personCorrection);
    const moved = await get(`/public/letters/${personCode}/letter.pdf`);
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/public/letters/${correctionCode}/letter.pdf`);
    expect(textOf((await get(`/public/letters/${correctionCode}`)).elements)).toContain('镇便民服务中心窗口负责人');
    await withdraw(ID.personCorrection);
    expect((await get(`/public/letters/${personCode}`)).status).toBe(200);
  }, 30_000);
});

describe('a stored package that cannot be read', () => {
  it('is left off the index, which lists the others, and logged by its id without the letter’s personal data', async () => {
    const person = templateLetter('person') as Letter & { kind: 'person' };
    await recordPackageWithIdNumber(store, join(dataDir, 'packages'), { ...person, person: { name: '赵某某', position: '窗口工作人员' } }, ID.lost, ID_NUMBER);
    await publish(ID.lost);
    await rm(join(dataDir, 'packages', `${ID.lost}.zip`));
    const index = await get('/public');
    expect(index.status).toBe(200);
    expect(links(index.elements)).toContain(publicLetterPath(2026, SERVICE.code));
    expect(textOf(index.elements)).not.toContain('赵某某');
    expect(logged.filter((line) => line.includes(ID.lost))).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(ID_NUMBER);
    await withdraw(ID.lost);
  }, 30_000);
});

describe('everything a visitor can reach', () => {
  it('is plain HTML in Chinese without a script, each link answering, no ID number, token or national record in any byte', async () => {
    const seen = new Set<string>();
    const queue = ['/public', '/public?year=2025', `/public?q=${encodeURIComponent('临江镇')}`, publicLetterPath(2026, CONTRACT.code)];
    const pages: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await get(path);
      expect(response.status === 200 || path === publicLetterPath(2026, CONTRACT.code), path).toBe(true);
      for (const forbidden of [ID_NUMBER, ID_NUMBER.slice(0, 17), 'idNumber', TOKEN, '承诺人代码', '承诺人类别']) expect(response.bytes.includes(forbidden), `${forbidden} in ${path}`).toBe(false);
      if (response.elements.length === 0) continue;
      pages.push(path);
      expect(response.elements.some((element) => element.tag === 'script'), path).toBe(false);
      expect(response.text.toLowerCase()).not.toContain('<script');
      expect(response.elements.find((element) => element.tag === 'html')!.attrs['lang']).toBe('zh-CN');
      expect(response.elements.some((element) => element.tag === 'meta' && element.attrs['name'] === 'viewport')).toBe(true);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(response.headers.get('content-security-policy')).not.toMatch(/script-src/);
      for (const reference of referencesOf(response.elements)) {
        const target = new URL(reference, new URL(path, url));
        expect(target.origin, reference).toBe(new URL(url).origin);
        queue.push(target.pathname + target.search);
      }
    }
    // Two index pages, a search, four letters' pages, a 404 page, and each letter's files besides.
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(seen).toContain(`/public/letters/${personWithIdCode}`);
    expect(seen).toContain(`/public/letters/${personWithIdCode}/letter.pdf`);
    expect(seen).toContain('/public/style.css');
  }, 30_000);
});
