// Backup and restore round trips on both databases: back up, change data (a partnership and a
// response added, a partnership deleted), restore, and find every table's row count and a
// scorecard as they were. Also: a database with data is refused without force, and a backup of
// the other kind of database is refused. Each test works on databases of its own (a temporary
// PGlite directory; fresh PostgreSQL databases beside TEST_DATABASE_URL), never the shared one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  addMember,
  createCycle,
  createPartnerOrg,
  createPartnership,
  createResponses,
  createWorkspaceWithOwner,
  type ResponseSpec,
} from "../../prisma/factories";
import { createAdapterFor, type DatabaseTarget } from "../../server/db/adapter";
import { backupDatabase, restoreDatabase, tableRowCounts } from "../../server/db/backup";
import type { PrismaClient } from "../../server/db/generated/client";
import { clientFor } from "../../server/db/client";
import { migrate, readMigrations } from "../../server/db/migrate";
import { driverForPglite, openSqlDriver, type SqlDriver } from "../../server/db/sql-driver";
import { createContextFor } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";

const SLOW = 300_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ph-backup-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Opens a database of its own (migrated), runs `work` on it, and closes it again: a PGlite
// directory admits one handle, and the backup and restore open their own. `app` is the app's
// client (on PostgreSQL the role held by row-level security, so a restore that left it without
// its grants fails here); `fixtures` spans workspaces, as the seeds do.
interface Clients {
  app: PrismaClient;
  fixtures: PrismaClient;
}

async function withDatabase<T>(target: DatabaseTarget, work: (db: Clients, sql: SqlDriver) => Promise<T>, migrations = readMigrations()) {
  const adapter = createAdapterFor(target);
  let sql: SqlDriver;
  if (adapter.pglite) {
    await adapter.pglite.pglite.waitReady;
    sql = driverForPglite(adapter.pglite.pglite);
  } else {
    sql = await openSqlDriver(target);
  }
  const app = clientFor(adapter);
  const fixtures = adapter.pglite ? app : clientFor(createAdapterFor(target, "maintenance"));
  try {
    await migrate(sql, migrations);
    return await work({ app, fixtures }, sql);
  } finally {
    await app.$disconnect();
    if (fixtures !== app) await fixtures.$disconnect();
    await sql.close();
    await adapter.pglite?.close();
  }
}

interface Seeded {
  ownerUserId: string;
  workspaceId: string;
  slug: string;
  partnershipId: string;
  spareId: string;
  cycleIds: string[];
  orgId: string;
}

// A workspace with two scored cycles (three people a side, so every figure shows) on one
// partnership, and a second partnership with nothing on it (the one deleted later).
async function seed(db: PrismaClient): Promise<Seeded> {
  const { workspace, user, member } = await createWorkspaceWithOwner(db);
  const ws = workspace.id;
  const org = await createPartnerOrg(db, ws);
  const hosts = [member.id];
  for (let i = 0; i < 2; i++) hosts.push((await addMember(db, ws, { role: "MANAGER" })).member.id);
  const partners = [];
  for (let i = 0; i < 3; i++) partners.push((await addMember(db, ws, { role: "PARTNER", partnerOrgId: org.id })).member.id);
  const partnership = await createPartnership(db, ws, { partnerOrgId: org.id, ownerMemberId: member.id, teamMemberIds: hosts.slice(1) });
  const spare = await createPartnership(db, ws, { partnerOrgId: org.id });
  const cycleIds = [];
  for (const [i, quarter] of [0, 3].entries()) {
    const opensAt = new Date(Date.UTC(2020, quarter, 1));
    const cycle = await createCycle(db, ws, {
      label: `2020-Q${i + 1}`,
      status: "CLOSED",
      opensAt,
      closesAt: new Date(Date.UTC(2020, quarter + 1, 1)),
    });
    cycleIds.push(cycle.id);
    const specs: ResponseSpec[] = [
      ...hosts.map((memberId, k) => ({
        cycleId: cycle.id,
        partnershipId: partnership.id,
        memberId,
        side: "HOST" as const,
        answers: 3 + ((k + i) % 3),
      })),
      ...partners.map((memberId, k) => ({
        cycleId: cycle.id,
        partnershipId: partnership.id,
        memberId,
        side: "PARTNER" as const,
        answers: 2 + ((k + i) % 3),
        comments: { trust: `Comment ${i}-${k}` },
      })),
    ];
    await createResponses(db, ws, specs);
  }
  return {
    ownerUserId: user.id,
    workspaceId: ws,
    slug: workspace.slug,
    partnershipId: partnership.id,
    spareId: spare.id,
    cycleIds,
    orgId: org.id,
  };
}

