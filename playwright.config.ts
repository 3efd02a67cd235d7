/**
 * Browser tests in Debian's Chromium (`/usr/bin/chromium`, installed by
 * .ci/run): the site is built once into tests/.output/e2e and served by the
 * plain static server, as a static host would.
 *
 * E2E_PORT and E2E_DIST move the server and the build elsewhere, so two runs
 * can share a machine; specs that list the built pages read E2E_DIST.
 */
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4322);
const dist = (process.env.E2E_DIST ??= 'tests/.output/e2e/dist');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.output/e2e-results',
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: { executablePath, args },
    trace: 'off',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 360, height: 780 } } },
  ],
  webServer: {
    command: `node node_modules/astro/bin/astro.mjs build && node scripts/serve.ts ${dist} --port ${port}`,
    env: { BACKSTORY_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
    url: `http://127.0.0.1:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
  },
});
