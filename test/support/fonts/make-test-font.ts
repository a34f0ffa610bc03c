import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { BUNDLED_FACES } from '../../../core/fonts/bundled-faces';
import type { HarfbuzzSubsetExports } from '../../../core/pdf/harfbuzz-subsetter';
import { instantiateHarfbuzz } from '../../../node/fonts/harfbuzz-wasm';
import { EN_US, nameTable, windowsName, ZH_CN, type NameRecord } from './name-table';
import { readSfnt, writeSfnt, writeTtc } from './sfnt-file';

/** What a letter needs at the least; a test leaves a character out to make a face that lacks it. */
export const TEST_FONT_CHARS = '承诺书政务诚信单位年度一二三（）、。A1';

export interface TestFontOptions {
  /** The English family (Windows, en-US), e.g. `FangSong_GB2312`. */
  readonly family: string;
  /** The Chinese family (Windows, zh-CN), e.g. `仿宋_GB2312`. */
  readonly chineseFamily?: string;
  readonly postscriptName: string;
  /** The characters the font draws. */
  readonly chars?: string;
  /** Which family name ids carry the families: 1 (legacy, the default) and/or 16 (typographic). */
  readonly familyNameIds?: readonly number[];
  /** More name records, e.g. a Mac (platform 1) name in a legacy encoding. */
  readonly extraNames?: readonly NameRecord[];
}

const require = createRequire(import.meta.url);
let source: Promise<{ hb: HarfbuzzSubsetExports; face: number }> | undefined;

/**
 * A real TrueType font the test makes: a HarfBuzz subset of the bundled Noto Serif SC holding
 * just `chars`, its `name` table rewritten to the given names. Small (a few kilobytes), so a test
 * can install a machine's worth of "official" faces in a temporary folder.
 */
export async function makeTestFont(options: TestFontOptions): Promise<Uint8Array> {
  const { hb, face } = await loadSource();
  const subset = subsetOf(hb, face, options.chars ?? TEST_FONT_CHARS);
  const sfnt = readSfnt(subset);
  const names: NameRecord[] = [
    windowsName(EN_US, 2, 'Regular'),
    windowsName(EN_US, 4, options.family),
    windowsName(EN_US, 6, options.postscriptName),
    ...(options.extraNames ?? []),
  ];
  for (const nameId of options.familyNameIds ?? [1]) {
    names.push(windowsName(EN_US, nameId, options.family));
    if (options.chineseFamily) names.push(windowsName(ZH_CN, nameId, options.chineseFamily));
  }
  return writeSfnt({ version: sfnt.version, tables: [...sfnt.tables.filter((table) => table.tag !== 'name'), { tag: 'name', data: nameTable(names) }] });
}

/** A TrueType collection (.ttc) of fonts made by {@link makeTestFont}, in this order. */
export function makeTestCollection(fonts: readonly Uint8Array[]): Uint8Array {
  return writeTtc(fonts.map(readSfnt));
}

function loadSource(): Promise<{ hb: HarfbuzzSubsetExports; face: number }> {
  source ??= (async () => {
    const [hb, bytes] = await Promise.all([instantiateHarfbuzz(), readFile(require.resolve(BUNDLED_FACES.body.module))]);
    const pointer = hb.malloc(bytes.byteLength);
    new Uint8Array(hb.memory.buffer).set(bytes, pointer);
    const blob = hb.hb_blob_create(pointer, bytes.byteLength, 1 /* read-only */, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    return { hb, face };
  })();
  return source;
}

function subsetOf(hb: HarfbuzzSubsetExports, face: number, chars: string): Uint8Array {
  const input = hb.hb_subset_input_create_or_fail();
  try {
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const char of chars) hb.hb_set_add(unicodes, char.codePointAt(0)!);
    const result = hb.hb_subset_or_fail(face, input);
    if (result === 0) throw new Error('hb_subset_or_fail failed');
    const blob = hb.hb_face_reference_blob(result);
    const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), hb.hb_blob_get_length(blob)).slice();
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(result);
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}
