// Which database a backup file came from, read from its first bytes rather than its name:
// pg_dump's custom format starts with "PGDMP", PGlite's data-directory dump is a gzipped tar.
import fs from "node:fs";
import type { DatabaseTarget } from "../adapter";
import { BackupError } from "./errors";

export type DatabaseKind = "postgres" | "pglite";

export const KIND_LABEL: Record<DatabaseKind, string> = { postgres: "PostgreSQL", pglite: "PGlite (embedded)" };

export const targetKind = (target: DatabaseTarget): DatabaseKind => (target.databaseUrl ? "postgres" : "pglite");

export function backupKind(file: string): DatabaseKind {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    try {
      head = Buffer.alloc(5);
      head = head.subarray(0, fs.readSync(fd, head, 0, 5, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupError(`There is no backup file at ${file}.`);
    if (code === "EISDIR") throw new BackupError(`${file} is a directory, not a backup file.`);
    throw error;
  }
  if (head.toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  throw new BackupError(
    `${file} is not a backup made by "npm run db:backup": it is neither a pg_dump custom-format archive nor a PGlite data-directory dump.`,
  );
}

// A PGlite dump is a copy of PGlite's files, which PostgreSQL cannot read, and a pg_dump archive
// needs pg_restore and a server, which PGlite lacks; moving between them means exporting the data.
export function checkKindsMatch(file: string, fileKind: DatabaseKind, target: DatabaseKind) {
  if (fileKind === target) return;
  const how =
    fileKind === "pglite"
      ? "Restore it with DATABASE_URL unset (into PGLITE_DATA_DIR)"
      : "Restore it with DATABASE_URL set to a PostgreSQL server";
  throw new BackupError(
    `${file} is a ${KIND_LABEL[fileKind]} backup, but the configured database is ${KIND_LABEL[target]}. ` +
      `The two formats are not interchangeable (a PGlite dump is a copy of its data files, a PostgreSQL backup is a pg_dump archive). ` +
      `${how}.`,
  );
}
