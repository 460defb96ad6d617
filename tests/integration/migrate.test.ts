// The migration runner and the PGlite directory lock, each on a database of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "../../server/db/migrate";
import { DataDirInUseError, openPglite } from "../../server/db/pglite";
import { driverForPglite } from "../../server/db/sql-driver";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshPglite() {
  const pglite = new PGlite();
  cleanups.push(() => pglite.close());
  await pglite.waitReady;
  return pglite;
}

async function tableExists(pglite: PGlite, name: string) {
  const { rows } = await pglite.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [name]);
  return rows[0]!.t !== null;
}

// Each test migrates a fresh PGlite from nothing, some twice: about 4 s on an idle machine, but
// close to the default 30 s on a loaded 2-core one (seen in a full run).
describe("migrate", { timeout: 120_000 }, () => {
  it("applies every migration once; a second run applies nothing", async () => {
    const pglite = await freshPglite();
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);

    const first = await migrate(driverForPglite(pglite));
    expect(first).toEqual({ applied: names, skipped: [], warnings: [] });
    expect(await tableExists(pglite, '"Workspace"')).toBe(true);

    const second = await migrate(driverForPglite(pglite));
    expect(second).toEqual({ applied: [], skipped: names, warnings: [] });
  });

  it("records one finished row per migration with its sha256 checksum", async () => {
    const pglite = await freshPglite();
    await migrate(driverForPglite(pglite));
    await migrate(driverForPglite(pglite));
    const { rows } = await pglite.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const expected = readMigrations().map((m) => ({
      migration_name: m.name,
      checksum: createHash("sha256")
        .update(fs.readFileSync(path.join("prisma", "migrations", m.name, "migration.sql")))
        .digest("hex"),
    }));
    expect(rows.map((r) => ({ migration_name: r.migration_name, checksum: r.checksum }))).toEqual(expected);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("warns about an applied migration whose file changed, and keeps the applied version", async () => {
    const pglite = await freshPglite();
    await migrate(driverForPglite(pglite));
    const edited = readMigrations().map((m) => ({ ...m, checksum: "0".repeat(64) }));
    const result = await migrate(driverForPglite(pglite), edited);
    expect(result.applied).toEqual([]);
    expect(result.warnings).toEqual(
      edited.map((m) => `${m.name} was modified after it was applied; the database keeps the applied version.`),
    );
  });

  it("rolls back a failing migration entirely and names it in the error", async () => {
    const pglite = await freshPglite();
    const bad = { name: "29990101000000_bad", sql: "CREATE TABLE ok_table(id int); SELECT * FROM missing_table;", checksum: "x" };
    const error = await migrate(driverForPglite(pglite), [...readMigrations(), bad]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    const failure = error as MigrationError;
    expect(failure.migration).toBe("29990101000000_bad");
    expect(failure.message).toContain("Migration 29990101000000_bad failed");
    expect(failure.message).toContain("missing_table");
    expect(failure.message).toContain("Nothing from this migration was applied.");

    expect(await tableExists(pglite, "ok_table")).toBe(false);
    const { rows } = await pglite.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    // The good migrations before it stay applied; the bad one left no bookkeeping row.
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));

    // The database is usable afterwards, and a fixed migration then applies.
    const fixed = { ...bad, sql: "CREATE TABLE ok_table(id int);", checksum: "y" };
    const result = await migrate(driverForPglite(pglite), [...readMigrations(), fixed]);
    expect(result.applied).toEqual([fixed.name]);
    expect(await tableExists(pglite, "ok_table")).toBe(true);
  });
});

describe("the PGlite directory lock", { timeout: 120_000 }, () => {
  function tempDataDir() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ph-lock-"));
    cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
    return path.join(root, "pglite");
  }

  function spawnSleeper(): ChildProcess {
    const child = spawn("sleep", ["30"], { stdio: "ignore" });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    return child;
  }

  it("refuses a directory that a live other process holds", async () => {
    const dir = tempDataDir();
    const child = spawnSleeper();
    expect(child.pid).toBeGreaterThan(0);
    fs.writeFileSync(`${dir}.lock`, String(child.pid));

    let error: unknown = null;
    try {
      const opened = openPglite(dir);
      cleanups.push(() => opened.close());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toContain("in use by another process");
    expect((error as Error).message).toContain(`pid ${child.pid}`);
    // The holder's lock is left alone.
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(child.pid));
  });

  it("takes over a stale lock left by a process that has died", async () => {
    const dir = tempDataDir();
    const child = spawn("true", [], { stdio: "ignore" });
    await new Promise((resolve) => child.once("exit", resolve));
    fs.writeFileSync(`${dir}.lock`, String(child.pid));

    const opened = openPglite(dir);
    cleanups.push(() => opened.close());
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    const { rows } = await opened.pglite.query<{ one: number }>("SELECT 1 AS one");
    expect(rows).toEqual([{ one: 1 }]);

    await opened.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
