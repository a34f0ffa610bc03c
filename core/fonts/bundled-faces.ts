import type { FontRole } from './font-roles';

/** An open font shipped with the app (SIL OFL 1.1, from npm, resolved by module path: nothing binary is committed). */
export interface BundledFace {
  /** Module path of the file: Node resolves it from node_modules, the renderer's bundler emits it. */
  readonly module: string;
  /** The name written into the PDF, fixed so the same letter gives the same bytes. */
  readonly postscriptName: string;
  /** The family as the font itself names it. */
  readonly family: string;
}

/**
 * The last face of every role's chain: whatever the machine lacks is drawn from these, character
 * by character. Noto Serif SC stands in for 仿宋 and, in bold, for 小标宋; Noto Sans SC medium for
 * 黑体; LXGW WenKai for 楷体 (Fontsource ships it whole as WOFF, which core/fonts/woff-to-sfnt.ts unpacks).
 */
export const BUNDLED_FACES: Readonly<Record<FontRole, BundledFace>> = {
  title: { module: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf', postscriptName: 'NotoSerifSC-Bold', family: 'Noto Serif SC' },
  body: { module: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', postscriptName: 'NotoSerifSC-Regular', family: 'Noto Serif SC' },
  heading: { module: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf', postscriptName: 'NotoSansSC-Medium', family: 'Noto Sans SC' },
  subheading: { module: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff', postscriptName: 'LXGWWenKai-Medium', family: 'LXGW WenKai' },
};
