// Opens the embedded PGlite database. PGlite is one process, one connection: two processes on
// one data directory can corrupt it, so a lock file beside the directory records the holder's
// pid and a second process gets a clear error instead.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database at ${dir} is in use by another process (pid ${pid}). ` +
        `Only one process may open a PGlite directory at a time: stop that process first ` +
        `(for example a running "npm run demo" or "npm start"), or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function acquireLock(lockPath: string, dir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(dir, holder);
      }
      // A lock left by a process that has died (or by this one, before a crash): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir}.`);
}

// Holds a data directory's lock without opening it, for work on the directory itself (a
// restore replaces it). Returns the release.
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  return acquireLock(`${dir}.lock`, dir);
}

export interface OpenedPglite {
  pglite: PGlite;
  close: () => Promise<void>;
}

// An in-memory database starts from PGLITE_TEMPLATE when it is set: a dump (dumpDataDir) of a
// database already migrated. The integration tests open one database per test file, and starting
// from the dump takes about 2 s where a new database (initdb) and its migrations take about 8.
function templateOf(): Blob | undefined {
  const file = process.env.PGLITE_TEMPLATE;
  return file ? new Blob([fs.readFileSync(file)]) : undefined;
}

export function openPglite(dataDir: string): OpenedPglite {
  if (dataDir.startsWith("memory://")) {
    const template = templateOf();
    const pglite = template ? new PGlite({ dataDir, loadDataDir: template }) : new PGlite(dataDir);
    return { pglite, close: () => pglite.close() };
  }
  const dir = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const release = acquireLock(`${dir}.lock`, dir);
  const pglite = new PGlite(dir);
  return {
    pglite,
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}
