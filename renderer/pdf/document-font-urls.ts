import titleUrl from '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf?url';
import bodyUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import headingUrl from '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf?url';
import subheadingUrl from '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff?url';
import harfbuzzUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import type { FontRole } from '../../core/fonts/font-roles';

/**
 * The bundler needs literal import paths, so the files named in core/fonts/bundled-faces.ts are
 * repeated here; a unit test keeps the two lists the same.
 */
export const BUNDLED_FONT_URLS: Readonly<Record<FontRole, string>> = {
  title: titleUrl,
  body: bodyUrl,
  heading: headingUrl,
  subheading: subheadingUrl,
};

export const HARFBUZZ_SUBSET_URL = harfbuzzUrl;
