// npm test: every test. Unit and integration tests (vitest) on the real database, then the
// browser tests (Playwright in Chromium) against the built app on a fresh database.
// Integration tests use PGlite, or PostgreSQL when TEST_DATABASE_URL is set; the browser tests
// then use a sibling database "<name>_e2e" on the same server, recreated on every run.
// Extra arguments go to vitest (e.g. `npm test -- --project unit` runs only the unit tests).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { buildIfStale } from "./build";
import { ensureChromium } from "./chromium";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
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
  const extra = process.argv.slice(2);
  const testUrl = process.env.TEST_DATABASE_URL;
  console.log(`Database for tests: ${testUrl ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite (in memory)"}`);

  // Find the browser first, so a missing Chromium is said before minutes of other tests.
  const chromium = extra.length ? null : ensureChromium();
  run("npx", ["vitest", "run", ...extra]);
  if (extra.length) return;

  buildIfStale();
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: chromium! };
  if (testUrl) {
    env.E2E_DATABASE_URL = await freshE2eDatabase(testUrl);
  } else {
    const dir = ".data/e2e/pglite";
    fs.rmSync(".data/e2e", { recursive: true, force: true });
    env.E2E_PGLITE_DATA_DIR = dir;
  }
  run("npx", ["playwright", "test"], env);
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
