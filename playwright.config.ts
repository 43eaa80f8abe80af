import { defineConfig, devices } from "@playwright/test";

/** The port of the test server; `make dev` keeps 8787. */
const port = Number(process.env.SITO_TEST_PORT ?? 8788);
/** The origin the worker sees; writes must carry it in `Origin`. */
export const origin = `http://127.0.0.1:${port}`;

const chromium = {
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests",
  // Tests share one server and its feed; the tombstone purge test moves the feed's horizon.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    {
      name: "phone",
      testMatch: /e2e\/.*\.spec\.ts/,
      use: {
        ...devices["Pixel 5"],
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        locale: "it-IT",
        timezoneId: "Europe/Rome",
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command:
      `wrangler dev --local --ip 127.0.0.1 --port ${port} --inspector-port 0 ` +
      `--persist-to "${process.env.SITO_TEST_STATE ?? ".wrangler/test-state"}" ` +
      `--var SIGN_UP_PER_HOUR:1000 --var QUESTIONS_PER_HOUR:1000 --var APPOINTMENTS_PER_HOUR:1000 --var LAB_SIGNUPS_PER_HOUR:1000 --var BANK_PROFILES_PER_HOUR:1000 --var FAULT_INJECTION:on --var TRUSTED_ADDRESS_HEADER: --var PUBLIC_ORIGIN:${origin} --var DEVICE_TOKEN_KEY:development-only-device-token-key --show-interactive-dev-session=false`,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