const scorecardOf = (db: Clients, s: Seeded) =>
  createCaller(createContextFor(s.ownerUserId, db.app)).partnership.scorecard({ workspaceSlug: s.slug, partnershipId: s.partnershipId });

async function snapshot(db: Clients, sql: SqlDriver, s: Seeded) {
  return { counts: Object.fromEntries(await tableRowCounts(sql)), scorecard: await scorecardOf(db, s) };
}

// After the backup: a partnership added, a response from a new partner contact added to the
// scored partnership (which moves its scorecard), and the spare partnership deleted.
async function change(db: PrismaClient, s: Seeded) {
  await createPartnership(db, s.workspaceId, { partnerOrgId: s.orgId });
  const late = await addMember(db, s.workspaceId, { role: "PARTNER", partnerOrgId: s.orgId });
  await createResponses(db, s.workspaceId, [
    { cycleId: s.cycleIds[1]!, partnershipId: s.partnershipId, memberId: late.member.id, side: "PARTNER", answers: 5 },
  ]);
  await db.partnership.deleteMany({ where: { workspaceId: s.workspaceId, id: s.spareId } });
}

// The whole round trip on one kind of database: `source` holds the data, `fresh` is a second,
// empty database of the same kind to restore into.
async function roundTrip(source: DatabaseTarget, fresh: DatabaseTarget, file: string) {
  const { seeded, before } = await withDatabase(source, async (db, sql) => {
    const seeded = await seed(db.fixtures);
    return { seeded, before: await snapshot(db, sql, seeded) };
  });
  expect(before.counts.Workspace).toBe(1);
  expect(before.scorecard.current?.health).toBeTypeOf("number");

  const backup = await backupDatabase(source, file);
  expect(backup.file).toBe(path.resolve(file));
  expect(fs.statSync(file).size).toBeGreaterThan(0);

  const changed = await withDatabase(source, async (db, sql) => {
    await change(db.fixtures, seeded);
    return snapshot(db, sql, seeded);
  });
  expect(changed.counts).not.toEqual(before.counts);
  expect(changed.scorecard).not.toEqual(before.scorecard);

  // Without --force the changed database is refused, saying what it holds, and left alone.
  await expect(restoreDatabase(source, file)).rejects.toThrow(
    /is not empty: it holds 1 workspace and rows in \d+ tables: Answer \(\d+\).*--force/s,
  );
  expect(await withDatabase(source, (db, sql) => snapshot(db, sql, seeded))).toEqual(changed);

  const forced = await restoreDatabase(source, file, { force: true });
  expect(forced.replaced.map((t) => t.name)).toContain("Workspace");
  expect(await withDatabase(source, (db, sql) => snapshot(db, sql, seeded))).toEqual(before);

  const intoFresh = await restoreDatabase(fresh, file);
  expect(intoFresh.replaced).toEqual([]);
  expect(intoFresh.migrated.applied).toEqual([]);
  expect(await withDatabase(fresh, (db, sql) => snapshot(db, sql, seeded))).toEqual(before);
  return forced;
}

