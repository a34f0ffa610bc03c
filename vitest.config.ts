import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Every test, and every program a test starts, searches no system font folder: results never depend on the machine's fonts.
    env: { PLEDGE_FONT_DIRS: '' },
  },
});
