import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Every test, and every program a test starts, searches no system font folder: results never depend on the machine's fonts.
    env: { PLEDGE_FONT_DIRS: '' },
    // One throwaway PostgreSQL server for the whole run; each test file that needs it takes a database of its own.
    globalSetup: ['test/support/postgres-server.ts'],
  },
});
