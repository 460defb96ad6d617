// Loads the stored per-response pillar scores and turns them into per-cycle partnership scores
// through the pure rules in scoring.ts. Shared by the scorecard and the portfolio.
import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { scoreCycle, type CycleScore, type PillarDef, type ResponseScores } from "./scoring";

export interface ScoredCycle {
  id: string;
  label: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  opensAt: Date;
  closesAt: Date;
  pillars: (PillarDef & { id: string })[];
}

// Cycles that can carry scores (open or closed), oldest first, with their framework's pillars.
export async function loadScoredCycles(db: TenantDb): Promise<ScoredCycle[]> {
  const cycles = await db.cycle.findMany({
    where: { status: { in: ["OPEN", "CLOSED"] } },
    orderBy: { opensAt: "asc" },
    include: {
      frameworkVersion: {
        select: { pillars: { orderBy: { position: "asc" }, select: { id: true, key: true, name: true, weight: true } } },
      },
    },
  });
  return cycles.map(({ frameworkVersion, ...c }) => ({ ...c, pillars: frameworkVersion.pillars }));
}

// partnershipId -> cycleId -> score.
export type ScoreTable = Map<string, Map<string, CycleScore>>;

export async function loadCycleScores(
  db: TenantDb,
  cycles: ScoredCycle[],
  partnerships: Prisma.PartnershipWhereInput,
): Promise<ScoreTable> {
  const keyOf = new Map(cycles.flatMap((c) => c.pillars.map((p) => [p.id, p.key] as const)));
  const responses = await db.response.findMany({
    where: { cycleId: { in: cycles.map((c) => c.id) }, partnership: partnerships },
    select: { partnershipId: true, cycleId: true, side: true, pillarScores: { select: { pillarId: true, score: true } } },
  });

  const grouped = new Map<string, Map<string, ResponseScores[]>>();
  for (const r of responses) {
    const byCycle = grouped.get(r.partnershipId) ?? new Map<string, ResponseScores[]>();
    grouped.set(r.partnershipId, byCycle);
    const list = byCycle.get(r.cycleId) ?? [];
    byCycle.set(r.cycleId, list);
    const scores: Record<string, number | null> = {};
    for (const s of r.pillarScores) scores[keyOf.get(s.pillarId) ?? s.pillarId] = s.score;
    list.push({ side: r.side, scores });
  }

  const table: ScoreTable = new Map();
  for (const [partnershipId, byCycle] of grouped) {
    const scored = new Map<string, CycleScore>();
    for (const cycle of cycles) {
      const list = byCycle.get(cycle.id);
      if (list) scored.set(cycle.id, scoreCycle(cycle.pillars, list));
    }
    table.set(partnershipId, scored);
  }
  return table;
}
