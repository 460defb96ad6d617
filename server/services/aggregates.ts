// The stored aggregates of one partnership in one cycle (PartnershipCycleScore, PillarCycleScore,
// StatementCycleScore), computed from its submitted answers by the pure rules in scoring.ts.
// Every view reads these rows; nothing recomputes from raw answers on a page view.
import type { Prisma, PrismaClient, Side } from "../db/generated/client";
import type { TenantDb, TenantTx } from "../db/tenant";
import { largestGap, responsePillarScore, scoreCycle, statementScore } from "./scoring";

// Also used by the factories and the scale generator with a plain client, so the workspace is
// named explicitly in every query.
type AnyDb = PrismaClient | Prisma.TransactionClient | TenantDb | TenantTx;

export interface AggregateFramework {
  id: string;
  key: string;
  weight: number;
  statements: { id: string }[];
}

export interface AggregateResponse {
  side: Side;
  // statementId -> 1-5, or null for "Don't know".
  answers: ReadonlyMap<string, number | null>;
}

export interface CycleAggregates {
  health: number | null;
  hostResponses: number;
  partnerResponses: number;
  hostScored: number;
  partnerScored: number;
  // The fewest responses of each side behind any pillar with a combined score; 0 when none has one.
  minHostScored: number;
  minPartnerScored: number;
  gap: number | null;
  gapPillarKey: string | null;
  gapHigher: Side | null;
  pillars: {
    pillarId: string;
    pillarKey: string;
    host: number | null;
    partner: number | null;
    combined: number | null;
    hostScored: number;
    partnerScored: number;
  }[];
  statements: { statementId: string; side: Side; score: number | null; answered: number; dontKnow: number }[];
}

// Pure: the aggregates of one partnership's cycle from its responses and the cycle's framework.
export function computeCycleAggregates(pillars: readonly AggregateFramework[], responses: readonly AggregateResponse[]): CycleAggregates {
  const scored = responses.map((r) => ({
    side: r.side,
    scores: Object.fromEntries(pillars.map((p) => [p.key, responsePillarScore(p.statements.map((s) => r.answers.get(s.id) ?? null))])),
  }));
  const cycle = scoreCycle(pillars, scored);
  const statements: CycleAggregates["statements"] = [];
  for (const side of ["HOST", "PARTNER"] as const) {
    const ofSide = responses.filter((r) => r.side === side);
    if (ofSide.length === 0) continue;
    for (const p of pillars) {
      for (const s of p.statements) {
        const values = ofSide.flatMap((r) => (r.answers.has(s.id) ? [r.answers.get(s.id)!] : []));
        statements.push({ statementId: s.id, side, ...statementScore(values) });
      }
    }
  }
  const gap = largestGap(cycle.pillars);
  const scoredPillars = cycle.pillars.filter((p) => p.combined !== null);
  const fewest = (side: "HOST" | "PARTNER") => (scoredPillars.length ? Math.min(...scoredPillars.map((p) => p.scored[side])) : 0);
  return {
    health: cycle.health,
    hostResponses: cycle.responses.HOST,
    partnerResponses: cycle.responses.PARTNER,
    hostScored: cycle.scored.HOST,
    partnerScored: cycle.scored.PARTNER,
    minHostScored: fewest("HOST"),
    minPartnerScored: fewest("PARTNER"),
    gap: gap?.gap ?? null,
    gapPillarKey: gap?.key ?? null,
    gapHigher: gap?.higher ?? null,
    pillars: cycle.pillars.map((s, i) => ({
      pillarId: pillars[i]!.id,
      pillarKey: s.key,
      host: s.host,
      partner: s.partner,
      combined: s.combined,
      hostScored: s.scored.HOST,
      partnerScored: s.scored.PARTNER,
    })),
    statements,
  };
}

export interface AggregateKey {
  workspaceId: string;
  partnershipId: string;
  cycleId: string;
}

// Rows for bulk writes (the factories and the scale generator write many cycles at once).
export function aggregateRows(key: AggregateKey, agg: CycleAggregates) {
  return {
    cycle: {
      ...key,
      health: agg.health,
      hostResponses: agg.hostResponses,
      partnerResponses: agg.partnerResponses,
      hostScored: agg.hostScored,
      partnerScored: agg.partnerScored,
      minHostScored: agg.minHostScored,
      minPartnerScored: agg.minPartnerScored,
      gap: agg.gap,
      gapPillarKey: agg.gapPillarKey,
      gapHigher: agg.gapHigher,
    },
    pillars: agg.pillars.map((p) => ({ ...key, ...p })),
    statements: agg.statements.map((s) => ({ ...key, ...s })),
  };
}

// Serialises every writer of one partnership's cycle until the transaction ends. Two people
// submitting at once would otherwise each recompute without the other's uncommitted response
// and the later write would drop one of them from the figures.
export async function lockCycleAggregates(tx: AnyDb, key: AggregateKey) {
  const name = `cycle-aggregates:${key.workspaceId}:${key.partnershipId}:${key.cycleId}`;
  await (tx as Prisma.TransactionClient).$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
}

async function replaceAggregates(db: AnyDb, key: AggregateKey, agg: CycleAggregates) {
  const rows = aggregateRows(key, agg);
  const where = { workspaceId: key.workspaceId, partnershipId: key.partnershipId, cycleId: key.cycleId };
  const c = db as Prisma.TransactionClient;
  await c.statementCycleScore.deleteMany({ where });
  await c.pillarCycleScore.deleteMany({ where });
  await c.partnershipCycleScore.deleteMany({ where });
  if (agg.hostResponses + agg.partnerResponses === 0) return;
  await c.partnershipCycleScore.create({ data: rows.cycle });
  await c.pillarCycleScore.createMany({ data: rows.pillars });
  if (rows.statements.length) await c.statementCycleScore.createMany({ data: rows.statements });
}

// Recomputes one partnership's cycle from its stored answers. Call inside the transaction that
// changed them, after lockCycleAggregates. The submit path passes the cycle's framework it has
// already loaded, which saves the round trips on the path people wait for.
export async function refreshCycleAggregates(db: AnyDb, key: AggregateKey, framework?: readonly AggregateFramework[]) {
  const c = db as Prisma.TransactionClient;
  const pillars = framework ?? (await cycleFramework(c, key));
  const responses = await c.response.findMany({
    where: { workspaceId: key.workspaceId, partnershipId: key.partnershipId, cycleId: key.cycleId },
    select: { side: true, answers: { select: { statementId: true, value: true } } },
  });
  const agg = computeCycleAggregates(
    pillars,
    responses.map((r) => ({ side: r.side, answers: new Map(r.answers.map((a) => [a.statementId, a.value])) })),
  );
  await replaceAggregates(db, key, agg);
  return agg;
}

async function cycleFramework(c: Prisma.TransactionClient, key: AggregateKey) {
  const cycle = await c.cycle.findFirstOrThrow({
    where: { id: key.cycleId, workspaceId: key.workspaceId },
    select: { frameworkVersionId: true },
  });
  return c.pillar.findMany({
    where: { workspaceId: key.workspaceId, versionId: cycle.frameworkVersionId },
    orderBy: { position: "asc" },
    select: { id: true, key: true, weight: true, statements: { orderBy: { position: "asc" }, select: { id: true } } },
  });
}
