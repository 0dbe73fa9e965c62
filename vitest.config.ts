import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'dom', include: ['tests/dom/**/*.test.ts'], environment: 'happy-dom' } },
      { extends: true, test: { name: 'conventions', include: ['tests/conventions/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time on a 2-core machine; each file launches its own.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The Firefox build in Debian's Firefox ESR over WebDriver BiDi (scripts/lib/firefox.mjs).
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          // ep-doctor-host.exe and the MSIs on a real Windows userland (Wine 8, tests/windows/wine.ts); the .deb with dpkg; the store packages.
          name: 'installers',
          include: ['tests/windows/**/*.test.ts', 'tests/installers/**/*.test.ts', 'tests/store/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
