// Backup and restore of the configured database, PostgreSQL or PGlite: the one entry point of
// the CLI and the tests. A restore checks the file's kind against the database, refuses to
// overwrite data without force, and migrates afterwards, so a backup from an older release
// comes up to the current schema.
import fs from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "../adapter";
import { migrate, readMigrations, type MigrateResult } from "../migrate";
import { openSqlDriver } from "../sql-driver";
import { refuseUnlessEmpty } from "./contents";
import { BackupError } from "./errors";
import { backupKind, checkKindsMatch, targetKind, type DatabaseKind } from "./kind";
import { dumpPglite, restorePglite } from "./pglite";
import { dumpPostgres, restorePostgres } from "./pg";

const APP_ROLE_MIGRATION = "20261205000000_row_level_security";

export { BackupError } from "./errors";
export { tableRowCounts } from "./contents";
export { KIND_LABEL, type DatabaseKind } from "./kind";

export const BACKUP_DIR = "backups";
const EXTENSION: Record<DatabaseKind, string> = { postgres: "dump", pglite: "tar.gz" };

// 2026-11-30T05-41-07Z: sorts by time and is safe in a file name everywhere.
export const timestamp = (now = new Date()) =>
  now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");

export const defaultBackupFile = (kind: DatabaseKind, now = new Date()) =>
  path.join(BACKUP_DIR, `${kind === "postgres" ? "postgres" : "pglite"}-${timestamp(now)}.${EXTENSION[kind]}`);

export interface BackupResult {
  kind: DatabaseKind;
  file: string;
  bytes: number;
}

// Written beside the target under a temporary name and renamed when complete, so a file at the
// chosen path is always a whole backup.
export async function backupDatabase(target: DatabaseTarget, out?: string): Promise<BackupResult> {
  const kind = targetKind(target);
  const file = path.resolve(out ?? defaultBackupFile(kind));
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists; choose another --out or move it away.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    if (kind === "postgres") await dumpPostgres(target.databaseUrl!, partial);
    else await dumpPglite(target.pgliteDataDir, partial);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { kind, file, bytes: fs.statSync(file).size };
}

export interface RestoreResult {
  kind: DatabaseKind;
  // Tables that held rows before and were replaced (only with force).
  replaced: { name: string; rows: number }[];
  // PGlite: where the replaced data directory was moved.
  previous: string | null;
  migrated: MigrateResult;
}

export async function restoreDatabase(target: DatabaseTarget, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const force = options.force ?? false;
  const kind = targetKind(target);
  checkKindsMatch(file, backupKind(file), kind);

  if (kind === "pglite") {
    return { kind, ...(await restorePglite(target.pgliteDataDir, file, force, timestamp())) };
  }

  const where = `The PostgreSQL database ${new URL(target.databaseUrl!).pathname.slice(1)}`;
  const before = await openSqlDriver(target);
  let replaced;
  try {
    replaced = await refuseUnlessEmpty(before, where, force);
  } finally {
    await before.close();
  }
  await restorePostgres(target.databaseUrl!, file);
  const after = await openSqlDriver(target);
  try {
    const migrated = await migrate(after);
    // The restore leaves out grants (--no-privileges), so the app's role (row-level security)
    // would find the restored tables closed to it. Its migration is idempotent: run again, it
    // creates the role if this server lacks it and grants it the tables and policies anew.
    const roles = readMigrations().find((m) => m.name === APP_ROLE_MIGRATION);
    if (roles) await after.exec(roles.sql);
    return { kind, replaced, previous: null, migrated };
  } finally {
    await after.close();
  }
}
