// A minimal SQL connection over pg or PGlite, for the work Prisma cannot do here: applying
// migrations (Prisma's migrate engine fails offline, see STACK.md), as the login user (the owner).
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite } from "./pglite";
import type { DatabaseTarget } from "./adapter";
import { MAINTENANCE_SESSION_OPTIONS } from "./cross-workspace";

export interface SqlDriver {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  // Runs a script of several statements (no parameters).
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

function pgliteDriver(pglite: PGlite, close: () => Promise<void>): SqlDriver {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    close,
  };
}

export async function openSqlDriver(target: DatabaseTarget): Promise<SqlDriver> {
  if (target.databaseUrl) {
    // Migrations and the benchmark's plain-SQL floor span workspaces: the session crosses.
    const client = new pg.Client({ connectionString: target.databaseUrl, options: MAINTENANCE_SESSION_OPTIONS });
    await client.connect();
    return {
      async query<T>(sql: string, params?: unknown[]) {
        return (await client.query(sql, params)).rows as T[];
      },
      async exec(sql) {
        await client.query(sql);
      },
      close: () => client.end(),
    };
  }
  const opened = openPglite(target.pgliteDataDir);
  await opened.pglite.waitReady;
  return pgliteDriver(opened.pglite, opened.close);
}

// For callers that already hold a PGlite (tests on an in-memory database).
export const driverForPglite = (pglite: PGlite): SqlDriver => pgliteDriver(pglite, async () => {});
