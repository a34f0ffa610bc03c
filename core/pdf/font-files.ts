import type { FaceKey } from '../layout/font-metrics';

/**
 * Where each document face comes from: static TrueType builds of Noto Serif SC and Noto Sans SC
 * (SIL OFL 1.1) in the `@expo-google-fonts/*` npm packages, resolved by module path so nothing
 * binary is committed. Node reads them from node_modules; the renderer's bundler emits them.
 * The bold serif stands in for 小标宋 in the title, the medium sans for 黑体 in headings.
 */
export const DOCUMENT_FONT_FILES: Readonly<Record<FaceKey, string>> = {
  serif: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'serif-bold': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sans: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
};

/** PostScript-style names written into the PDF, fixed so the same letter gives the same bytes. */
export const EMBEDDED_FONT_NAMES: Readonly<Record<FaceKey, string>> = {
  serif: 'NotoSerifSC-Regular',
  'serif-bold': 'NotoSerifSC-Bold',
  sans: 'NotoSansSC-Medium',
};
