// Many tenants for the benchmark (npm run bench -- --tenants K): a 12-partnership workspace made
// by the scale generator (the probe, which is measured), and K copies of it as other
// workspaces. Generating each tenant the app's way takes seconds; copying the probe's rows with
// one INSERT ... SELECT per table for a batch of tenants loads 1,000 in minutes. Every id is
// suffixed per copy, so each copy is a workspace of its own with its own people, keys and rows.
import type { PrismaClient } from "../../db/generated/client";
import type { SqlDriver } from "../../db/sql-driver";
import { generateScaleWorkspace, scaleEmailDomain, scaleWorkspaceState } from "../scale/generate";
import type { Progress } from "../scale/progress";

export const PROBE = { slug: "bench-tenant-probe", partnerships: 12, cycles: 4 };
const COPY_SLUGS = `${PROBE.slug}-t%`;
const BATCH = 50;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function ensureProbe(db: PrismaClient, seed: number) {
  const state = await scaleWorkspaceState(db, PROBE.slug);
  if (state === "complete") return false;
  await generateScaleWorkspace(db, { ...PROBE, seed, replace: state !== "missing" });
  return true;
}

interface Table {
  name: string;
  columns: string[];
}

// Every table holding a workspace's rows, parents before children (by their foreign keys), so
// a batch inserts in an order the keys accept.
async function tenantTables(sql: SqlDriver): Promise<Table[]> {
  const columns = await sql.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.column]);
  const owned = [...byTable].filter(([name, cols]) => name === "Workspace" || cols.includes("workspaceId")).map(([name]) => name);
  const edges = await sql.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const pending = new Set(owned);
  while (pending.size) {
    const ready = [...pending].filter((t) => !edges.some((e) => e.child === t && pending.has(e.parent)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among ${[...pending].join(", ")}.`);
    for (const t of ready.sort()) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered.map((name) => ({ name, columns: byTable.get(name)! }));
}

// The copy of a column for the tenant with suffix s.suffix: ids (and references to ids) and the
// values that must be unique across workspaces get the suffix; everything else is the probe's.
function copyOf(table: string, column: string) {
  const c = `t.${quote(column)}`;
  if (column === "id" || column.endsWith("Id") || column === "tokenHash") return `${c} || s.suffix`;
  if (table === "Workspace" && (column === "slug" || column === "name")) return `${c} || s.suffix`;
  if (table === "User" && column === "email") return `replace(${c}, '@', s.suffix || '@')`;
  return c;
}

function insertCopies(table: string, columns: string[], where: string) {
  return (
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) ` +
    `SELECT ${columns.map((col) => copyOf(table, col)).join(", ")} FROM ${quote(table)} t CROSS JOIN unnest($2::text[]) AS s(suffix) ` +
    `WHERE ${where}`
  );
}

export const copiesCount = async (sql: SqlDriver) =>
  Number((await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "Workspace" WHERE slug LIKE $1`, [COPY_SLUGS]))[0]!.n);

// The copies are the probe's own consistent rows under new ids, so checking each row's foreign
// keys (an index lookup per key per row, most of the copying time) can be skipped where the
// role may: session_replication_role turns the key triggers off for the transaction. Needs a
// superuser (PGlite's user always is); other roles copy with the checks.
async function mayReplicate(sql: SqlDriver) {
  const [row] = await sql.query<{ ok: boolean }>(`SELECT rolsuper AS ok FROM pg_roles WHERE rolname = current_user`);
  return row?.ok === true;
}

// Adds copies of the probe until there are `count`, in batches, one transaction each.
export async function addTenantCopies(sql: SqlDriver, probeId: string, count: number, progress: Progress) {
  const tables = await tenantTables(sql);
  const userTable = (
    await sql.query<{ column: string }>(
      `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'User' ORDER BY ordinal_position`,
    )
  ).map((r) => r.column);
  const have = await copiesCount(sql);
  const skipChecks = await mayReplicate(sql);
  progress.phase(`Tenants: copying ${PROBE.slug}`, count - Math.min(have, count));
  for (let from = have; from < count; from += BATCH) {
    const suffixes = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => `-t${String(from + i + 1).padStart(4, "0")}`);
    await sql.query("BEGIN");
    try {
      if (skipChecks) await sql.query("SET LOCAL session_replication_role = replica");
      for (const table of tables) {
        if (table.name === "Workspace") {
          await sql.query(insertCopies("Workspace", table.columns, "t.id = $1"), [probeId, suffixes]);
          await sql.query(insertCopies("User", userTable, `t.id IN (SELECT "userId" FROM "Member" WHERE "workspaceId" = $1)`), [
            probeId,
            suffixes,
          ]);
        } else {
          await sql.query(insertCopies(table.name, table.columns, `t."workspaceId" = $1`), [probeId, suffixes]);
        }
      }
      await sql.query("COMMIT");
    } catch (error) {
      await sql.query("ROLLBACK");
      throw error;
    }
    progress.advance(suffixes.length);
  }
  progress.done();
}

// Takes every copy out again (children first), and the people who belonged only to them.
export async function removeTenantCopies(sql: SqlDriver, progress: Progress) {
  if ((await copiesCount(sql)) === 0) return;
  const tables = (await tenantTables(sql)).reverse();
  progress.phase("Tenants: removing the copies", tables.length + 1);
  const copies = `SELECT id FROM "Workspace" WHERE slug LIKE $1`;
  for (const table of tables) {
    const where = table.name === "Workspace" ? `id IN (${copies})` : `"workspaceId" IN (${copies})`;
    await sql.query(`DELETE FROM ${quote(table.name)} WHERE ${where}`, [COPY_SLUGS]);
    progress.advance();
  }
  await sql.query(`DELETE FROM "User" u WHERE u.email LIKE $1 AND NOT EXISTS (SELECT 1 FROM "Member" m WHERE m."userId" = u.id)`, [
    `%${scaleEmailDomain(PROBE.slug)}`,
  ]);
  progress.done();
}
