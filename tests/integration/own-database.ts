// A database of the test's own, for tests that act on every workspace in it (the job queue's
// fan-out and sweep): on PostgreSQL a fresh database beside TEST_DATABASE_URL's, migrated, and
// dropped when the test ends; on PGlite the test file's own in-memory database, which only this
// file's tests write to.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { onTestFinished } from "vitest";
import { createAdapterFor } from "../../server/db/adapter";
import { clientFor, getDb, getMaintenanceDb } from "../../server/db/client";
import type { PrismaClient } from "../../server/db/generated/client";
import { migrate } from "../../server/db/migrate";
import { openSqlDriver } from "../../server/db/sql-driver";
import { startJobs, type JobsOptions } from "../../server/jobs/start";

export interface OwnDatabase {
  // The app's client (on PostgreSQL held by row-level security), what the code under test uses.
  db: PrismaClient;
  // The fixtures' client, spanning workspaces (getMaintenanceDb's kind).
  fixtures: PrismaClient;
  // The PostgreSQL URL, for pg-boss's own pool; undefined on PGlite.
  url?: string;
}

export async function ownDatabase(): Promise<OwnDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { db: getDb(), fixtures: getMaintenanceDb() };
  const url = new URL(base);
  const name = `${url.pathname.slice(1) || "postgres"}_own_${randomBytes(4).toString("hex")}`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const driver = await openSqlDriver({ databaseUrl, pgliteDataDir: "" });
  await migrate(driver);
  await driver.close();
  const db = clientFor(createAdapterFor({ databaseUrl, pgliteDataDir: "" }, "app"));
  const fixtures = clientFor(createAdapterFor({ databaseUrl, pgliteDataDir: "" }, "maintenance"));
  onTestFinished(async () => {
    await db.$disconnect();
    await fixtures.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  return { db, fixtures, url: databaseUrl };
}

// The job queue with workers on the test's own database, in a schema of its own, stopped when the
// test ends; its ticks far apart, so only what the test queues runs. `extra`: retry settings.
export async function startTestJobs(own: OwnDatabase, extra: Partial<JobsOptions> = {}) {
  const jobs = await startJobs({
    workers: true,
    db: own.db,
    schema: `pgboss_test_${randomBytes(4).toString("hex")}`,
    connectionString: own.url,
    intervalSeconds: 3600,
    log: () => {},
    ...extra,
  });
  onTestFinished(() => jobs.stop());
  return jobs;
}
