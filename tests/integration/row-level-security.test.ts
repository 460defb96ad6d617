// The second wall: on PostgreSQL the app works as a role that owns nothing, and row-level security
// shows and accepts only the rows of the transaction's workspace, whatever a query forgets.
// These tests remove the workspace filter on purpose (plain SQL on the scoped client's own
// connection and transaction) and get nothing of another workspace.
//
// On PGlite the policies exist (the catalog test runs there too) but are not enforced: PGlite is
// one superuser connection shared in-process by the app and the operator tools, and a superuser
// passes row-level security. So the enforcement tests run on PostgreSQL only (TEST_DATABASE_URL).
import { describe, expect, it } from "vitest";
import { acrossWorkspaces, findMembership } from "../../server/db/cross-workspace";
import type { PrismaClient } from "../../server/db/generated/client";
import { forWorkspace } from "../../server/db/tenant";
import { appDb, buildWorld, db } from "./helpers";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Every table with a workspaceId column, and whether row-level security holds it.
async function tenantTables() {
  return db().$queryRaw<{ table: string; enabled: boolean; forced: boolean; policies: string[] }[]>`
    SELECT c.relname::text AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
           coalesce(array_agg(p.polname::text) FILTER (WHERE p.polname IS NOT NULL), '{}') AS policies
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspaceId' AND NOT a.attisdropped
    LEFT JOIN pg_policy p ON p.polrelid = c.oid
    WHERE c.relkind IN ('r', 'p')
    GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity
    ORDER BY c.relname`;
}

describe("row-level security in the schema", () => {
  it("holds every table with a workspaceId column, forced, with the tenant policy", async () => {
    const tables = await tenantTables();
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(["Partnership", "Member", "Response", "AuditEvent"]));
    const unguarded = tables.filter((t) => !t.enabled || !t.forced || !t.policies.includes("tenant_isolation")).map((t) => t.table);
    expect(unguarded, "tenant tables without FORCE ROW LEVEL SECURITY and the tenant_isolation policy").toEqual([]);
  });
});

