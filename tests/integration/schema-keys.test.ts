// The schema can be distributed by workspace (Citus), read from the migrated database's own catalog
// (pg_catalog), on PGlite or PostgreSQL, whichever the tests run on: every table of a workspace
// has "workspaceId" in every primary key, unique key and foreign key to another workspace table,
// none of them may be NULL, and the tables without it are exactly the global ones, each named
// here with its reason. A probe schema, rolled back, shows the check catches each kind of fault.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "../../server/db/generated/client";
import { distributionPlan, keyViolations, readSchemaCatalog, type CatalogQuery } from "../../server/db/schema-keys";
import { GLOBAL_MODELS } from "../../server/db/tenant";
import { db } from "./helpers";

// The tables without "workspaceId", and why each belongs to no workspace (Citus reference tables,
// except the migration bookkeeping, which stays local).
const GLOBAL_TABLES: Record<string, string> = {
  User: "a person's account, a member of any number of workspaces",
  Workspace: "the tenants themselves",
  UserSession: "a signed-in browser of an account",
  AuthToken: "emailed one-time tokens of an account (reset, sign-in link, sign-up)",
  AccountEmail: "emails about an account, not a workspace",
  AccountAuditEvent: "an account's own audit events (sign-ins, password changes): in no workspace",
  SignInThrottle: "failed sign-ins by address and email, before anyone is signed in",
  _prisma_migrations: "the migration runner's bookkeeping",
};

type Client = Pick<ReturnType<typeof db>, "$queryRawUnsafe">;
const catalogQuery =
  (client: Client): CatalogQuery =>
  <T>(sql: string, params: unknown[]) =>
    client.$queryRawUnsafe<T[]>(sql, ...params);

async function currentSchema(client: Client) {
  const [row] = await client.$queryRawUnsafe<{ schema: string }[]>("SELECT current_schema()::text AS schema");
  return row!.schema;
}

