import { defineConfig } from 'vitest/config';

// Three projects: `unit` (plain Node: vault core, CLI, main process with electron mocked),
// `dom` (React components in jsdom) and `e2e` (real Debian Chromium driven by playwright-core,
// the renderer's IPC bridged to the real main-process handlers). Everything runs on the Node the
// project brings (Node 24, Electron 45's), never on the Electron binary.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/dom/**/*.test.tsx', 'tests/dom/**/*.test.ts'],
          setupFiles: ['tests/dom/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
