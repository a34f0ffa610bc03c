import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACE_KEYS } from '../../../core/layout/font-metrics';
import { DOCUMENT_FONT_FILES } from '../../../core/pdf/font-files';

describe('the renderer bundles the same font files as the command line reads', () => {
  it('imports every file of DOCUMENT_FONT_FILES, and only those', () => {
    const source = readFileSync('renderer/pdf/document-font-urls.ts', 'utf8');
    const imported = [...source.matchAll(/from '(@expo-google-fonts\/[^']+)\?url'/g)].map((m) => m[1]);
    expect(imported.sort()).toEqual(FACE_KEYS.map((face) => DOCUMENT_FONT_FILES[face]).sort());
  });
});
