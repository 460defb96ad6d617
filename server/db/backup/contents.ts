// What a database holds, table by table: the check before a restore overwrites anything, and the
// round-trip test's comparison. Only the app's schema (public) counts; the migrations'
// bookkeeping is not data.
import type { SqlDriver } from "../sql-driver";
import { BackupError } from "./errors";

export const BOOKKEEPING = "_prisma_migrations";

export async function tableRowCounts(sql: SqlDriver): Promise<Map<string, number>> {
  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const counts = new Map<string, number>();
  for (const { name } of tables) {
    const [row] = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`);
    counts.set(name, Number(row!.n));
  }
  return counts;
}

// The tables that hold rows, largest first; empty when there is nothing a restore would lose.
export async function dataTables(sql: SqlDriver) {
  const counts = await tableRowCounts(sql);
  return [...counts]
    .filter(([name, n]) => name !== BOOKKEEPING && n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, rows]) => ({ name, rows }));
}

export async function refuseUnlessEmpty(sql: SqlDriver, where: string, force: boolean) {
  const tables = await dataTables(sql);
  if (tables.length === 0 || force) return tables;
  const workspaces = tables.find((t) => t.name === "Workspace")?.rows ?? 0;
  const listed = tables
    .slice(0, 8)
    .map((t) => `${t.name} (${t.rows.toLocaleString("en-US")})`)
    .join(", ");
  const more = tables.length > 8 ? ` and ${tables.length - 8} more tables` : "";
  throw new BackupError(
    `${where} is not empty: it holds ${workspaces.toLocaleString("en-US")} workspace${workspaces === 1 ? "" : "s"} ` +
      `and rows in ${tables.length} table${tables.length === 1 ? "" : "s"}: ${listed}${more}. ` +
      `Restoring replaces all of it. Back it up first (npm run db:backup), then run the restore again with --force.`,
  );
}