describe("keys of the tenant tables", () => {
  it("every primary, unique and foreign key of a workspace's table includes workspaceId", async () => {
    const catalog = await readSchemaCatalog(catalogQuery(db()), await currentSchema(db()));
    expect(catalog.tables.length).toBeGreaterThan(40);
    expect(keyViolations(catalog)).toEqual([]);
  });

  it("the tables without workspaceId are exactly the global ones, and match the scoped client's list", async () => {
    const catalog = await readSchemaCatalog(catalogQuery(db()), await currentSchema(db()));
    const global = catalog.tables.filter((t) => !t.hasWorkspace).map((t) => t.name);
    expect(global.sort()).toEqual(Object.keys(GLOBAL_TABLES).sort());
    // The models the scoped client filters by workspace (server/db/tenant.ts) are the tables with
    // the column: a model left off the global list is scoped, and must carry it.
    const tenantModels = Object.values(Prisma.ModelName).filter((m) => !GLOBAL_MODELS.has(m));
    const tenantTables = catalog.tables.filter((t) => t.hasWorkspace).map((t) => t.name);
    expect(tenantTables.sort()).toEqual(tenantModels.sort());
  });

  it("docs/scale-out.md shows the distribution DDL of this schema", async () => {
    const plan = distributionPlan(await readSchemaCatalog(catalogQuery(db()), await currentSchema(db())));
    const doc = fs.readFileSync(path.join(import.meta.dirname, "../../docs/scale-out.md"), "utf8");
    expect(doc).toContain(plan.ddl);
    // One row per table, distributed ones first, in the DDL's order (Prettier pads the cells).
    const listed = [...doc.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...plan.distributed, ...plan.reference]);
  });

  it("catches a table whose keys lack workspaceId (a probe schema, rolled back)", async () => {
    const schema = `keys_probe_${Math.random().toString(36).slice(2, 10)}`;
    const rolledBack = new Error("rolled back");
    let found: string[] = [];
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`CREATE SCHEMA ${schema}`);
        for (const statement of [
          `CREATE TABLE ${schema}."Workspace" (id text PRIMARY KEY)`,
          // Ready: keys and foreign keys all name the workspace.
          `CREATE TABLE ${schema}."Good" ("workspaceId" text NOT NULL REFERENCES ${schema}."Workspace"(id), id text NOT NULL,
             token text NOT NULL, PRIMARY KEY ("workspaceId", id), UNIQUE ("workspaceId", token))`,
          `CREATE TABLE ${schema}."GoodChild" ("workspaceId" text NOT NULL, id text NOT NULL, "goodId" text NOT NULL,
             PRIMARY KEY ("workspaceId", id), FOREIGN KEY ("workspaceId", "goodId") REFERENCES ${schema}."Good"("workspaceId", id) ON DELETE CASCADE)`,
          // Each of these has one fault.
          `CREATE TABLE ${schema}."OwnIdKey" ("workspaceId" text NOT NULL, id text PRIMARY KEY)`,
          `CREATE TABLE ${schema}."GlobalToken" ("workspaceId" text NOT NULL, id text NOT NULL, token text UNIQUE, PRIMARY KEY ("workspaceId", id))`,
          `CREATE TABLE ${schema}."ByIdOnly" ("workspaceId" text NOT NULL, id text NOT NULL, "ownIdKeyId" text REFERENCES ${schema}."OwnIdKey"(id),
             PRIMARY KEY ("workspaceId", id))`,
          `CREATE TABLE ${schema}."Swapped" ("workspaceId" text NOT NULL, id text NOT NULL, "goodId" text NOT NULL, PRIMARY KEY ("workspaceId", id),
             FOREIGN KEY ("goodId", "workspaceId") REFERENCES ${schema}."Good"("workspaceId", id))`,
          `CREATE TABLE ${schema}."Cascading" ("workspaceId" text NOT NULL, id text NOT NULL, "goodId" text NOT NULL, PRIMARY KEY ("workspaceId", id),
             FOREIGN KEY ("workspaceId", "goodId") REFERENCES ${schema}."Good"("workspaceId", id) ON UPDATE CASCADE)`,
          `CREATE TABLE ${schema}."Nullable" ("workspaceId" text, id text NOT NULL, UNIQUE ("workspaceId", id))`,
          `CREATE TABLE ${schema}."GlobalPointer" (id text PRIMARY KEY, "workspaceId_" text, "goodId" text,
             FOREIGN KEY ("workspaceId_", "goodId") REFERENCES ${schema}."Good"("workspaceId", id))`,
        ]) {
          await tx.$executeRawUnsafe(statement);
        }
        found = keyViolations(await readSchemaCatalog(catalogQuery(tx), schema));
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);

    const about = (table: string) => found.filter((v) => v.startsWith(`"${table}"`));
    expect(about("Good")).toEqual([]);
    expect(about("GoodChild")).toEqual([]);
    expect(about("Workspace")).toEqual([]);
    expect(about("OwnIdKey")).toEqual(['"OwnIdKey": its primary key ("id") lacks "workspaceId".']);
    expect(about("GlobalToken")).toEqual([
      expect.stringMatching(/^"GlobalToken": its unique key "[^"]+" \("token"\) lacks "workspaceId"\.$/),
    ]);
    expect(about("ByIdOnly")).toEqual([
      expect.stringMatching(/^"ByIdOnly": foreign key "[^"]+" \("ownIdKeyId"\) -> "OwnIdKey"\("id"\) does not pair/),
    ]);
    expect(about("Swapped")).toEqual([
      expect.stringMatching(/^"Swapped": foreign key "[^"]+" \("goodId", "workspaceId"\) -> "Good"\("workspaceId", "id"\) does not pair/),
    ]);
    expect(about("Cascading")).toEqual([
      expect.stringMatching(/^"Cascading": foreign key "[^"]+" includes "workspaceId" and is ON UPDATE CASCADE\.$/),
    ]);
    expect(about("Nullable")).toEqual([
      '"Nullable"."workspaceId" may be NULL: a distributed row needs a workspace.',
      '"Nullable" has no primary key.',
    ]);
    expect(about("GlobalPointer")).toEqual([expect.stringMatching(/^"GlobalPointer" \(global\) points at "Good" \(a workspace's\)/)]);
    expect(found).toHaveLength(8);

    // Nothing of the probe is left.
    const [left] = await db().$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1", schema);
    expect(left!.n).toBe(0);
  });
});
