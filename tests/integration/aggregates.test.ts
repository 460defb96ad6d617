// The stored per-cycle aggregates: kept right when people submit at the same moment, and the
// migration's backfill of older databases computes the same figures as the app.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterEach, describe, expect, it } from "vitest";
import {
  addMember,
  createCycle,
  createPartnerOrg,
  createPartnership,
  createResponses,
  createWorkspaceWithOwner,
} from "../../prisma/factories";
import { DEFAULT_FRAMEWORK } from "../../server/services/framework";
import { PrismaClient } from "../../server/db/generated/client";
import { migrate, MIGRATIONS_DIR } from "../../server/db/migrate";
import { driverForPglite } from "../../server/db/sql-driver";
import { buildWorld, callerFor, db, fullAnswers } from "./helpers";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("aggregates on submit", () => {
  it("counts every one of several responses submitted at the same moment", async () => {
    const w = await buildWorld();
    const d = db();
    const ws = w.workspace.id;
    const contacts = [w.contactA];
    for (let i = 0; i < 5; i++) {
      const extra = await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id });
      contacts.push({ ...extra, api: callerFor(extra.user.id) });
    }
    await d.cycleParticipant.createMany({
      data: contacts.map((c) => ({
        workspaceId: ws,
        cycleId: w.cycle.id,
        partnershipId: w.partnershipA.id,
        memberId: c.member.id,
        side: "PARTNER" as const,
      })),
      skipDuplicates: true,
    });
    // Values 1..6 -> 0, 25, 50, 75, 100 and 100 again (5 is the top of the scale).
    const values = [1, 2, 3, 4, 5, 5];
    await Promise.all(
      contacts.map(async (c, i) =>
        c.api.response.submit({
          workspaceSlug: w.slug,
          cycleId: w.cycle.id,
          partnershipId: w.partnershipA.id,
          answers: await fullAnswers(w.cycle.id, values[i]!),
        }),
      ),
    );
    const stored = await d.partnershipCycleScore.findUniqueOrThrow({
      where: { workspaceId_partnershipId_cycleId: { workspaceId: ws, partnershipId: w.partnershipA.id, cycleId: w.cycle.id } },
    });
    expect(stored.partnerResponses).toBe(6);
    expect(stored.hostResponses).toBe(0);
    // (0 + 25 + 50 + 75 + 100 + 100) / 6 = 58.33
    expect(stored.health).toBeCloseTo(350 / 6, 6);
    const pillars = await d.pillarCycleScore.findMany({
      where: { workspaceId: ws, partnershipId: w.partnershipA.id, cycleId: w.cycle.id },
    });
    expect(pillars).toHaveLength(4);
    for (const p of pillars) {
      expect(p.partner).toBeCloseTo(350 / 6, 6);
      expect(p.host).toBeNull();
      expect(p.combined).toBeCloseTo(350 / 6, 6);
    }
    const statements = await d.statementCycleScore.findMany({
      where: { workspaceId: ws, partnershipId: w.partnershipA.id, cycleId: w.cycle.id },
    });
    expect(statements).toHaveLength(16);
    expect(statements.every((s) => s.side === "PARTNER" && s.answered === 6 && s.dontKnow === 0)).toBe(true);
  });

  it("replaces a person's figures when they submit again rather than counting them twice", async () => {
    const w = await buildWorld();
    const input = { workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id };
    await w.contactA.api.response.submit({ ...input, answers: await fullAnswers(w.cycle.id, 2) });
    const firsts = new Set(DEFAULT_FRAMEWORK.map((p) => p.statements[0]!.key));
    await w.contactA.api.response.submit({ ...input, answers: await fullAnswers(w.cycle.id, (key) => (firsts.has(key) ? null : 5)) });
    const key = { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, cycleId: w.cycle.id };
    const stored = await db().partnershipCycleScore.findUniqueOrThrow({ where: { workspaceId_partnershipId_cycleId: key } });
    expect(stored.partnerResponses).toBe(1);
    expect(stored.health).toBe(100);
    const statements = await db().statementCycleScore.findMany({ where: key, include: { statement: true } });
    const first = statements.filter((s) => firsts.has(s.statement.key));
    expect(first).toHaveLength(4);
    for (const s of first) expect([s.score, s.answered, s.dontKnow]).toEqual([null, 0, 1]);
  });
});

