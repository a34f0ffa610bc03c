import { describe, expect, it } from 'vitest';
import { portalFolder, portalFolderZip } from '../../../core/publication/portal-folder';
import { portalPage } from '../../../core/publication/portal-page';
import { publicAddress } from '../../../core/publication/public-address';
import { publicLetter } from '../../../core/publication/public-letter';
import { unzipSync } from 'fflate';
import { ownLetter } from '../../support/letter-fixtures';

const ID_NUMBER = '11010519491231002X';

describe('the public address', () => {
  const unit = publicLetter(ownLetter('service'));
  const person = publicLetter(ownLetter('person'));
  it('is --url as given, else the platform column by year and code for a unit, by 承诺编码 for a person', () => {
    expect(publicAddress(unit, { url: ' https://www.songling.gov.cn/cn.html ', platform: 'https://x.example' })).toEqual({ ok: true, url: 'https://www.songling.gov.cn/cn.html' });
    expect(publicAddress(unit, { platform: 'https://credit.example.gov.cn/' })).toEqual({ ok: true, url: `https://credit.example.gov.cn/public/2026/${unit.unit.creditCode}` });
    expect(publicAddress(person, { platform: 'https://credit.example.gov.cn' })).toEqual({ ok: false, reason: 'needs-code' });
    expect(publicAddress(person, { platform: 'https://credit.example.gov.cn', commitmentCode: '23012120260420000001' })).toEqual({ ok: true, url: 'https://credit.example.gov.cn/public/letters/23012120260420000001' });
    expect(publicAddress(unit, { url: '  ', platform: '' })).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('the portal page', () => {
  it("keeps a person's ID number out even when the letter holds one, and escapes the letter's text", () => {
    const own = ownLetter('person');
    if (own.kind !== 'person') throw new Error('a personal template');
    const letter = { ...own, person: { ...own.person, idNumber: ID_NUMBER }, statement: '<script>alert(1)</script>承诺' };
    const shown = publicLetter(letter);
    expect(JSON.stringify(shown)).not.toContain(ID_NUMBER);
    const page = portalPage({ letter: shown, files: [{ name: 'letter.pdf', kind: 'letter-pdf' }], address: 'https://credit.example.gov.cn/public/letters/1' });
    expect(page).not.toContain(ID_NUMBER);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('name="viewport"');
    // A personal letter names no principal.
    expect(page).not.toContain('主要负责人');
  });

  it('zips the folder with its files at the top, byte for byte', () => {
    const letter = publicLetter(ownLetter('service'));
    const files = new Map([
      ['letter.pdf', new Uint8Array([1, 2, 3])],
      ['signed/1.jpg', new Uint8Array([4, 5])],
    ]);
    const folder = portalFolder({ letter, files, address: 'https://a.example/p', poster: new Uint8Array([6]) });
    expect([...folder.keys()]).toEqual(['index.html', 'signed-1.jpg', 'letter.pdf', 'poster.pdf']);
    const unzipped = unzipSync(portalFolderZip(folder));
    expect(Object.keys(unzipped).sort()).toEqual(['index.html', 'letter.pdf', 'poster.pdf', 'signed-1.jpg']);
    expect(unzipped['signed-1.jpg']).toEqual(new Uint8Array([4, 5]));
    expect(new TextDecoder().decode(unzipped['index.html'])).toContain('<img src="signed-1.jpg"');
  });
});
