// Migration 20261204000000_workspace_keys on a database that holds data: applied after the
// migrations before it on a fresh PGlite with rows in the tables it changes, it keeps every row,
// moves the account-level audit events to their own table, and the re-created foreign keys still
// keep two workspaces' rows apart. (On PostgreSQL it was applied to a database holding the demo
// seed; docs/scale-out.md.)
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../server/db/migrate";
import { driverForPglite } from "../../server/db/sql-driver";

const MIGRATION = "20261204000000_workspace_keys";

const open: PGlite[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

async function migratedUpTo(name: string) {
  const pglite = new PGlite();
  open.push(pglite);
  await pglite.waitReady;
  await migrate(
    driverForPglite(pglite),
    readMigrations().filter((m) => m.name < name),
  );
  return pglite;
}

const SEED = `
  INSERT INTO "User" (id, email, name) VALUES ('u1', 'a@example.test', 'A'), ('u2', 'b@example.test', 'B');
  INSERT INTO "Workspace" (id, slug, name) VALUES ('w1', 'one', 'One'), ('w2', 'two', 'Two');
  INSERT INTO "PartnerOrg" (id, "workspaceId", name) VALUES ('o1', 'w1', 'Org');
  INSERT INTO "Member" (id, "workspaceId", "userId", role) VALUES ('m1', 'w1', 'u1', 'OWNER'), ('m2', 'w2', 'u2', 'OWNER');
  INSERT INTO "Partnership" (id, "workspaceId", "partnerOrgId", name, "ownerMemberId") VALUES ('p1', 'w1', 'o1', 'P', 'm1');
  INSERT INTO "Invitation" (id, "workspaceId", email, role, "tokenHash", "expiresAt", "invitedById")
    VALUES ('i1', 'w1', 'c@example.test', 'MANAGER', 'hash-1', now() + interval '7 days', 'm1');
  INSERT INTO "AuditEvent" (id, "workspaceId", "userId", action, "createdAt") VALUES
    ('e1', 'w1', 'u1', 'settings.updated', '2026-11-01T10:00:00Z'),
    ('e2', NULL, 'u1', 'signin.succeeded', '2026-11-01T09:00:00Z'),
    ('e3', NULL, NULL, 'signin.failed', '2026-11-01T08:00:00Z');
`;

const count = async (pglite: PGlite, table: string) =>
  (await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;

// It migrates a fresh PGlite: seconds when idle, tens of seconds on a loaded machine.
describe(MIGRATION, { timeout: 120_000 }, () => {
  it("keeps every row, moves account events to AccountAuditEvent, and keeps the workspaces apart", async () => {
    const pglite = await migratedUpTo(MIGRATION);
    await pglite.exec(SEED);

    const result = await migrate(driverForPglite(pglite));
    expect(result.applied[0]).toBe(MIGRATION);

    for (const [table, n] of Object.entries({ User: 2, Workspace: 2, Member: 2, Partnership: 1, Invitation: 1 })) {
      expect(await count(pglite, table)).toBe(n);
    }
    const workspaceEvents = await pglite.query(`SELECT id, "workspaceId", action FROM "AuditEvent" ORDER BY id`);
    expect(workspaceEvents.rows).toEqual([{ id: "e1", workspaceId: "w1", action: "settings.updated" }]);
    const accountEvents = await pglite.query(`SELECT id, "userId", action, "createdAt" FROM "AccountAuditEvent" ORDER BY id`);
    expect(accountEvents.rows).toEqual([
      { id: "e2", userId: "u1", action: "signin.succeeded", createdAt: new Date("2026-11-01T09:00:00Z") },
      { id: "e3", userId: null, action: "signin.failed", createdAt: new Date("2026-11-01T08:00:00Z") },
    ]);

    // The foreign keys came back: a partnership cannot be owned by another workspace's member.
    await expect(
      pglite.exec(
        `INSERT INTO "Partnership" (id, "workspaceId", "partnerOrgId", name, "ownerMemberId") VALUES ('p2', 'w1', 'o1', 'Q', 'm2')`,
      ),
    ).rejects.toThrow(/foreign key/);
    // A token hash is unique within its workspace.
    await expect(
      pglite.exec(`INSERT INTO "Invitation" (id, "workspaceId", email, role, "tokenHash", "expiresAt", "invitedById")
        VALUES ('i2', 'w1', 'd@example.test', 'MANAGER', 'hash-1', now(), 'm1')`),
    ).rejects.toThrow(/unique/);
    // Both audit tables stay append-only.
    await expect(pglite.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only: DELETE on "AuditEvent"/);
    await expect(pglite.exec(`UPDATE "AccountAuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only: UPDATE on "AccountAuditEvent"/);
  });
});
