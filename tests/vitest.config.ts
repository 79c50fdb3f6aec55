import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests: pure logic and the signal-server in-process. Browser behaviour is
// tested end to end by Playwright (tests/e2e), not here.
const root = fileURLToPath(new URL('..', import.meta.url));
/** Tests that measure time (*.timing.test.ts) run after the others, one file at a time: on two cores, parallel test files are the noise they would measure. */
const TIMING = 'tests/unit/**/*.timing.test.ts';

export default defineConfig({
  root,
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [TIMING] } },
      { extends: true, test: { name: 'timing', include: [TIMING], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
