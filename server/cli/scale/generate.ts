// The scale generator: a workspace of any size with realistic answers from both sides, for the
// benchmark and for looking at the app with a large program. Structure (workspace, framework,
// cycles and their participants) is made the app's way; the bulk (responses, answers, stored
// scores, aggregates) is written with createMany in batches, one transaction per chunk of
// partnerships, with the aggregates computed in memory by the same pure rules the submit path
// uses. Deterministic for a seed: the same seed gives the same people, partnerships and answers.
import type { Phase, Prisma, PrismaClient, Side, Tier } from "../../db/generated/client";
import { passwordHashFor } from "../../../prisma/factories";
import { aggregateRows, computeCycleAggregates, type AggregateFramework } from "../../services/aggregates";
import { newCycle } from "../../services/cycle-lifecycle";
import { responsePillarScore } from "../../services/scoring";
import { createWorkspace } from "../../services/workspaces";
import { forWorkspace } from "../../db/tenant";
import { COLUMNS, bulkInsert } from "./bulk";
import { silentProgress, type Progress } from "./progress";
import { clamp, idMaker, streamFor, type Random } from "./random";
import { FIRST_NAMES, INDUSTRIES, LAST_NAMES, ORG_FIRST, ORG_SECOND, PROGRAMS, REGIONS, commentFor } from "./vocabulary";

export const SCALE_PASSWORD = "scale-password";
export const SCALE_DEFAULTS = { partnerships: 2000, cycles: 12, seed: 1 };
// Past these a run takes hours and tens of gigabytes; nobody means them.
export const SCALE_LIMITS = { partnerships: 20_000, cycles: 40, seed: 2 ** 31 - 1 };
export const RESPONDENTS = { min: 3, max: 8 };

export const defaultScaleSlug = (partnerships: number, cycles: number) => `scale-${partnerships}x${cycles}`;
// Everyone generated for a workspace has an address under this domain: unique per slug, and
// distinct from the demo's, so --replace can find the people it made.
export const scaleEmailDomain = (slug: string) => `${slug}.scale.test`;

// Kept on the workspace's name until the last row is written, so a run that died halfway is
// recognised (the benchmark regenerates such a workspace; the CLI asks for --replace).
const INCOMPLETE = " (generating)";

export interface ScaleOptions {
  slug: string;
  partnerships: number;
  cycles: number;
  seed: number;
  // Delete an existing workspace of that slug first; without it an existing one is refused.
  replace?: boolean;
  now?: Date;
  progress?: Progress;
}

export interface ScaleSummary {
  workspaceId: string;
  slug: string;
  partnerships: number;
  partnerOrgs: number;
  users: number;
  cycles: number;
  participants: number;
  responses: number;
  answers: number;
  comments: number;
  aggregateRows: number;
  seconds: number;
}

export class ScaleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScaleError";
  }
}

// "foreign": a workspace of that address that this generator did not make (its owner is not the
// generated one), which it never deletes.
export type ScaleState = "missing" | "foreign" | "incomplete" | "complete";

export async function scaleWorkspaceState(db: PrismaClient, slug: string): Promise<ScaleState> {
  const ws = await db.workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!ws) return "missing";
  const owner = await db.member.findFirst({
    where: { workspaceId: ws.id, role: "OWNER", user: { email: `owner@${scaleEmailDomain(slug)}` } },
    select: { id: true },
  });
  if (!owner) return "foreign";
  return ws.name.endsWith(INCOMPLETE) ? "incomplete" : "complete";
}

