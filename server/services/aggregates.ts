// The stored aggregates of one partnership in one cycle (PartnershipCycleScore, PillarCycleScore,
// StatementCycleScore), computed from its submitted answers by the pure rules in scoring.ts.
// Every view reads these rows; nothing recomputes from raw answers on a page view.
import type { Side } from "../db/generated/client";
import { WORKSPACE, type TenantClient } from "../db/tenant";
import type { StoredPillar } from "./cycle-scores";
import { largestGap, responsePillarScore, scoreCycle, statementScore } from "./scoring";

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
  pillars: (Omit<StoredPillar, "partnershipId" | "cycleId"> & { pillarId: string })[];
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

// One partnership's cycle, in the workspace of the client at hand.
export interface AggregateKey {
  partnershipId: string;
  cycleId: string;
}

// Rows for bulk writes (the scale generator writes many cycles at once), and for the one rewrite
// below.
export function aggregateRows(key: AggregateKey & { workspaceId: string }, agg: CycleAggregates) {
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
export async function lockCycleAggregates(tx: TenantClient, key: AggregateKey) {
  await tx.$executeScoped`
    SELECT pg_advisory_xact_lock(hashtextextended('cycle-aggregates:' || ${WORKSPACE}::text || ':' || ${key.partnershipId}::text || ':' || ${key.cycleId}::text, 0))`;
}

async function replaceAggregates(c: TenantClient, key: AggregateKey, agg: CycleAggregates) {
  const rows = aggregateRows({ ...key, workspaceId: c.$workspaceId }, agg);
  const where = { partnershipId: key.partnershipId, cycleId: key.cycleId };
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
export async function refreshCycleAggregates(db: TenantClient, key: AggregateKey, framework?: readonly AggregateFramework[]) {
  const pillars = framework ?? (await cycleFramework(db, key));
  const responses = await db.response.findMany({
    where: { partnershipId: key.partnershipId, cycleId: key.cycleId },
    select: { side: true, answers: { select: { statementId: true, value: true } } },
  });
  const agg = computeCycleAggregates(
    pillars,
    responses.map((r) => ({ side: r.side, answers: new Map(r.answers.map((a) => [a.statementId, a.value])) })),
  );
  await replaceAggregates(db, key, agg);
  return agg;
}

async function cycleFramework(c: TenantClient, key: AggregateKey) {
  const cycle = await c.cycle.findFirstOrThrow({ where: { id: key.cycleId }, select: { frameworkVersionId: true } });
  return c.pillar.findMany({
    where: { versionId: cycle.frameworkVersionId },
    orderBy: { position: "asc" },
    select: { id: true, key: true, weight: true, statements: { orderBy: { position: "asc" }, select: { id: true } } },
  });
}
