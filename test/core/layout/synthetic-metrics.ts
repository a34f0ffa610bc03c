import type { FontMetrics, FontMetricsSet } from '../../../core/layout/font-metrics';

/** Metrics with round numbers: CJK and full-width punctuation 1 em, everything else ½ em. */
export const syntheticMetrics: FontMetrics = {
  advance: (cp) => (cp >= 0x2e80 || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 || cp === 0x2026 ? 1 : 0.5),
  hasGlyph: () => true,
};

export const syntheticFonts: FontMetricsSet = { serif: syntheticMetrics, 'serif-bold': syntheticMetrics, sans: syntheticMetrics };
