import { describe, expect, it } from 'vitest';
import { layoutLetter } from '../../../core/layout/layout-letter';
import { renderPlan } from '../../../core/pdf/render-plan';
import { documentFonts, fixtureLetters } from './fonts-fixture';
import { rasterise } from './pdf-tools';

/**
 * Subsetting must lose nothing: every page is rasterised by poppler twice, once from the PDF with
 * subset fonts and once from the same plan with the whole fonts embedded, and the pixels must be
 * the same. Short letters matter most: @pdf-lib/fontkit's subsetter blanked glyphs exactly when a
 * face held few characters (the bold title, the sans headings).
 */
const FIXTURES = ['key-task', 'person', 'minimal', 'long-title'] as const;

describe('subset fonts render exactly like the full fonts', () => {
  it.each(FIXTURES)('%s', async (name) => {
    const fonts = await documentFonts();
    const plan = layoutLetter(fixtureLetters()[name] as never, fonts.metrics);
    const [subset, full] = await Promise.all([renderPlan(plan, fonts), renderPlan(plan, fonts, { embedding: 'full' })]);
    expect(full.length).toBeGreaterThan(subset.length * 20); // the whole fonts really are in there
    const [a, b] = await Promise.all([rasterise(subset, 100), rasterise(full, 100)]);
    expect(a).toHaveLength(plan.pages.length);
    expect(b).toHaveLength(plan.pages.length);
    a.forEach((page, i) => {
      const other = b[i];
      expect([page.width, page.height]).toEqual([other?.width, other?.height]);
      let differing = 0;
      let inked = 0;
      for (let p = 0; p < page.data.length; p += 4) {
        if (page.data[p] !== other?.data[p] || page.data[p + 1] !== other?.data[p + 1] || page.data[p + 2] !== other?.data[p + 2]) differing += 1;
        if ((page.data[p] ?? 255) < 128) inked += 1;
      }
      // Two blank renderings would agree trivially. A last page may hold only a few lines and the signature (about 1400 pixels at 100 dpi for a personal letter); the page number alone is under 300.
      expect(inked, `page ${i + 1} has text`).toBeGreaterThan(800);
      expect(differing, `page ${i + 1}`).toBe(0);
    });
  }, 120_000);
});
