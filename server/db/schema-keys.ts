// The schema's readiness to be distributed by workspace (Citus), read from the database itself
// (pg_catalog) rather than claimed: which tables are a workspace's (they have "workspaceId"), which
// are global, and every key that would stop a tenant table from being distributed by
// "workspaceId". tests/integration/schema-keys.test.ts fails on any such key; `npm run
// db:citus-ddl` prints the distribution DDL that docs/scale-out.md shows.
//
// Citus's rules, as its foreign-key check states them: a distributed table's primary and unique
// keys must include the distribution column (uniqueness is enforced per shard); a foreign key
// between two distributed tables must name the distribution column at the same position on both
// sides; one that includes the distribution column may not SET NULL / SET DEFAULT on delete, nor
// CASCADE / SET NULL / SET DEFAULT on update; a reference table may not point at a distributed
// one; and no row may have NULL in the distribution column.

export const DISTRIBUTION_COLUMN = "workspaceId";

// Runs one catalog query: a pg or PGlite driver, or Prisma's $queryRawUnsafe.
export type CatalogQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

interface TableRow {
  name: string;
  hasWorkspace: boolean;
  workspaceNotNull: boolean;
}
interface UniqueRow {
  table: string;
  index: string;
  primary: boolean;
  columns: string[];
}
interface ForeignKeyRow {
  table: string;
  name: string;
  references: string;
  columns: string[];
  referencedColumns: string[];
  onUpdate: string;
  onDelete: string;
}

export interface SchemaCatalog {
  tables: TableRow[];
  uniques: UniqueRow[];
  foreignKeys: ForeignKeyRow[];
}

// Key columns by name, in key order; expression columns (attnum 0) have no name and are skipped.
const columnsOf = (rel: string, keys: string) => `
  coalesce((SELECT array_agg(a.attname::text ORDER BY k.ord)
     FROM unnest(${keys}::int2[]) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum), '{}')`;

export async function readSchemaCatalog(query: CatalogQuery, schema: string): Promise<SchemaCatalog> {
  const tables = await query<TableRow>(
    `SELECT c.relname::text AS name, a.attnum IS NOT NULL AS "hasWorkspace", coalesce(a.attnotnull, false) AS "workspaceNotNull"
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = $2 AND NOT a.attisdropped
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`,
    [schema, DISTRIBUTION_COLUMN],
  );
  const uniques = await query<UniqueRow>(
    `SELECT t.relname::text AS "table", i.relname::text AS "index", x.indisprimary AS "primary", ${columnsOf("t.oid", "x.indkey")} AS columns
     FROM pg_index x
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND x.indisunique
     ORDER BY t.relname, i.relname`,
    [schema],
  );
  const foreignKeys = await query<ForeignKeyRow>(
    `SELECT t.relname::text AS "table", c.conname::text AS name, r.relname::text AS "references",
            ${columnsOf("c.conrelid", "c.conkey")} AS columns, ${columnsOf("c.confrelid", "c.confkey")} AS "referencedColumns",
            c.confupdtype::text AS "onUpdate", c.confdeltype::text AS "onDelete"
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND c.contype = 'f'
     ORDER BY t.relname, c.conname`,
    [schema],
  );
  return { tables, uniques, foreignKeys };
}

const ACTION: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
const list = (columns: string[]) => `(${columns.map((c) => `"${c}"`).join(", ")})`;

