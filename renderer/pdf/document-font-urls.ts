import sansUrl from '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf?url';
import serifBoldUrl from '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf?url';
import serifUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import harfbuzzUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import type { FaceKey } from '../../core/layout/font-metrics';

/**
 * The bundler needs literal import paths, so the files named in core/pdf/font-files.ts are
 * repeated here; a unit test keeps the two lists the same.
 */
export const DOCUMENT_FONT_URLS: Readonly<Record<FaceKey, string>> = {
  serif: serifUrl,
  'serif-bold': serifBoldUrl,
  sans: sansUrl,
};

export const HARFBUZZ_SUBSET_URL = harfbuzzUrl;
