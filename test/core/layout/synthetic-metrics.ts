import type { FontMetrics, FontMetricsSet } from '../../../core/layout/font-metrics';

/** Metrics with round numbers: CJK and full-width punctuation 1 em, everything else ½ em. */
export const syntheticMetrics: FontMetrics = {
  advance: (cp) => (cp >= 0x2e80 || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 || cp === 0x2026 ? 1 : 0.5),
  hasGlyph: () => true,
  faceOf: () => 'synthetic',
};

/** Each role's one face is named after the role, so a test can tell which role set a run. */
const named = (face: string): FontMetrics => ({ ...syntheticMetrics, faceOf: () => face });

export const syntheticFonts: FontMetricsSet = { title: named('title'), body: named('body'), heading: named('heading'), subheading: named('subheading') };