describe.skipIf(!onPostgres)("row-level security on PostgreSQL", () => {
  it("runs the app as a role that owns no table and does not bypass row-level security", async () => {
    const [me] = await appDb().$queryRaw<{ role: string; superuser: boolean; bypass: boolean; owns: number }[]>`
      SELECT current_user::text AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
             (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(me).toEqual({ role: "ph_app", superuser: false, bypass: false, owns: 0 });
  });

  it("shows a scoped client's query without a workspace filter only its own workspace's rows", async () => {
    const a = await buildWorld();
    const b = await buildWorld();
    const scoped = forWorkspace(appDb(), a.workspace.id);

    // Plain SQL on the scoped client's own transaction, with no WHERE at all.
    const inTransaction = await scoped.$transaction(
      (tx) => tx.$queryRaw<{ workspaceId: string }[]>`SELECT "workspaceId" FROM "Partnership"`,
    );
    expect(inTransaction.length).toBeGreaterThanOrEqual(2);
    expect(new Set(inTransaction.map((r) => r.workspaceId))).toEqual(new Set([a.workspace.id]));

    // The same outside a transaction: the scoped client sets the workspace around each statement.
    const alone = await scoped.$queryRaw<{ workspaceId: string; name: string }[]>`SELECT "workspaceId", name FROM "PartnerOrg"`;
    expect(alone.map((r) => r.workspaceId).every((id) => id === a.workspace.id)).toBe(true);
    expect(alone.map((r) => r.name)).not.toContain(b.orgA.name);

    // Joins through other tables are held too: no member of B through a global table's relation.
    const user = await scoped.user.findUniqueOrThrow({ where: { id: b.owner.user.id }, include: { memberships: true } });
    expect(user.memberships).toEqual([]);
  });

  it("shows the unscoped app client no tenant rows, and the named path what it asks for", async () => {
    const w = await buildWorld();
    expect(await appDb().partnership.count()).toBe(0);
    expect(await appDb().member.findMany({ where: { workspaceId: w.workspace.id } })).toEqual([]);
    const [row] = await appDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Response"`;
    expect(row!.n).toBe(0);
    // Global tables stay readable: the membership lookup starts from them.
    expect(await appDb().workspace.findUnique({ where: { id: w.workspace.id } })).not.toBeNull();

    const members = await acrossWorkspaces(appDb(), (c) => c.member.findMany({ where: { workspaceId: w.workspace.id } }));
    expect(members.length).toBe(6);
  });

  it("refuses a write stamped with another workspace (WITH CHECK), even by plain SQL", async () => {
    const a = await buildWorld();
    const b = await buildWorld();
    const scoped = forWorkspace(appDb(), a.workspace.id);
    const insert = scoped.$transaction(
      (tx) =>
        tx.$executeRaw`INSERT INTO "PartnerOrg" (id, "workspaceId", name) VALUES (${`rls-${Date.now()}`}, ${b.workspace.id}, 'Smuggled')`,
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    // Moving one of its own rows into another workspace is refused the same way.
    const move = scoped.$transaction(
      (tx) => tx.$executeRaw`UPDATE "PartnerOrg" SET "workspaceId" = ${b.workspace.id} WHERE id = ${a.orgA.id}`,
    );
    await expect(move).rejects.toThrow(/row-level security/);
    // And another workspace's rows cannot be changed or deleted: they are not there to touch.
    const changed = await scoped.$transaction((tx) => tx.$executeRaw`UPDATE "PartnerOrg" SET name = 'Renamed' WHERE id = ${b.orgA.id}`);
    const deleted = await scoped.$transaction((tx) => tx.$executeRaw`DELETE FROM "PartnerOrg" WHERE id = ${b.orgB.id}`);
    expect([changed, deleted]).toEqual([0, 0]);
    expect(await db().partnerOrg.count({ where: { workspaceId: b.workspace.id, name: "Smuggled" } })).toBe(0);
    expect((await db().partnerOrg.findFirstOrThrow({ where: { id: b.orgA.id } })).name).toBe(b.orgA.name);
  });

  it("leaves the crossing off again for the rest of a transaction that used the named path", async () => {
    const a = await buildWorld();
    await buildWorld();
    const after = await forWorkspace(appDb(), a.workspace.id).$transaction(async (tx) => {
      const all = await acrossWorkspaces(
        tx,
        (c) => c.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "workspaceId")::int AS n FROM "Member"`,
      );
      expect(all[0]!.n).toBeGreaterThanOrEqual(2);
      return tx.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "workspaceId")::int AS n FROM "Member"`;
    });
    expect(after[0]!.n).toBe(1);
  });

  it("finds a membership in any workspace, then leaves the crossing off for the rest of the transaction", async () => {
    const a = await buildWorld();
    const b = await buildWorld();
    const after = await forWorkspace(appDb(), a.workspace.id).$transaction(async (tx) => {
      // The lookup's SQL function crosses for its own query: a member of workspace B is found
      // from a transaction held to workspace A.
      const found = await findMembership(tx as unknown as PrismaClient, b.admin.user.id, b.slug);
      expect(found?.member.id).toBe(b.admin.member.id);
      expect(found?.workspace.createdAt).toBeInstanceOf(Date);
      return tx.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "workspaceId")::int AS n FROM "Member"`;
    });
    expect(after[0]!.n).toBe(1);
    // Outside any transaction, on the app's client: found, and a removed member is not.
    expect((await findMembership(appDb(), a.manager.user.id, a.slug))?.member.role).toBe("MANAGER");
    await db().member.update({
      where: { workspaceId_id: { workspaceId: a.workspace.id, id: a.manager.member.id } },
      data: { removedAt: new Date() },
    });
    expect(await findMembership(appDb(), a.manager.user.id, a.slug)).toBeNull();
  });
});
