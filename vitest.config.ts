import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/golden/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/flush-preact-frames.ts'],
    testTimeout: 20_000,
  },
});
