import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { pageKeys } from '../../../renderer/pdf/page-keys';
import { referenceLetter } from '../../bench/reference-letter';
import { rasterise } from '../../core/pdf/pdf-tools';

const fonts = await loadNodeDocumentFonts();

async function draft(letter: unknown): Promise<{ keys: string[]; pixels: Buffer[] }> {
  const result = await renderLetterPdf(letter, fonts, { draft: true });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return { keys: pageKeys(result.plan, { draft: true, fonts: 1 }), pixels: (await rasterise(result.bytes, 40)).map((png) => png.data) };
}

/** Pages of `after` whose key is unchanged must look exactly as before; pages that look different must have new keys. */
function expectKeysFollowPixels(before: { keys: string[]; pixels: Buffer[] }, after: { keys: string[]; pixels: Buffer[] }): void {
  expect(after.keys).toHaveLength(after.pixels.length);
  after.keys.forEach((key, i) => {
    const samePixels = before.pixels[i] !== undefined && Buffer.compare(before.pixels[i], after.pixels[i]!) === 0;
    if (key === before.keys[i]) expect(samePixels, `page ${i + 1} keeps its key but looks different`).toBe(true);
    if (!samePixels) expect(key, `page ${i + 1} looks different under the same key`).not.toBe(before.keys[i]);
  });
}

describe('page keys: the preview keeps a page drawn only while it would look the same', () => {
  const letter = referenceLetter();

  it('gives a letter rendered twice the same keys', async () => {
    const [a, b] = [await renderLetterPdf(letter, fonts, { draft: true }), await renderLetterPdf(letter, fonts, { draft: true })];
    if (!a.ok || !b.ok) throw new Error('the reference letter does not render');
    expect(a.plan.pages.length).toBeGreaterThan(1);
    expect(pageKeys(a.plan, { draft: true, fonts: 1 })).toEqual(pageKeys(b.plan, { draft: true, fonts: 1 }));
  });

  it('changes only the first key when one character of the first page changes, and poppler agrees', async () => {
    const before = await draft(letter);
    const statement = letter.statement ?? '';
    const index = statement.search(/[\u4e00-\u9fff]/);
    const replaced = statement[index] === '县' ? '镇' : '县';
    const after = await draft({ ...letter, statement: statement.slice(0, index) + replaced + statement.slice(index + 1) });
    expect(after.keys[0]).not.toBe(before.keys[0]);
    expect(after.keys.slice(1)).toEqual(before.keys.slice(1));
    expectKeysFollowPixels(before, after);
  });

  it('changes the keys of every page that looks different when the text grows', async () => {
    const before = await draft(letter);
    const after = await draft({ ...letter, statement: `${letter.statement ?? ''}诚信践诺，言出必行。` });
    expectKeysFollowPixels(before, after);
    expect(after.keys.filter((key, i) => key !== before.keys[i]).length).toBeGreaterThan(0);
  });

  it('tells a draft from the approved PDF and one font load from another', async () => {
    const result = await renderLetterPdf(letter, fonts, { draft: true });
    if (!result.ok) throw new Error('the reference letter does not render');
    const keys = pageKeys(result.plan, { draft: true, fonts: 1 });
    pageKeys(result.plan, { draft: false, fonts: 1 }).forEach((key, i) => expect(key).not.toBe(keys[i]));
    pageKeys(result.plan, { draft: true, fonts: 2 }).forEach((key, i) => expect(key).not.toBe(keys[i]));
  });
});
