// npm test: every test. Unit and integration tests (vitest) on the real database, then the
// browser tests (Playwright in Chromium) against the built app on a fresh database.
// Integration tests use PGlite, or PostgreSQL when TEST_DATABASE_URL is set; the browser tests
// then use a sibling database "<name>_e2e" on the same server, recreated on every run.
// Extra arguments go to vitest (e.g. `npm test -- --project unit` runs only the unit tests);
// `--e2e` runs only the browser tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIfStale } from "./build";
import { ensureChromium } from "./chromium";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
}

// Both runners also write JSON results here, so the run can end with one line of totals. One
// folder per database, so a run on PGlite and one on PostgreSQL can go side by side (.ci/run).
const REPORTS = path.join(".test-reports", process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
const VITEST_JSON = path.join(REPORTS, "vitest.json");
const PLAYWRIGHT_JSON = path.join(REPORTS, "playwright.json");

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function readTotals(): Totals {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(VITEST_JSON)) {
    const v = JSON.parse(fs.readFileSync(VITEST_JSON, "utf8"));
    totals.passed += v.numPassedTests ?? 0;
    totals.failed += v.numFailedTests ?? 0;
    totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (fs.existsSync(PLAYWRIGHT_JSON)) {
    const stats = JSON.parse(fs.readFileSync(PLAYWRIGHT_JSON, "utf8")).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
  return totals;
}

function printTotals() {
  const t = readTotals();
  console.log(`\ntotal: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}`);
}

async function freshE2eDatabase(testUrl: string): Promise<string> {
  const url = new URL(testUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_e2e`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: testUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const e2eOnly = process.argv.includes("--e2e");
  const extra = process.argv.slice(2).filter((a) => a !== "--e2e");
  const testUrl = process.env.TEST_DATABASE_URL;
  console.log(`Database for tests: ${testUrl ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite (in memory)"}`);

  // Find the browser first, so a missing Chromium is said before minutes of other tests.
  const chromium = extra.length ? null : ensureChromium();
  fs.rmSync(REPORTS, { recursive: true, force: true });
  fs.mkdirSync(REPORTS, { recursive: true });
  try {
    if (!e2eOnly) run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`, ...extra]);
    if (extra.length) return;
    await browserTests(chromium!);
  } finally {
    printTotals();
  }
}

async function browserTests(chromium: string) {
  const testUrl = process.env.TEST_DATABASE_URL;
  buildIfStale();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON,
    // Traces and screenshots of failures; Playwright empties this folder when it starts.
    E2E_OUTPUT_DIR: path.join(REPORTS, "browser"),
  };
  if (testUrl) {
    env.E2E_DATABASE_URL = await freshE2eDatabase(testUrl);
  } else {
    const dir = ".data/e2e/pglite";
    fs.rmSync(".data/e2e", { recursive: true, force: true });
    env.E2E_PGLITE_DATA_DIR = dir;
  }
  run("npx", ["playwright", "test", "--reporter=list,json"], env);
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
