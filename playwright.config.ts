import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./server/cli/chromium";
import { MAIL_PORT } from "./tests/e2e/mailbox";

// The browser tests run the built app (`next start`) on its own fresh database, prepared by
// `npm test` (server/cli/test.ts), which also finds Chromium and passes E2E_* variables.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // A real SMTP server on loopback: the app sends every email there, and the tests read them
  // (tests/e2e/mailbox.ts), as people follow links from their inbox.
  globalSetup: "./tests/e2e/mail-sink.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: findChromium() ?? undefined,
          // Without these, Chromium keeps calling home, which a closed network refuses.
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx tsx server/cli/demo.ts --skip-build --port ${port}`,
    url: `${baseURL}/signin`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      NEXTAUTH_URL: baseURL,
      // Reminders and other background work show up within seconds, not a minute.
      JOBS_INTERVAL_SECONDS: "2",
      // A loopback address no browser uses, standing in for a proxy in front of the app
      // (tests/e2e/doors.spec.ts); every other request is taken at its socket's address.
      TRUSTED_PROXIES: "127.0.0.3",
      // Webhook receivers in the tests listen on loopback (tests/e2e/webhooks.spec.ts).
      WEBHOOKS_ALLOW_PRIVATE: "1",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(MAIL_PORT),
      SMTP_SECURE: "false",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
        : { DATABASE_URL: "", PGLITE_DATA_DIR: process.env.E2E_PGLITE_DATA_DIR ?? ".data/e2e/pglite" }),
    },
  },
});
