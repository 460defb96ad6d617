// The portfolio's reads. Each one is narrow on purpose: at 2,000 partnerships x 12 cycles the
// portfolio reads one small row per partnership and cycle, and pillar rows only for the cycles
// it shows, never the whole pillar table.
import type { Prisma } from "../../db/generated/client";
import type { TenantDb } from "../../db/tenant";
import type { PortfolioFilters } from "./schema";

// Exited partnerships leave the active portfolio; their history stays on their scorecards.
export const ACTIVE: Prisma.PartnershipWhereInput = { phase: { not: "EXITED" } };

// The filters the database applies. The band is the partnership's current band, worked out
// from its scores by the scoring rules, so it is applied after loading (see rows.ts).
export const isFiltered = (f: PortfolioFilters) => Boolean(f.tier || f.phase || f.owner || f.region || f.industry);

export function partnershipWhere(f: PortfolioFilters): Prisma.PartnershipWhereInput {
  const org: Prisma.PartnerOrgWhereInput = {};
  if (f.region) org.region = f.region;
  if (f.industry) org.industry = f.industry;
  return {
    phase: f.phase ?? ACTIVE.phase,
    ...(f.tier ? { tier: f.tier } : {}),
    ...(f.owner ? { ownerMemberId: f.owner } : {}),
    ...(f.region || f.industry ? { partnerOrg: org } : {}),
  };
}

export type PartnershipLite = Awaited<ReturnType<typeof loadPartnerships>>[number];

export function loadPartnerships(db: TenantDb, where: Prisma.PartnershipWhereInput) {
  return db.partnership.findMany({
    where,
    select: { id: true, name: true, tier: true, phase: true, ownerMemberId: true, partnerOrgId: true },
  });
}

export interface HealthCell {
  health: number | null;
  host: number;
  partner: number;
}

// partnershipId -> cycleId -> the cycle's stored health and response counts.
export type HealthMatrix = Map<string, Map<string, HealthCell>>;

// Only cycles that can carry scores have rows (a response makes them), so no cycle filter.
// Without a filter the join with Partnership costs more than the few rows of exited
// partnerships it would drop (callers look rows up by the partnerships they loaded).
export async function loadHealthMatrix(db: TenantDb, where: Prisma.PartnershipWhereInput | null): Promise<HealthMatrix> {
  const rows = await db.partnershipCycleScore.findMany({
    where: where ? { partnership: where } : {},
    select: { partnershipId: true, cycleId: true, health: true, hostResponses: true, partnerResponses: true },
  });
  const matrix: HealthMatrix = new Map();
  for (const r of rows) {
    let byCycle = matrix.get(r.partnershipId);
    if (!byCycle) matrix.set(r.partnershipId, (byCycle = new Map()));
    byCycle.set(r.cycleId, { health: r.health, host: r.hostResponses, partner: r.partnerResponses });
  }
  return matrix;
}

export interface PillarCell {
  host: number | null;
  partner: number | null;
  combined: number | null;
}

// `${partnershipId}:${cycleId}` -> pillar key -> scores.
export type PillarTable = Map<string, Map<string, PillarCell>>;
export const pairKey = (partnershipId: string, cycleId: string) => `${partnershipId}:${cycleId}`;

// Pillar rows of chosen (partnership, cycle) pairs, one query per cycle. A cycle wanted for
// many partnerships is read whole (through the filter) rather than through a long list of ids.
const LONG_LIST = 200;

export async function loadPillarPairs(
  db: TenantDb,
  pairs: { partnershipId: string; cycleId: string }[],
  where: Prisma.PartnershipWhereInput | null,
): Promise<PillarTable> {
  const byCycle = new Map<string, Set<string>>();
  for (const p of pairs) {
    let ids = byCycle.get(p.cycleId);
    if (!ids) byCycle.set(p.cycleId, (ids = new Set()));
    ids.add(p.partnershipId);
  }
  const table: PillarTable = new Map();
  await Promise.all(
    [...byCycle].map(async ([cycleId, ids]) => {
      const rows = await db.pillarCycleScore.findMany({
        where: ids.size > LONG_LIST ? { cycleId, ...(where ? { partnership: where } : {}) } : { cycleId, partnershipId: { in: [...ids] } },
        select: { partnershipId: true, pillarKey: true, host: true, partner: true, combined: true },
      });
      for (const r of rows) {
        if (!ids.has(r.partnershipId)) continue;
        const key = pairKey(r.partnershipId, cycleId);
        let pillars = table.get(key);
        if (!pillars) table.set(key, (pillars = new Map()));
        pillars.set(r.pillarKey, { host: r.host, partner: r.partner, combined: r.combined });
      }
    }),
  );
  return table;
}

// Every cycle's pillar rows of a few partnerships (a page of the heatmap, a batch of the export).
export async function loadPillarHistory(db: TenantDb, partnershipIds: string[], cycleIds: string[]): Promise<PillarTable> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db.pillarCycleScore.findMany({
    where: { partnershipId: { in: partnershipIds }, cycleId: { in: cycleIds } },
    select: { partnershipId: true, cycleId: true, pillarKey: true, host: true, partner: true, combined: true },
  });
  return tabulate(rows);
}

function tabulate(rows: ({ partnershipId: string; cycleId: string; pillarKey: string } & PillarCell)[]): PillarTable {
  const table: PillarTable = new Map();
  for (const r of rows) {
    const key = pairKey(r.partnershipId, r.cycleId);
    let pillars = table.get(key);
    if (!pillars) table.set(key, (pillars = new Map()));
    pillars.set(r.pillarKey, { host: r.host, partner: r.partner, combined: r.combined });
  }
  return table;
}

// The choices the filter bar offers: owners, regions and industries of active partnerships.
export async function loadFilterOptions(db: TenantDb) {
  const [owners, regions, industries] = await Promise.all([
    db.member.findMany({ where: { owns: { some: ACTIVE } }, select: { id: true, user: { select: { name: true } } } }),
    db.partnerOrg.findMany({
      where: { region: { not: null }, partnerships: { some: ACTIVE } },
      distinct: ["region"],
      select: { region: true },
      orderBy: { region: "asc" },
    }),
    db.partnerOrg.findMany({
      where: { industry: { not: null }, partnerships: { some: ACTIVE } },
      distinct: ["industry"],
      select: { industry: true },
      orderBy: { industry: "asc" },
    }),
  ]);
  return {
    owners: owners.map((m) => ({ id: m.id, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name)),
    regions: regions.map((r) => r.region!).filter((r) => r.trim() !== ""),
    industries: industries.map((r) => r.industry!).filter((r) => r.trim() !== ""),
  };
}

// People asked (not taken off the list) per partnership in one cycle.
export async function loadParticipantCounts(db: TenantDb, cycleId: string, where: Prisma.PartnershipWhereInput) {
  const groups = await db.cycleParticipant.groupBy({
    by: ["partnershipId"],
    where: { cycleId, excluded: false, partnership: where },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.partnershipId, g._count._all]));
}

export async function loadOrgNames(db: TenantDb, orgIds: string[]) {
  if (orgIds.length === 0) return new Map<string, string>();
  const orgs = await db.partnerOrg.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } });
  return new Map(orgs.map((o) => [o.id, o.name]));
}