describe("the migration's backfill", () => {
  it("computes the same aggregates as the app for responses stored before it", async () => {
    const pglite = new PGlite();
    cleanups.push(() => pglite.close());
    await migrate(driverForPglite(pglite));
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    cleanups.push(() => client.$disconnect());

    const { workspace, member: owner } = await createWorkspaceWithOwner(client);
    const ws = workspace.id;
    const org = await createPartnerOrg(client, ws);
    const partnership = await createPartnership(client, ws, { partnerOrgId: org.id });
    const cycle = await createCycle(client, ws, { status: "CLOSED" });
    const hosts = [owner.id];
    for (let i = 0; i < 2; i++) hosts.push((await addMember(client, ws, { role: "MANAGER" })).member.id);
    const partners = [];
    for (let i = 0; i < 3; i++) partners.push((await addMember(client, ws, { role: "PARTNER", partnerOrgId: org.id })).member.id);
    // Varied answers; Trust is all "Don't know", so its scores are null and health skips it.
    const at = (i: number) => (key: string) => (key.startsWith("trust.") ? null : 1 + ((i + key.length) % 5));
    await createResponses(client, ws, [
      ...hosts.map((memberId, i) => ({
        cycleId: cycle.id,
        partnershipId: partnership.id,
        memberId,
        side: "HOST" as const,
        answers: answersFor(at(i)),
      })),
      ...partners.map((memberId, i) => ({
        cycleId: cycle.id,
        partnershipId: partnership.id,
        memberId,
        side: "PARTNER" as const,
        answers: answersFor(at(i + 7)),
      })),
    ]);

    const snapshot = async () => ({
      cycles: await client.partnershipCycleScore.findMany({ orderBy: { cycleId: "asc" }, omit: { updatedAt: true } }),
      pillars: await client.pillarCycleScore.findMany({ orderBy: { pillarKey: "asc" } }),
      statements: await client.statementCycleScore.findMany({ orderBy: [{ statementId: "asc" }, { side: "asc" }] }),
    });
    const fromApp = await snapshot();
    expect(fromApp.cycles).toHaveLength(1);
    expect(fromApp.pillars.find((p) => p.pillarKey === "trust")!.combined).toBeNull();
    expect(fromApp.cycles[0]!.gapPillarKey).not.toBeNull();
    // Nobody scored Trust; everyone scored the rest: the counts the backfill must reproduce.
    expect(fromApp.pillars.find((p) => p.pillarKey === "trust")).toMatchObject({ hostScored: 0, partnerScored: 0 });
    expect(fromApp.pillars.find((p) => p.pillarKey === "commitment")).toMatchObject({ hostScored: 3, partnerScored: 3 });
    // Trust has no combined score, so the fewest are the other pillars': everyone.
    expect(fromApp.cycles[0]).toMatchObject({ hostScored: 3, partnerScored: 3, minHostScored: 3, minPartnerScored: 3 });

    await client.statementCycleScore.deleteMany();
    await client.pillarCycleScore.deleteMany();
    await client.partnershipCycleScore.deleteMany();
    for (const name of [
      "20261123040000_cycle_score_aggregates",
      "20261123050000_stored_largest_gap",
      "20261201000000_scored_response_counts",
      "20261201010000_fewest_pillar_responses",
    ]) {
      const migration = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      await pglite.exec(migration.slice(migration.indexOf("-- Backfill")));
    }
    const fromMigration = await snapshot();

    const close = (a: unknown) => JSON.parse(JSON.stringify(a), (_k, v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v));
    expect(close(fromMigration)).toEqual(close(fromApp));
  });
});

// Every statement of the default framework, answered by `value(statementKey)`.
function answersFor(value: (key: string) => number | null) {
  return Object.fromEntries(DEFAULT_FRAMEWORK.flatMap((p) => p.statements.map((s) => [s.key, value(s.key)])));
}
