// Applies prisma/migrations to PGlite or PostgreSQL. Same folder layout and `_prisma_migrations`
// bookkeeping as Prisma Migrate, so Prisma's CLI recognises a database migrated here. Each
// migration runs in its own transaction together with its bookkeeping row: a failure leaves
// nothing of that migration behind, and running again applies only what is missing.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlDriver } from "./sql-driver";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Same key Prisma Migrate uses, so the two never run at once on one PostgreSQL database.
const ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly file: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration} failed (${file}): ${reason}\nNothing from this migration was applied.`, { cause });
    this.name = "MigrationError";
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  skipped: string[];
  warnings: string[];
}

export async function migrate(driver: SqlDriver, migrations: Migration[] = readMigrations(), dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const result: MigrateResult = { applied: [], skipped: [], warnings: [] };
  await driver.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await driver.exec(BOOKKEEPING_TABLE);
    const rows = await driver.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          result.warnings.push(`${migration.name} was modified after it was applied; the database keeps the applied version.`);
        }
        result.skipped.push(migration.name);
        continue;
      }
      try {
        await driver.exec("BEGIN");
        await driver.exec(migration.sql);
        await driver.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await driver.exec("COMMIT");
      } catch (error) {
        await driver.exec("ROLLBACK").catch(() => {});
        throw new MigrationError(migration.name, path.join(dir, migration.name, "migration.sql"), error);
      }
      result.applied.push(migration.name);
    }
  } finally {
    await driver.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
  }
  return result;
}
