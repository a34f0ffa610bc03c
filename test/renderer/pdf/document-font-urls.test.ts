import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FACES } from '../../../core/fonts/bundled-faces';
import { FONT_ROLES } from '../../../core/fonts/font-roles';

describe('the renderer bundles the same font files as the command line reads', () => {
  it('imports every file of BUNDLED_FACES, and only those, each for its own role', () => {
    const source = readFileSync('renderer/pdf/document-font-urls.ts', 'utf8');
    const imported = Object.fromEntries([...source.matchAll(/import (\w+)Url from '([^']+)\?url'/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(imported).filter((name) => name !== 'harfbuzz').sort()).toEqual([...FONT_ROLES].sort());
    for (const role of FONT_ROLES) expect(imported[role]).toBe(BUNDLED_FACES[role].module);
  });
});
