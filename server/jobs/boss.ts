// The pg-boss instance of this process, on the configured database: a connection pool of its own
// on PostgreSQL; on the embedded PGlite, the app's one PGlite through a small executeSql adapter
// (PGlite is one connection in this process, so the queue shares it).
import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import { currentPglite } from "../db/client";
import { env } from "../env";

// PGlite runs a text of several statements (pg-boss's migrations) only through exec.
export function pgliteExecutor(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        const last = results.at(-1) ?? { rows: [], affectedRows: 0 };
        return { rows: last.rows, rowCount: last.affectedRows ?? last.rows.length };
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

export interface BossOptions {
  // Runs the queue's upkeep (expiring jobs of killed workers, archiving) and fires the cron
  // schedules. Every worker process does; pg-boss makes each happen once across them.
  supervise: boolean;
  // Another schema than "pgboss" (tests, each with its own queue).
  schema?: string;
  // Another PostgreSQL database than DATABASE_URL's (tests on a database of their own).
  connectionString?: string;
}

export function createBoss(options: BossOptions): PgBoss {
  const common: PgBoss.ConstructorOptions = {
    schema: options.schema ?? "pgboss",
    supervise: options.supervise,
    schedule: options.supervise,
    migrate: true,
    // Finished jobs are kept a week for the operator to look at, then deleted.
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
  };
  const connectionString = options.connectionString ?? env.DATABASE_URL;
  if (connectionString) {
    return new PgBoss({ ...common, connectionString, max: 4, application_name: "partnership-health jobs" });
  }
  const pglite = currentPglite();
  if (!pglite) throw new Error("The embedded database is not open in this process.");
  return new PgBoss({ ...common, db: pgliteExecutor(pglite) });
}