// Deletes one workspace and everything in it, children first: one statement per table is far
// faster than letting millions of rows cascade one parent at a time. Then the generated people
// who belong to no workspace any more.
export async function deleteScaleWorkspace(db: PrismaClient, slug: string, progress: Progress = silentProgress) {
  if ((await scaleWorkspaceState(db, slug)) === "foreign") {
    throw new ScaleError(`The workspace "${slug}" was not made by the scale generator, so it will not delete it.`);
  }
  const ws = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  const steps: ((where: { workspaceId: string }) => Promise<unknown>)[] = [
    (w) => db.statementCycleScore.deleteMany({ where: w }),
    (w) => db.pillarCycleScore.deleteMany({ where: w }),
    (w) => db.partnershipCycleScore.deleteMany({ where: w }),
    (w) => db.answer.deleteMany({ where: w }),
    (w) => db.responsePillarScore.deleteMany({ where: w }),
    (w) => db.pillarComment.deleteMany({ where: w }),
    (w) => db.response.deleteMany({ where: w }),
    (w) => db.responseDraft.deleteMany({ where: w }),
    (w) => db.cycleParticipant.deleteMany({ where: w }),
    (w) => db.reminderSent.deleteMany({ where: w }),
    (w) => db.reminderMute.deleteMany({ where: w }),
    (w) => db.outboxEmail.deleteMany({ where: w }),
    (w) => db.cycle.deleteMany({ where: w }),
    (w) => db.partnershipTeamMember.deleteMany({ where: w }),
    (w) => db.partnership.deleteMany({ where: w }),
    (w) => db.invitation.deleteMany({ where: w }),
    (w) => db.member.deleteMany({ where: w }),
    (w) => db.partnerOrg.deleteMany({ where: w }),
    (w) => db.statement.deleteMany({ where: w }),
    (w) => db.pillar.deleteMany({ where: w }),
    (w) => db.frameworkVersion.deleteMany({ where: w }),
    (w) => db.workspace.deleteMany({ where: { id: w.workspaceId } }),
  ];
  if (ws) {
    progress.phase(`Deleting workspace ${slug}`, steps.length);
    for (const step of steps) {
      await step({ workspaceId: ws.id });
      progress.advance();
    }
    progress.done();
  }
  const domain = scaleEmailDomain(slug);
  await db.user.deleteMany({
    where: { OR: [{ email: { endsWith: `@${domain}` } }, { email: { endsWith: `.${domain}` } }], memberships: { none: {} } },
  });
}

// PostgreSQL takes at most 65,535 bind parameters per statement.
const MAX_PARAMS = 60_000;

async function createInBatches<T extends object>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

const DAY = 86_400_000;

function quarterBack(now: Date, back: number) {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - back;
  const year = Math.floor(index / 4);
  const q = index % 4;
  return { label: `${year}-Q${q + 1}`, start: new Date(Date.UTC(year, q * 3, 1)) };
}

function weighted<T>(rand: Random, items: readonly { name: T; weight: number }[]): T {
  let r = rand() * items.reduce((s, i) => s + i.weight, 0);
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item.name;
  }
  return items.at(-1)!.name;
}

interface PlannedPartnership {
  id: string;
  index: number;
  orgIndex: number;
  host: string[];
  // First cycle it was surveyed in, and the cycle from which it no longer was (exited).
  start: number;
  end: number;
  phase: Phase;
}

