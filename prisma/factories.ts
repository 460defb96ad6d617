// Data factories shared by the demo seed and the tests. Every name and email gets a unique
// suffix unless given, so tests can run in parallel against one database without colliding
// (each test builds its own workspace).
import { randomUUID } from "node:crypto";
import type { CycleStatus, PrismaClient, Role, Side, Tier, Phase } from "../server/db/generated/client";
import { forWorkspace, type TenantClient } from "../server/db/tenant";
import { hashPassword } from "../server/password";
import { refreshCycleAggregates } from "../server/services/aggregates";
import { newCycle } from "../server/services/cycle-lifecycle";
import { responsePillarScore } from "../server/services/scoring";
import { createWorkspace, newWorkspaceDb } from "../server/services/workspaces";

// Factories work on the plain client (tests) or inside one workspace's scoped transaction (the
// demo seed runs in one).
export type Db = PrismaClient | TenantClient;

const isScoped = (db: Db): db is TenantClient => "$workspaceId" in db;

// The workspace's own client for the services a factory calls, as the app would use it.
export function scopedTo(db: Db, workspaceId: string): TenantClient {
  if (!isScoped(db)) return forWorkspace(db, workspaceId);
  if (db.$workspaceId !== workspaceId) throw new Error("This transaction belongs to another workspace.");
  return db;
}

export const TEST_PASSWORD = "correct-horse-battery";

const hashes = new Map<string, Promise<string>>();
// Hashing is deliberately slow; hash each distinct password once per process.
export const passwordHashFor = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createUser(db: Db, opts: { email?: string; name?: string; password?: string } = {}) {
  return db.user.create({
    data: {
      email: opts.email ?? `${unique("user")}@example.test`,
      name: opts.name ?? "Test Person",
      passwordHash: await passwordHashFor(opts.password ?? TEST_PASSWORD),
    },
  });
}

export async function createWorkspaceWithOwner(
  db: Db,
  opts: { name?: string; slug?: string; owner?: { email?: string; name?: string; password?: string } } = {},
) {
  const user = await createUser(db, opts.owner);
  const workspace = await createWorkspace(isScoped(db) ? db : newWorkspaceDb(db), {
    userId: user.id,
    name: opts.name ?? "Test Workspace",
    slug: opts.slug ?? unique("ws").toLowerCase(),
  });
  const member = await db.member.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } });
  return { workspace, user, member };
}

export async function addMember(
  db: Db,
  workspaceId: string,
  opts: { role: Role; partnerOrgId?: string; user?: { email?: string; name?: string; password?: string }; since?: Date },
) {
  const user = await createUser(db, opts.user);
  const member = await db.member.create({
    data: { workspaceId, userId: user.id, role: opts.role, partnerOrgId: opts.partnerOrgId ?? null, createdAt: opts.since },
  });
  return { user, member };
}

export async function createPartnerOrg(
  db: Db,
  workspaceId: string,
  opts: { name?: string; region?: string; industry?: string; website?: string } = {},
) {
  return db.partnerOrg.create({
    data: { workspaceId, name: opts.name ?? unique("Partner"), region: opts.region, industry: opts.industry, website: opts.website },
  });
}

export async function createPartnership(
  db: Db,
  workspaceId: string,
  opts: {
    partnerOrgId: string;
    ownerMemberId?: string | null;
    name?: string;
    tier?: Tier;
    phase?: Phase;
    renewalDate?: Date | null;
    teamMemberIds?: string[];
  },
) {
  const partnership = await db.partnership.create({
    data: {
      workspaceId,
      partnerOrgId: opts.partnerOrgId,
      ownerMemberId: opts.ownerMemberId ?? null,
      name: opts.name ?? unique("Partnership"),
      tier: opts.tier ?? "CORE",
      phase: opts.phase ?? "ACTIVE",
      renewalDate: opts.renewalDate ?? null,
    },
  });
  if (opts.teamMemberIds?.length) {
    await db.partnershipTeamMember.createMany({
      data: opts.teamMemberIds.map((memberId) => ({ workspaceId, partnershipId: partnership.id, memberId })),
    });
  }
  return partnership;
}

