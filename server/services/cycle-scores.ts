// The workspace's scored cycles (open and closed) with their framework's pillars, and the stored
// per-cycle aggregates (see aggregates.ts) shaped as a table. Shared by the scorecard and the portfolio.
import type { TenantDb } from "../db/tenant";
import type { CycleScore, PillarDef } from "./scoring";

export interface ScoredCycle {
  id: string;
  label: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  opensAt: Date;
  closesAt: Date;
  frameworkVersionId: string;
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

// A stored total of one partnership in one cycle (PartnershipCycleScore), as the readers of
// scores use it: the health index and, per side, the responses and those that scored something.
export interface StoredTotal {
  partnershipId: string;
  cycleId: string;
  health: number | null;
  hostResponses: number;
  partnerResponses: number;
  hostScored: number;
  partnerScored: number;
}

// A stored pillar score of one partnership in one cycle (PillarCycleScore).
export interface StoredPillar {
  partnershipId: string;
  cycleId: string;
  pillarKey: string;
  host: number | null;
  partner: number | null;
  combined: number | null;
  hostScored: number;
  partnerScored: number;
}

// The stored aggregate rows of some partnerships: one total per partnership and cycle, one row
// per pillar.
export interface ScoreRows {
  totals: StoredTotal[];
  pillars: StoredPillar[];
}

// The rows as a table, pillars in each cycle's framework order. Rows of cycles not in `cycles`
// (a draft cannot have any, but a caller may pass a subset) are left out.
export function toScoreTable(cycles: readonly ScoredCycle[], rows: ScoreRows): ScoreTable {
  const pillarsOf = new Map<string, CycleScore["pillars"]>();
  for (const p of rows.pillars) {
    const id = `${p.partnershipId}:${p.cycleId}`;
    const list = pillarsOf.get(id) ?? [];
    pillarsOf.set(id, list);
    list.push({
      key: p.pillarKey,
      host: p.host,
      partner: p.partner,
      combined: p.combined,
      scored: { HOST: p.hostScored, PARTNER: p.partnerScored },
    });
  }
  const order = new Map(cycles.map((c) => [c.id, new Map(c.pillars.map((p, i) => [p.key, i]))]));

  const table: ScoreTable = new Map();
  for (const t of rows.totals) {
    const position = order.get(t.cycleId);
    if (!position) continue;
    const byCycle = table.get(t.partnershipId) ?? new Map<string, CycleScore>();
    table.set(t.partnershipId, byCycle);
    const pillars = (pillarsOf.get(`${t.partnershipId}:${t.cycleId}`) ?? []).sort(
      (a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0),
    );
    byCycle.set(t.cycleId, {
      pillars,
      health: t.health,
      responses: { HOST: t.hostResponses, PARTNER: t.partnerResponses },
      scored: { HOST: t.hostScored, PARTNER: t.partnerScored },
    });
  }
  return table;
}