export async function generateScaleWorkspace(db: PrismaClient, options: ScaleOptions): Promise<ScaleSummary> {
  const started = Date.now();
  const { slug, partnerships: N, cycles: M, seed } = options;
  const now = options.now ?? new Date();
  const progress = options.progress ?? silentProgress;
  const domain = scaleEmailDomain(slug);
  const id = idMaker(slug, seed);
  const rand = streamFor(seed, "structure");

  const state = await scaleWorkspaceState(db, slug);
  if (state === "foreign") {
    throw new ScaleError(
      `The workspace "${slug}" was not made by the scale generator, so it will not touch it. Choose another --workspace.`,
    );
  }
  if (state !== "missing" && !options.replace) {
    throw new ScaleError(
      `A workspace with the address "${slug}" already exists${state === "incomplete" ? " (from a run that did not finish)" : ""}. ` +
        `Pass --replace to delete it and generate it again, or choose another --workspace.`,
    );
  }
  // Also clears people left by a run that died before its workspace existed.
  await deleteScaleWorkspace(db, slug, progress);

  // People and organisations.
  progress.phase("People and partnerships", 4);
  const passwordHash = await passwordHashFor(SCALE_PASSWORD);
  const name = `Scale test: ${N.toLocaleString("en-US")} partnerships x ${M} cycles`;
  const ownerUser = await db.user.create({
    data: { id: id("user", "owner"), email: `owner@${domain}`, name: "Olivia Owner", passwordHash },
  });
  const scoped = forWorkspace(db, id("workspace", slug));
  const workspace = await createWorkspace(scoped, { userId: ownerUser.id, name: name + INCOMPLETE, slug });
  const ws = workspace.id;
  await db.workspace.update({ where: { id: ws }, data: { cadence: "QUARTERLY", cycleOpenDay: 15, cycleLengthDays: 21 } });
  progress.advance();

  const users: Prisma.UserCreateManyInput[] = [];
  const members: Prisma.MemberCreateManyInput[] = [];
  // How generously each person rates, whatever they rate: some people are simply harsher.
  const leniency = new Map<string, number>();
  const personName = () => `${rand.pick(FIRST_NAMES)} ${rand.pick(LAST_NAMES)}`;
  const addPerson = (key: string, email: string, role: Prisma.MemberCreateManyInput["role"], partnerOrgId: string | null = null) => {
    const userId = id("user", key);
    const memberId = id("member", key);
    users.push({ id: userId, email, name: personName(), passwordHash });
    members.push({ id: memberId, workspaceId: ws, userId, role, partnerOrgId });
    leniency.set(memberId, rand.normal(0, 5));
    return memberId;
  };
  const numbered = (base: string, i: number) => (i === 0 ? base : `${base}${i + 1}`);
  for (let i = 0; i < 2; i++) addPerson(`admin${i}`, `${numbered("admin", i)}@${domain}`, "ADMIN");
  for (let i = 0; i < 3; i++) addPerson(`exec${i}`, `${numbered("exec", i)}@${domain}`, "EXECUTIVE");
  const managers = Array.from({ length: Math.max(1, Math.ceil(N / 15)) }, (_, i) =>
    addPerson(`manager${i}`, `${numbered("manager", i)}@${domain}`, "MANAGER"),
  );
  const colleagues = Array.from({ length: Math.max(RESPONDENTS.max, Math.ceil(N * 0.4)) }, (_, i) =>
    addPerson(`colleague${i}`, `colleague${i + 1}@${domain}`, "MANAGER"),
  );

  // Most organisations have one partnership; one in ten partnerships is a second one with an
  // organisation that already has one (a different kind of partnership).
  const orgCount = Math.max(1, N - Math.floor(N * 0.1));
  const combos = ORG_FIRST.length * ORG_SECOND.length;
  const nameOrder = rand.sample(
    Array.from({ length: combos }, (_, i) => i),
    combos,
  );
  const orgs: Prisma.PartnerOrgCreateManyInput[] = [];
  const contactsOf: string[][] = [];
  for (let i = 0; i < orgCount; i++) {
    const combo = nameOrder[i % combos]!;
    const base = `${ORG_FIRST[combo % ORG_FIRST.length]} ${ORG_SECOND[Math.floor(combo / ORG_FIRST.length)]}`;
    const orgName = i < combos ? base : `${base} ${Math.floor(i / combos) + 1}`;
    const orgId = id("org", i);
    orgs.push({
      id: orgId,
      workspaceId: ws,
      name: orgName,
      website: `https://${orgName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`,
      region: weighted(rand, REGIONS),
      industry: rand.pick(INDUSTRIES),
    });
    const contacts = rand.int(RESPONDENTS.min, RESPONDENTS.max);
    contactsOf.push(
      Array.from({ length: contacts }, (_, c) =>
        addPerson(`org${i}-contact${c}`, `contact${c + 1}@org${i + 1}.${domain}`, "PARTNER", orgId),
      ),
    );
  }

  const partnershipRows: Prisma.PartnershipCreateManyInput[] = [];
  const teamRows: Prisma.PartnershipTeamMemberCreateManyInput[] = [];
  const planned: PlannedPartnership[] = [];
  const programsOf = new Map<number, string[]>();
  const cycleStart = (k: number) => quarterBack(now, M - 1 - k).start;
  for (let i = 0; i < N; i++) {
    let orgIndex = i < orgCount ? i : rand.int(0, orgCount - 1);
    while ((programsOf.get(orgIndex)?.length ?? 0) >= PROGRAMS.length) orgIndex = (orgIndex + 1) % orgCount;
    const used = programsOf.get(orgIndex) ?? [];
    const program = rand.pick(PROGRAMS.filter((p) => !used.includes(p)));
    programsOf.set(orgIndex, [...used, program]);

    const tier: Tier = weighted(rand, [
      { name: "STRATEGIC", weight: 0.12 },
      { name: "CORE", weight: 0.5 },
      { name: "EMERGING", weight: 0.38 },
    ]);
    // Phase and lifespan go together: young partnerships joined the surveys late, exited ones
    // stopped being asked when they exited.
    let phase: Phase = "ACTIVE";
    let start = rand.chance(0.8) || M < 3 ? 0 : rand.int(1, M - 2);
    let end = M;
    const roll = rand();
    if (roll < 0.04 && M >= 2) {
      phase = "EXITED";
      start = 0;
      end = rand.int(1, M - 1);
    } else if (roll < 0.07) {
      phase = "EXPLORING";
      start = M - 1;
    } else if (roll < 0.15) {
      phase = "ONBOARDING";
      start = Math.max(0, M - rand.int(1, 3));
    } else if (roll < 0.25) phase = "RENEWAL_REVIEW";
    else if (roll < 0.32) phase = "RENEWED";

    const owner = rand.pick(managers);
    const team = rand.sample(colleagues, rand.int(RESPONDENTS.min, RESPONDENTS.max) - 1);
    const partnershipId = id("partnership", i);
    const months = phase === "RENEWAL_REVIEW" ? rand.int(0, 3) : rand.int(3, 24);
    partnershipRows.push({
      id: partnershipId,
      workspaceId: ws,
      partnerOrgId: orgs[orgIndex]!.id!,
      name: `${orgs[orgIndex]!.name} ${program}`,
      ownerMemberId: owner,
      tier,
      // Exited ones are marked so once their cycles exist (the app asks nobody about an exited
      // partnership, and it was still running then).
      phase: phase === "EXITED" ? "ACTIVE" : phase,
      renewalDate: phase === "EXITED" ? null : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, rand.int(1, 28))),
      createdAt: new Date(cycleStart(start).getTime() - rand.int(10, 80) * DAY),
    });
    for (const memberId of team) teamRows.push({ workspaceId: ws, partnershipId, memberId });
    planned.push({ id: partnershipId, index: i, orgIndex, host: [owner, ...team], start, end, phase });
  }

  await createInBatches(users, (data) => db.user.createMany({ data }));
  await createInBatches(orgs, (data) => db.partnerOrg.createMany({ data }));
  progress.advance();
  await createInBatches(members, (data) => db.member.createMany({ data }));
  progress.advance();
  await createInBatches(partnershipRows, (data) => db.partnership.createMany({ data }));
  await createInBatches(teamRows, (data) => db.partnershipTeamMember.createMany({ data }));
  progress.advance();

  // Quarters ending with the current one, made the app's way (with their default participants):
  // the past ones closed on the workspace's schedule, the current one open for ten days now.
  progress.phase("Cycles and participants", M + 1);
  const cycles = [];
  for (let k = 0; k < M; k++) {
    const { label, start } = quarterBack(now, M - 1 - k);
    const open = k === M - 1;
    const opensAt = open ? new Date(now.getTime() - 10 * DAY) : new Date(start.getTime() + 14 * DAY);
    const closesAt = new Date(opensAt.getTime() + 21 * DAY);
    const cycle = await newCycle(scoped, {
      id: id("cycle", k),
      label,
      opensAt,
      closesAt,
      status: open ? "OPEN" : "CLOSED",
      openedAt: opensAt,
      closedAt: open ? null : closesAt,
      createdAt: new Date(opensAt.getTime() - 7 * DAY),
    });
    if (!cycle) throw new Error("The new workspace has no framework version.");
    cycles.push(cycle);
    progress.advance();
  }
  // Nobody was asked about a partnership before it began or after it ended.
  for (const [k, cycle] of cycles.entries()) {
    const outside = planned.filter((p) => k < p.start || k >= p.end).map((p) => p.id);
    for (let i = 0; i < outside.length; i += 10_000) {
      await db.cycleParticipant.deleteMany({
        where: { workspaceId: ws, cycleId: cycle.id, partnershipId: { in: outside.slice(i, i + 10_000) } },
      });
    }
  }
  const exited = planned.filter((p) => p.phase === "EXITED").map((p) => p.id);
  if (exited.length) await db.partnership.updateMany({ where: { workspaceId: ws, id: { in: exited } }, data: { phase: "EXITED" } });
  const participants = await db.cycleParticipant.count({ where: { workspaceId: ws } });
  progress.advance();

  const pillars: (AggregateFramework & { statements: { id: string }[] })[] = await db.pillar.findMany({
    where: { workspaceId: ws, versionId: cycles[0]!.frameworkVersionId },
    orderBy: { position: "asc" },
    select: { id: true, key: true, weight: true, statements: { orderBy: { position: "asc" }, select: { id: true } } },
  });

  // Responses, chunk by chunk: each chunk of partnerships (all their cycles) is one transaction.
  // The next chunk is built while the database writes the previous one.
  const totals = { responses: 0, answers: 0, comments: 0, aggregateRows: 0 };
  const perChunk = Math.max(1, Math.floor(6000 / (M * 9)));
  const write = (rows: ReturnType<typeof buildResponses>) =>
    db.$transaction(
      async (tx) => {
        await bulkInsert(tx, "Response", COLUMNS.Response, rows.responses);
        await bulkInsert(tx, "Answer", COLUMNS.Answer, rows.answers);
        await bulkInsert(tx, "ResponsePillarScore", COLUMNS.ResponsePillarScore, rows.scores);
        await bulkInsert(tx, "PillarComment", COLUMNS.PillarComment, rows.comments);
        await bulkInsert(tx, "PartnershipCycleScore", COLUMNS.PartnershipCycleScore, rows.cycleScores);
        await bulkInsert(tx, "PillarCycleScore", COLUMNS.PillarCycleScore, rows.pillarScores);
        await bulkInsert(tx, "StatementCycleScore", COLUMNS.StatementCycleScore, rows.statementScores);
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
  progress.phase("Responses", N);
  let writing: Promise<void> | null = null;
  for (let from = 0; from < N; from += perChunk) {
    const chunk = planned.slice(from, from + perChunk);
    const rows = buildResponses(chunk, {
      workspaceId: ws,
      seed,
      cycles,
      pillars,
      contactsOf,
      leniency,
      now,
      responseId: (p, k, m) => id("response", `${p}:${k}:${m}`),
    });
    totals.responses += rows.responses.length;
    totals.answers += rows.answers.length;
    totals.comments += rows.comments.length;
    totals.aggregateRows += rows.cycleScores.length + rows.pillarScores.length + rows.statementScores.length;
    await writing;
    writing = write(rows).then(() => progress.advance(chunk.length));
  }
  await writing;
  progress.done();

  // Fresh planner statistics, so the first queries after a bulk load do not plan for empty tables.
  progress.phase("Analyzing tables", 1);
  await db.$executeRawUnsafe("ANALYZE");
  progress.done();

  await db.workspace.update({ where: { id: ws }, data: { name } });
  return {
    workspaceId: ws,
    slug,
    partnerships: N,
    partnerOrgs: orgCount,
    users: users.length + 1,
    cycles: M,
    participants,
    ...totals,
    seconds: (Date.now() - started) / 1000,
  };
}

interface BuildContext {
  workspaceId: string;
  seed: number;
  cycles: { id: string; opensAt: Date; closesAt: Date; status: string }[];
  pillars: (AggregateFramework & { statements: { id: string }[] })[];
  contactsOf: string[][];
  leniency: Map<string, number>;
  now: Date;
  responseId: (partnershipIndex: number, cycleIndex: number, memberId: string) => string;
}

// Each partnership has a latent health that drifts from cycle to cycle, its own strong and weak
// pillars and statements, and for some a host side that sees things quite differently from the
// partner (the perception gaps the scorecard flags). People answer that, blurred by their own
// leniency and some noise; a few say "Don't know"; some leave a comment.
function buildResponses(chunk: PlannedPartnership[], ctx: BuildContext) {
  const { workspaceId, cycles, pillars } = ctx;
  const responses: Prisma.ResponseCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const scores: Prisma.ResponsePillarScoreCreateManyInput[] = [];
  const comments: Prisma.PillarCommentCreateManyInput[] = [];
  const cycleScores: Prisma.PartnershipCycleScoreCreateManyInput[] = [];
  const pillarScores: Prisma.PillarCycleScoreCreateManyInput[] = [];
  const statementScores: Prisma.StatementCycleScoreCreateManyInput[] = [];

  for (const p of chunk) {
    // Its own stream, so a partnership's answers do not depend on how the run was chunked.
    const r = streamFor(ctx.seed, `partnership:${p.index}`);
    const slope = r.normal(0, 1.2);
    const pillarOffset = pillars.map(() => r.normal(0, 6));
    const statementOffset = pillars.map((pl) => pl.statements.map(() => r.normal(0, 4)));
    const gapped = r.chance(0.2);
    // How much higher the host side rates each pillar than the partner does.
    const bias = pillars.map(() => (gapped && r.chance(0.6) ? r.normal(26, 7) * (r.chance(0.8) ? 1 : -1) : r.normal(0, 3)));
    let health = clamp(r.normal(68, 12), 25, 95);
    const sides: [Side, string[]][] = [
      ["HOST", p.host],
      ["PARTNER", ctx.contactsOf[p.orgIndex]!],
    ];

    for (const [k, cycle] of cycles.entries()) {
      health = clamp(health + slope + r.normal(0, 3), 12, 97);
      if (k < p.start || k >= p.end) continue;
      const open = cycle.status === "OPEN";
      const windowEnd = open ? Math.min(ctx.now.getTime(), cycle.closesAt.getTime()) : cycle.closesAt.getTime();
      const aggregateInput: { side: Side; answers: Map<string, number | null> }[] = [];
      for (const [side, people] of sides) {
        // Closed cycles: 60-100% answered; the open one is still filling up.
        const rate = open ? 0.15 + 0.5 * r() : 0.6 + 0.4 * r();
        for (const memberId of people) {
          if (!r.chance(rate)) continue;
          const responseId = ctx.responseId(p.index, k, memberId);
          const submittedAt = new Date(cycle.opensAt.getTime() + r() * (windowEnd - cycle.opensAt.getTime()));
          responses.push({
            id: responseId,
            workspaceId,
            cycleId: cycle.id,
            partnershipId: p.id,
            memberId,
            side,
            submittedAt,
            updatedAt: submittedAt,
          });
          const given = new Map<string, number | null>();
          const lean = ctx.leniency.get(memberId) ?? 0;
          for (const [pi, pillar] of pillars.entries()) {
            const sideBias = side === "HOST" ? bias[pi]! / 2 : -bias[pi]! / 2;
            const values = pillar.statements.map((s, si) => {
              const value = r.chance(side === "PARTNER" ? 0.05 : 0.03)
                ? null
                : clamp(
                    Math.round(1 + (health + pillarOffset[pi]! + statementOffset[pi]![si]! + sideBias + lean + r.normal(0, 9)) / 25),
                    1,
                    5,
                  );
              given.set(s.id, value);
              answers.push({ workspaceId, responseId, statementId: s.id, value });
              return value;
            });
            const score = responsePillarScore(values);
            scores.push({ workspaceId, responseId, pillarId: pillar.id, score });
            if (score !== null && r.chance(0.06)) {
              comments.push({ workspaceId, responseId, pillarId: pillar.id, text: commentFor(pillar.key, score, r) });
            }
          }
          aggregateInput.push({ side, answers: given });
        }
      }
      if (aggregateInput.length === 0) continue;
      const rows = aggregateRows({ workspaceId, partnershipId: p.id, cycleId: cycle.id }, computeCycleAggregates(pillars, aggregateInput));
      cycleScores.push({ ...rows.cycle, updatedAt: ctx.now });
      pillarScores.push(...rows.pillars);
      statementScores.push(...rows.statements);
    }
  }
  return { responses, answers, scores, comments, cycleScores, pillarScores, statementScores };
}
