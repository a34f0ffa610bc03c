import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{core,electron,renderer}/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
