// npm run demo: migrate the database, seed the demo workspace if it is missing, build the app
// if needed, and start it. Works on the embedded PGlite (default) and on PostgreSQL
// (DATABASE_URL). Options: --port N (or PORT), --skip-build.
import { spawn } from "node:child_process";
import net from "node:net";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SLUG } from "../../prisma/demo";
import { configuredTarget } from "../db/adapter";
import { disconnectDb } from "../db/client";
import { migrate } from "../db/migrate";
import { openSqlDriver } from "../db/sql-driver";
import { buildIfStale } from "./build";
import { seedIfMissing } from "./seed";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("--port") ?? process.env.PORT ?? 3000);

function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(p, () => server.close(() => resolve(true)));
  });
}

async function prepareDatabase() {
  const target = configuredTarget();
  console.log(target.databaseUrl ? "Database: PostgreSQL (DATABASE_URL)." : `Database: embedded PGlite at ${target.pgliteDataDir}.`);
  const driver = await openSqlDriver(target);
  try {
    const { applied } = await migrate(driver);
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Migrations are up to date.");
  } finally {
    await driver.close();
  }
  try {
    if (!(await seedIfMissing())) console.log(`Demo workspace "${DEMO_SLUG}" found; reusing its data.`);
  } finally {
    // PGlite allows one process per data directory: release it before the server opens it.
    await disconnectDb();
  }
}

async function waitUntilUp(url: string, child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 120 && child.exitCode === null; i++) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main() {
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is already in use. Stop whatever is using it, or choose another port: PORT=${port + 1} npm run demo`);
  }
  await prepareDatabase();
  if (!flag("--skip-build")) buildIfStale();

  const url = `http://localhost:${port}`;
  // The app server (serve.ts: Next.js behind a server that records each request's true address),
  // in a plain node process with tsx's loader rather than through a wrapper, so a stop signal
  // reaches the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts", "--port", String(port)], {
    stdio: "inherit",
    env: { ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));

  if (await waitUntilUp(`${url}/signin`, child)) {
    const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
    console.log(`\nPartnership Health is running at ${url}\n\nDemo logins (password: ${DEMO_PASSWORD})`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(width)}  ${login.role}`);
    console.log("\nPress Ctrl+C to stop.\n");
  }
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
