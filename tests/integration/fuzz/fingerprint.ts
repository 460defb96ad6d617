// A cheap fingerprint of everything a call could change about one workspace, computed in SQL in
// one statement: per table, the row count and an md5 of the rows in order. The tables are found
// in the database (every table with a "workspaceId" column), so a new one is covered unasked;
// the workspace's own row and the User rows of its members are added. On a database of its own
// (PGlite, one per test worker) the global tables' counts are added too, which catches a sign-up
// or invitation that leaves a user or workspace behind; a shared PostgreSQL database has other
// tests writing to those at the same time.
import type { PrismaClient } from "../../../server/db/generated/client";

export type Fingerprint = Record<string, string>;

// (Not SignInThrottle: counting a refused password is what it is for.)
const GLOBAL_TABLES = ['"User"', '"Workspace"'];

export async function fingerprinter(db: PrismaClient, workspaceId: string, { globalCounts }: { globalCounts: boolean }) {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'workspaceId'
    ORDER BY table_name`;
  const part = (label: string, from: string, where: string) =>
    `SELECT '${label}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS f FROM ${from} x WHERE ${where}`;
  const parts = [
    ...tables.map(({ table_name: name }) => part(name, `"${name}"`, `x."workspaceId" = $1`)),
    part("Workspace:own", `"Workspace"`, `x.id = $1`),
    part("User:members", `"User"`, `x.id IN (SELECT "userId" FROM "Member" WHERE "workspaceId" = $1)`),
    ...(globalCounts ? GLOBAL_TABLES.map((t) => `SELECT '${t}:count' AS t, count(*)::text AS f FROM ${t}`) : []),
  ];
  const sql = parts.join("\nUNION ALL\n");
  return async function fingerprint(): Promise<Fingerprint> {
    const rows = await db.$queryRawUnsafe<{ t: string; f: string }[]>(sql, workspaceId);
    return Object.fromEntries(rows.map((r) => [r.t, r.f]));
  };
}

// The tables whose fingerprints differ, for a failure message.
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}
