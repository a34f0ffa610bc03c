import type { FontFace } from '../fonts/font-chains';

/**
 * Font subsetting with HarfBuzz's hb-subset (the `harfbuzzjs` wasm build), the subsetter
 * browsers and font tools rely on. @pdf-lib/fontkit's own subsetter drops glyphs of the Noto CJK
 * TrueType fonts (whole characters vanish from titles and headings), so pdf-lib receives an
 * already-subset font and embeds it as it is.
 */

/** The exports of `harfbuzz-subset.wasm` this module uses; each side's font loader (node/fonts/node-document-fonts.ts, the renderer's PDF worker) instantiates the wasm. */
export interface HarfbuzzSubsetExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, lengthOut: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/**
 * Tables a PDF never reads: layout (glyphs are placed one by one), vertical metrics, variations
 * and naming. Dropping them makes each embedded font smaller and faster to parse and compress.
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'STAT', 'vhea', 'vmtx', 'VORG', 'gasp', 'DSIG', 'meta'];

function tag(name: string): number {
  return ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0;
}
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

export interface FontSubsetter {
  /** A single-face font holding just the glyphs for `codePoints` (plus .notdef), from the face with id `face`. */
  subset(face: string, codePoints: Iterable<number>): Uint8Array;
  /** Gives back the wasm memory of the fonts it copied there; for a subsetter made for one run. */
  release?(): void;
}

/**
 * Copies a font file into wasm memory the first time one of its faces is subset, and keeps it:
 * every subset after that costs milliseconds. A collection (.ttc) is copied once for all its faces.
 */
export function createHarfbuzzSubsetter(hb: HarfbuzzSubsetExports, fonts: ReadonlyMap<string, FontFace>): FontSubsetter {
  const blobs = new Map<Uint8Array, number>();
  const faces = new Map<string, number>();
  const copies: number[] = [];
  const faceHandle = (id: string): number => {
    let handle = faces.get(id);
    if (handle !== undefined) return handle;
    const font = fonts.get(id);
    if (!font) throw new Error(`No face ${id} to subset`);
    let blob = blobs.get(font.bytes);
    if (blob === undefined) {
      const pointer = hb.malloc(font.bytes.byteLength);
      copies.push(pointer);
      new Uint8Array(hb.memory.buffer).set(font.bytes, pointer);
      blob = hb.hb_blob_create(pointer, font.bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
      blobs.set(font.bytes, blob);
    }
    handle = hb.hb_face_create(blob, font.index);
    faces.set(id, handle);
    return handle;
  };

  return {
    release() {
      for (const handle of faces.values()) hb.hb_face_destroy(handle);
      for (const blob of blobs.values()) hb.hb_blob_destroy(blob);
      for (const pointer of copies) hb.free(pointer);
      faces.clear();
      blobs.clear();
      copies.length = 0;
    },
    subset(face, codePoints) {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('hb_subset_input_create_or_fail failed (out of wasm memory?)');
      try {
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
        // A letter is drawn glyph by glyph: no OpenType layout features, no hinting.
        hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
        const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const name of DROPPED_TABLES) hb.hb_set_add(dropped, tag(name));
        hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
        const result = hb.hb_subset_or_fail(faceHandle(face), input);
        if (result === 0) throw new Error(`hb_subset_or_fail failed for the ${face} face`);
        const blob = hb.hb_face_reference_blob(result);
        const data = hb.hb_blob_get_data(blob, 0);
        const length = hb.hb_blob_get_length(blob);
        // Copy out: the wasm memory may grow (and detach views) on the next call.
        const bytes = new Uint8Array(hb.memory.buffer, data, length).slice();
        hb.hb_blob_destroy(blob);
        hb.hb_face_destroy(result);
        return bytes;
      } finally {
        hb.hb_subset_input_destroy(input);
      }
    },
  };
}