describe("backup and restore on PGlite", () => {
  const dir = (name: string) => path.join(tmp, name);
  const target = (name: string): DatabaseTarget => ({ pgliteDataDir: dir(name) });

  it(
    "restores every table's rows and the scorecard as they were, refusing a database with data without --force",
    async () => {
      const forced = await roundTrip(target("source"), target("fresh"), path.join(tmp, "source.tar.gz"));
      // The replaced directory is kept beside it, not deleted.
      expect(forced.previous).toMatch(/source\.before-restore-/);
      expect(fs.existsSync(forced.previous!)).toBe(true);
    },
    SLOW,
  );

  it(
    "brings a backup of an older schema up to date",
    async () => {
      const all = readMigrations();
      await withDatabase(target("old"), async () => {}, all.slice(0, -1));
      await backupDatabase(target("old"), path.join(tmp, "old.tar.gz"));
      const restored = await restoreDatabase(target("old-restored"), path.join(tmp, "old.tar.gz"));
      expect(restored.migrated.applied).toEqual([all.at(-1)!.name]);
    },
    SLOW,
  );

  it("refuses a PostgreSQL backup, and a file that is no backup, changing nothing", async () => {
    const dump = path.join(tmp, "postgres.dump");
    fs.writeFileSync(dump, "PGDMP\u0001\u000e\u0000not really");
    await expect(restoreDatabase(target("mismatch"), dump)).rejects.toThrow(
      /is a PostgreSQL backup, but the configured database is PGlite \(embedded\).*not interchangeable/s,
    );
    const junk = path.join(tmp, "notes.txt");
    fs.writeFileSync(junk, "hello");
    await expect(restoreDatabase(target("mismatch"), junk)).rejects.toThrow(/is not a backup made by "npm run db:backup"/);
    await expect(restoreDatabase(target("mismatch"), path.join(tmp, "missing.tar.gz"))).rejects.toThrow(/There is no backup file/);
    expect(fs.existsSync(dir("mismatch"))).toBe(false);
  });
});

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!TEST_DATABASE_URL)("backup and restore on PostgreSQL", () => {
  // Databases of this file's own beside the shared test database, since other test files use
  // that one in parallel; dropped afterwards.
  const made: string[] = [];
  const adminQuery = async (text: string) => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(text);
    } finally {
      await admin.end();
    }
  };
  async function freshDatabase(): Promise<DatabaseTarget> {
    const url = new URL(TEST_DATABASE_URL!);
    const name = `${url.pathname.slice(1) || "postgres"}_bk_${randomUUID().slice(0, 8)}`.replace(/[^a-zA-Z0-9_]/g, "_");
    await adminQuery(`CREATE DATABASE "${name}"`);
    made.push(name);
    url.pathname = `/${name}`;
    return { databaseUrl: url.toString(), pgliteDataDir: "" };
  }
  // A closed client's server process can outlive the close by a moment; while one of the app's
  // role is still there, FORCE may not end it (this role is not a member of it), so wait for it.
  const drop = async (name: string) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } catch (error) {
        if ((error as { code?: string }).code !== "42501" || attempt >= 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  afterAll(async () => {
    for (const name of made) await drop(name);
  });

  it(
    "restores every table's rows and the scorecard as they were, refusing a database with data without --force",
    async () => {
      await roundTrip(await freshDatabase(), await freshDatabase(), path.join(tmp, "source.dump"));
    },
    SLOW,
  );

  it(
    "brings a backup of an older schema up to date, and refuses a PGlite backup",
    async () => {
      const all = readMigrations();
      const old = await freshDatabase();
      await withDatabase(old, async () => {}, all.slice(0, -1));
      const file = path.join(tmp, "old.dump");
      await backupDatabase(old, file);
      const restored = await restoreDatabase(await freshDatabase(), file);
      expect(restored.migrated.applied).toEqual([all.at(-1)!.name]);

      const lite = path.join(tmp, "lite.tar.gz");
      fs.writeFileSync(lite, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
      await expect(restoreDatabase(old, lite)).rejects.toThrow(
        /is a PGlite \(embedded\) backup, but the configured database is PostgreSQL/,
      );
    },
    SLOW,
  );
});
