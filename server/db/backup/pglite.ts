// PGlite: its data directory as a gzipped tar (PGlite's own dumpDataDir), and back by creating a
// new directory from it (loadDataDir). Both hold the directory's lock throughout, so neither
// runs beside the app or another tool on the same directory.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrate, type MigrateResult } from "../migrate";
import { lockDataDir } from "../pglite";
import { driverForPglite } from "../sql-driver";
import { refuseUnlessEmpty } from "./contents";
import { BackupError } from "./errors";

// Every PGlite here is awaited ready before use: one that is still starting keeps nothing on the
// event loop, so Node would exit midway without a word.

const holdsDatabase = (dir: string) => fs.existsSync(path.join(dir, "PG_VERSION"));

function checkDirectory(dataDir: string) {
  if (dataDir.startsWith("memory://")) {
    throw new BackupError(
      `PGLITE_DATA_DIR is ${dataDir}, an in-memory database that lives only inside one process: there is nothing to back up or restore.`,
    );
  }
  return path.resolve(dataDir);
}

export async function dumpPglite(dataDir: string, file: string) {
  const dir = checkDirectory(dataDir);
  if (!holdsDatabase(dir)) throw new BackupError(`There is no embedded database at ${dir} to back up.`);
  const release = lockDataDir(dir);
  try {
    const pglite = new PGlite(dir);
    try {
      await pglite.waitReady;
      const dump = await pglite.dumpDataDir("gzip");
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

export interface PgliteRestore {
  // Where the directory that was there before now is, when --force replaced one.
  previous: string | null;
  // Tables that held rows before (only with force).
  replaced: { name: string; rows: number }[];
  migrated: MigrateResult;
}

// A directory that holds data is replaced only with force; it is moved aside (not deleted) so a
// mistaken --force can be undone, and moved back when the restore fails.
export async function restorePglite(dataDir: string, file: string, force: boolean, stamp: string): Promise<PgliteRestore> {
  const dir = checkDirectory(dataDir);
  const release = lockDataDir(dir);
  try {
    let previous: string | null = null;
    let replaced: { name: string; rows: number }[] = [];
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      if (!holdsDatabase(dir))
        throw new BackupError(`${dir} is not empty and holds no PGlite database; restore into another PGLITE_DATA_DIR.`);
      const current = new PGlite(dir);
      try {
        await current.waitReady;
        replaced = await refuseUnlessEmpty(driverForPglite(current), `The embedded database at ${dir}`, force);
      } finally {
        await current.close();
      }
      previous = `${dir}.before-restore-${stamp}`;
      fs.renameSync(dir, previous);
    }
    try {
      const restored = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        await restored.waitReady;
        const migrated = await migrate(driverForPglite(restored));
        await restored.close();
        // A directory with no data in it (only migrated) is not worth keeping.
        if (previous && replaced.length === 0) {
          fs.rmSync(previous, { recursive: true, force: true });
          previous = null;
        }
        return { previous, replaced, migrated };
      } finally {
        if (!restored.closed) await restored.close();
      }
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      if (previous) fs.renameSync(previous, dir);
      if (error instanceof BackupError) throw error;
      throw new BackupError(`Restoring ${file} failed; the embedded database was left as it was. ${(error as Error).message}`);
    }
  } finally {
    release();
  }
}
