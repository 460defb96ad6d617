// Loads the stored per-cycle aggregates (see aggregates.ts) of open and closed cycles. Shared by
// the scorecard and the portfolio.
import type { Prisma } from "../db/generated/client";
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

type ScoreRowsWhere = Prisma.PartnershipCycleScoreWhereInput & Prisma.PillarCycleScoreWhereInput;

// The raw aggregate rows matching `where`: one total per partnership and cycle, one row per pillar.
export async function fetchScoreRows(db: TenantDb, where: ScoreRowsWhere) {
  const [totals, pillars] = await Promise.all([
    db.partnershipCycleScore.findMany({
      where,
      select: { partnershipId: true, cycleId: true, health: true, hostResponses: true, partnerResponses: true },
    }),
    db.pillarCycleScore.findMany({
      where,
      select: { partnershipId: true, cycleId: true, pillarKey: true, host: true, partner: true, combined: true },
    }),
  ]);
  return { totals, pillars };
}

// The rows as a table, pillars in each cycle's framework order. Rows of cycles not in `cycles`
// (a draft cannot have any, but a caller may pass a subset) are left out.
export function toScoreTable(cycles: readonly ScoredCycle[], rows: Awaited<ReturnType<typeof fetchScoreRows>>): ScoreTable {
  const pillarsOf = new Map<string, CycleScore["pillars"]>();
  for (const p of rows.pillars) {
    const id = `${p.partnershipId}:${p.cycleId}`;
    const list = pillarsOf.get(id) ?? [];
    pillarsOf.set(id, list);
    list.push({ key: p.pillarKey, host: p.host, partner: p.partner, combined: p.combined });
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
    byCycle.set(t.cycleId, { pillars, health: t.health, responses: { HOST: t.hostResponses, PARTNER: t.partnerResponses } });
  }
  return table;
}

export async function loadCycleScores(
  db: TenantDb,
  cycles: ScoredCycle[],
  partnerships: Prisma.PartnershipWhereInput,
): Promise<ScoreTable> {
  return toScoreTable(cycles, await fetchScoreRows(db, { cycleId: { in: cycles.map((c) => c.id) }, partnership: partnerships }));
}
