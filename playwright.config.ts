import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { ADMIN } from './e2e/credentials';

// One fresh database per run. The folder is chosen once, in the main process, and handed
// to the workers through the environment (they load this file again).
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A second server without ADMIN_EMAIL, on its own database, for the first-run setup journey.
const setupPort = port + 1;
process.env.E2E_SETUP_URL = `http://127.0.0.1:${setupPort}`;
// The email dropbox's SMTP listener of the main server, for the journeys that send it mail.
process.env.E2E_INBOUND_SMTP_PORT = String(port + 2);

// Chromium's headless shell when it is installed: the same engine without the desktop browser
// around it, a fifth less work per journey. Debian packages both.
const chromium = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => fs.existsSync(p));

export const ADMIN_STATE = path.join(dataDir, 'admin-state.json');

export default defineConfig({
  testDir: 'e2e',
  // Shards running side by side each keep their own (a run empties its folder when it starts).
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  // Two cores on the machines here; one worker keeps the journeys steady.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // Recording a trace of every journey costs a third of the run; CI records the retry of a failure.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    video: 'off',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    launchOptions: {
      executablePath: chromium,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /global\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], storageState: ADMIN_STATE },
      dependencies: ['setup'],
    },
  ],
  webServer: [
    {
      command: 'node --import tsx server/main.ts',
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
        INBOUND_SMTP_PORT: process.env.E2E_INBOUND_SMTP_PORT,
        INBOUND_SMTP_HOST: '127.0.0.1',
      },
    },
    {
      command: 'node --import tsx server/main.ts',
      url: `${process.env.E2E_SETUP_URL}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { PORT: String(setupPort), HOST: '127.0.0.1', DATA_DIR: path.join(dataDir, 'first-run'), LOG_LEVEL: 'warn' },
    },
  ],
});