// Every key of the catalog that would keep its tenant tables from being distributed by
// workspace, as sentences; empty when the schema is ready.
export function keyViolations(catalog: SchemaCatalog): string[] {
  const tenant = new Set(catalog.tables.filter((t) => t.hasWorkspace).map((t) => t.name));
  const out: string[] = [];
  for (const t of catalog.tables) {
    if (t.hasWorkspace && !t.workspaceNotNull)
      out.push(`"${t.name}"."${DISTRIBUTION_COLUMN}" may be NULL: a distributed row needs a workspace.`);
    if (t.hasWorkspace && !catalog.uniques.some((u) => u.table === t.name && u.primary)) out.push(`"${t.name}" has no primary key.`);
  }
  for (const u of catalog.uniques) {
    if (!tenant.has(u.table) || u.columns.includes(DISTRIBUTION_COLUMN)) continue;
    const kind = u.primary ? "primary key" : `unique key "${u.index}"`;
    out.push(`"${u.table}": its ${kind} ${list(u.columns)} lacks "${DISTRIBUTION_COLUMN}".`);
  }
  for (const f of catalog.foreignKeys) {
    const from = tenant.has(f.table);
    const to = tenant.has(f.references);
    const at = f.columns.indexOf(DISTRIBUTION_COLUMN);
    if (!from && to) {
      out.push(`"${f.table}" (global) points at "${f.references}" (a workspace's) with "${f.name}": a reference table cannot.`);
    }
    if (from && to && (at === -1 || f.referencedColumns[at] !== DISTRIBUTION_COLUMN)) {
      out.push(
        `"${f.table}": foreign key "${f.name}" ${list(f.columns)} -> "${f.references}"${list(f.referencedColumns)} does not pair "${DISTRIBUTION_COLUMN}" with "${DISTRIBUTION_COLUMN}".`,
      );
    }
    if (from && at !== -1) {
      if (!["a", "r"].includes(f.onUpdate)) {
        out.push(`"${f.table}": foreign key "${f.name}" includes "${DISTRIBUTION_COLUMN}" and is ON UPDATE ${ACTION[f.onUpdate]}.`);
      }
      if (["n", "d"].includes(f.onDelete)) {
        out.push(`"${f.table}": foreign key "${f.name}" includes "${DISTRIBUTION_COLUMN}" and is ON DELETE ${ACTION[f.onDelete]}.`);
      }
    }
  }
  return out;
}

// Tables that stay on the coordinator, neither distributed nor replicated.
const LOCAL_TABLES = new Set(["_prisma_migrations"]);

// The tables, each after the tables it points at (Citus distributes or replicates a table only
// once every table it references is), alphabetical among equals.
function referencedFirst(catalog: SchemaCatalog, tables: string[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const f of catalog.foreignKeys) {
    if (parents.has(f.table) && parents.has(f.references) && f.table !== f.references) parents.get(f.table)!.add(f.references);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (ready.length === 0) throw new Error("The tables' foreign keys form a cycle: drop one before distributing, then add it again.");
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

export interface DistributionPlan {
  reference: string[];
  distributed: string[];
  local: string[];
  ddl: string;
}

// The Citus DDL for the schema: global tables become reference tables (a copy on every node),
// tenant tables are distributed by workspaceId, all colocated with the first, so one workspace's
// rows of every table sit on the same node and its queries and foreign keys stay on one shard.
export function distributionPlan(catalog: SchemaCatalog): DistributionPlan {
  const names = catalog.tables.map((t) => t.name);
  const local = names.filter((n) => LOCAL_TABLES.has(n));
  const reference = referencedFirst(
    catalog,
    catalog.tables.filter((t) => !t.hasWorkspace && !LOCAL_TABLES.has(t.name)).map((t) => t.name),
  );
  const distributed = referencedFirst(
    catalog,
    catalog.tables.filter((t) => t.hasWorkspace).map((t) => t.name),
  );
  const [anchor] = distributed;
  const lines = [
    ...reference.map((t) => `SELECT create_reference_table('"${t}"');`),
    ...distributed.map((t) =>
      t === anchor
        ? `SELECT create_distributed_table('"${t}"', '${DISTRIBUTION_COLUMN}');`
        : `SELECT create_distributed_table('"${t}"', '${DISTRIBUTION_COLUMN}', colocate_with => '"${anchor}"');`,
    ),
  ];
  return { reference, distributed, local, ddl: lines.join("\n") };
}

// The plan as Markdown tables for docs/scale-out.md: each distributed table with its primary key
// and the workspace tables it points at; each reference table.
export function planMarkdown(catalog: SchemaCatalog, plan: DistributionPlan): string {
  const primary = (t: string) => catalog.uniques.find((u) => u.table === t && u.primary)?.columns ?? [];
  const parents = (t: string) => [
    ...new Set(
      catalog.foreignKeys.filter((f) => f.table === t && plan.distributed.includes(f.references)).map((f) => `\`${f.references}\``),
    ),
  ];
  const pointsAt = (t: string) => [...new Set(catalog.foreignKeys.filter((f) => f.table === t).map((f) => `\`${f.references}\``))];
  return [
    "| distributed table | primary key | colocated foreign keys to |",
    "| --- | --- | --- |",
    ...plan.distributed.map((t) => `| \`${t}\` | ${list(primary(t))} | ${parents(t).join(", ") || "-"} |`),
    "",
    "| reference table | primary key | foreign keys to |",
    "| --- | --- | --- |",
    ...plan.reference.map((t) => `| \`${t}\` | ${list(primary(t))} | ${pointsAt(t).join(", ") || "-"} |`),
  ].join("\n");
}