export async function createCycle(
  db: Db,
  workspaceId: string,
  opts: { label?: string; opensAt?: Date; closesAt?: Date; status?: CycleStatus } = {},
) {
  const opensAt = opts.opensAt ?? new Date(Date.now() - 7 * 86_400_000);
  const closesAt = opts.closesAt ?? new Date(opensAt.getTime() + 21 * 86_400_000);
  const status = opts.status ?? "OPEN";
  // As the app makes them: the people asked are the defaults at the time the cycle is made.
  const cycle = await newCycle(scopedTo(db, workspaceId), {
    label: opts.label ?? unique("Cycle"),
    opensAt,
    closesAt,
    status,
    openedAt: status === "DRAFT" ? null : opensAt,
    closedAt: status === "CLOSED" ? closesAt : null,
  });
  if (!cycle) throw new Error("The workspace has no framework version to run a cycle with.");
  return cycle;
}

// The framework a cycle runs with, in survey order: pillars with their statements.
export async function cycleFramework(db: Db, cycleId: string) {
  const cycle = await db.cycle.findFirstOrThrow({ where: { id: cycleId } });
  return db.pillar.findMany({
    where: { workspaceId: cycle.workspaceId, versionId: cycle.frameworkVersionId },
    orderBy: { position: "asc" },
    include: { statements: { orderBy: { position: "asc" } } },
  });
}

type Framework = Awaited<ReturnType<typeof cycleFramework>>;

export interface ResponseSpec {
  cycleId: string;
  partnershipId: string;
  memberId: string;
  side: Side;
  // Answer per statement key (1-5, or null for "Don't know"); or one value for every statement.
  answers: Record<string, number | null> | number | null;
  comments?: Record<string, string>; // by pillar key
  submittedAt?: Date;
}

// Writes submitted responses in bulk with their stored pillar scores, computed by the same
// scoring function the submit path uses.
export async function createResponses(db: Db, workspaceId: string, specs: ResponseSpec[], framework?: Framework) {
  const frameworks = new Map<string, Framework>();
  const rows = [];
  const answers: { workspaceId: string; responseId: string; statementId: string; value: number | null }[] = [];
  const scores = [];
  const comments = [];
  for (const spec of specs) {
    const pillars = framework ?? frameworks.get(spec.cycleId) ?? (await cycleFramework(db, spec.cycleId));
    frameworks.set(spec.cycleId, pillars);
    const id = randomUUID();
    rows.push({
      id,
      workspaceId,
      cycleId: spec.cycleId,
      partnershipId: spec.partnershipId,
      memberId: spec.memberId,
      side: spec.side,
      submittedAt: spec.submittedAt ?? new Date(),
    });
    for (const pillar of pillars) {
      const values = pillar.statements.map((s) => {
        const value = typeof spec.answers === "object" && spec.answers !== null ? spec.answers[s.key] : spec.answers;
        if (value === undefined) throw new Error(`No answer for ${s.key}`);
        answers.push({ workspaceId, responseId: id, statementId: s.id, value });
        return value;
      });
      scores.push({ workspaceId, responseId: id, pillarId: pillar.id, score: responsePillarScore(values) });
      const text = spec.comments?.[pillar.key];
      if (text) comments.push({ workspaceId, responseId: id, pillarId: pillar.id, text });
    }
  }
  await db.response.createMany({ data: rows });
  await db.answer.createMany({ data: answers });
  await db.responsePillarScore.createMany({ data: scores });
  if (comments.length) await db.pillarComment.createMany({ data: comments });
  const touched = new Map(rows.map((r) => [`${r.partnershipId}:${r.cycleId}`, { partnershipId: r.partnershipId, cycleId: r.cycleId }]));
  for (const key of touched.values()) await refreshCycleAggregates(scopedTo(db, workspaceId), key);
  return rows.map((r) => r.id);
}
