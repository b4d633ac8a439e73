import { defineConfig } from '@playwright/test';

// The suite drives Debian's Chromium (never a downloaded browser) against the release build
// in ../../dist, served on loopback by serve.mjs.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  workers: 2,
  // One retry: CI's two shared cores make a rare test flaky (on 2026-12-01 the map label editor
  // closed once in about ten full runs, and never in 12 repeats here, throttled or not). A test
  // that passes only on its retry is reported as flaky in the summary, never hidden.
  retries: 1,
  forbidOnly: true,
  // Generous: CI shares its cores, and a test with six axe scans and eight screenshots
  // took 27 s on a quiet machine. Speed is measured by the benchmarks, never here.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: process.env.E2E_OUT ?? './test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // E2E_DIST serves another build folder (two people building at once keep out of each other's way).
    command: `node serve.mjs ${PORT} ${process.env.E2E_DIST ?? ''}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
