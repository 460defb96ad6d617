// The portfolio's reads. Each one is narrow on purpose: at 2,000 partnerships x 12 cycles the
// portfolio reads one small row per partnership and cycle, and pillar rows only for the cycles
// it shows, never the whole pillar table.
import { Prisma } from "../../db/generated/client";
import { WORKSPACE, type TenantDb } from "../../db/tenant";
import type { PortfolioFilters } from "./schema";

// Exited partnerships leave the active portfolio; their history stays on their scorecards.
export const ACTIVE: Prisma.PartnershipWhereInput = { phase: { not: "EXITED" } };

// The filters the database applies. The band is the partnership's current band, worked out
// from its scores by the scoring rules, so it is applied after loading (see rows.ts).
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

// Only what sorting needs; the rest is read for the rows shown (loadDetails).
export function loadPartnerships(db: TenantDb, where: Prisma.PartnershipWhereInput) {
  return db.partnership.findMany({ where, select: { id: true, name: true } });
}

export async function loadDetails(db: TenantDb, ids: string[]) {
  const rows = ids.length
    ? await db.partnership.findMany({
        where: { id: { in: ids } },
        select: { id: true, tier: true, phase: true, ownerMemberId: true, partnerOrg: { select: { name: true } } },
      })
    : [];
  return new Map(rows.map((r) => [r.id, { tier: r.tier, phase: r.phase, ownerMemberId: r.ownerMemberId, partnerName: r.partnerOrg.name }]));
}

export interface HealthCell {
  health: number | null;
  host: number;
  partner: number;
  // Of those, the responses with an answer other than "Don't know" (what confidentiality counts).
  hostScored: number;
  partnerScored: number;
  // The fewest responses of each side behind any scored pillar (see PartnershipCycleScore).
  minHostScored: number;
  minPartnerScored: number;
  // The cycle's largest perception gap as stored (see PartnershipCycleScore).
  gap: number | null;
  gapPillarKey: string | null;
  gapHigher: "HOST" | "PARTNER" | null;
}

// partnershipId -> cycleId -> the cycle's stored health and response counts.
export type HealthMatrix = Map<string, Map<string, HealthCell>>;

// Every stored health, response count and largest gap of the workspace: one cell per
// partnership and cycle (only cycles that can carry scores have rows). At 2,000 partnerships x 12
// cycles that is ~22,000 cells, and reading them as rows (through Prisma or pg) costs more than
// the rest of the portfolio together: each row is parsed and allocated on its own. So the
// database packs each cycle's cells into one string (fields split by the unit separator, cells
// by the record separator, which no id, number or pillar key contains) and this unpacks them:
// half the time of plain rows, measured. The workspace is the scoped client's (${WORKSPACE}),
// never the client's; callers look cells up by the partnerships they loaded through the scoped
// client, which applies the filters.
export async function loadHealthMatrix(db: TenantDb): Promise<HealthMatrix> {
  const packed = await db.$queryScoped<{ cycleId: string; cells: string }[]>`
    SELECT "cycleId",
           string_agg(concat("partnershipId", chr(31), health, chr(31), "hostResponses", chr(31), "partnerResponses", chr(31),
                             gap, chr(31), "gapPillarKey", chr(31), "gapHigher", chr(31),
                             CASE WHEN "hostScored" <> "hostResponses" OR "partnerScored" <> "partnerResponses"
                                    OR "minHostScored" <> "hostScored" OR "minPartnerScored" <> "partnerScored"
                                  THEN concat_ws(',', "hostScored", "partnerScored", "minHostScored", "minPartnerScored") END),
                      chr(30)) AS cells
    FROM "PartnershipCycleScore" WHERE "workspaceId" = ${WORKSPACE}
    GROUP BY "cycleId"`;
  const matrix: HealthMatrix = new Map();
  const num = (field: string) => (field === "" ? null : Number(field));
  // The counts behind the figures are sent only where they differ from the response counts
  // (nearly always they do not: everyone answered something, in every pillar), which keeps the
  // string short.
  for (const { cycleId, cells } of packed) {
    for (const cell of cells.split("\u001e")) {
      const [partnershipId, health, host, partner, gap, gapPillarKey, gapHigher, scored] = cell.split("\u001f") as [string, ...string[]];
      let byCycle = matrix.get(partnershipId);
      if (!byCycle) matrix.set(partnershipId, (byCycle = new Map()));
      const hostCount = Number(host);
      const partnerCount = Number(partner);
      const counts = scored ? scored.split(",") : null;
      byCycle.set(cycleId, {
        health: num(health!),
        host: hostCount,
        partner: partnerCount,
        hostScored: counts ? Number(counts[0]) : hostCount,
        partnerScored: counts ? Number(counts[1]) : partnerCount,
        minHostScored: counts ? Number(counts[2]) : hostCount,
        minPartnerScored: counts ? Number(counts[3]) : partnerCount,
        gap: num(gap!),
        gapPillarKey: gapPillarKey || null,
        gapHigher: (gapHigher || null) as HealthCell["gapHigher"],
      });
    }
  }
  return matrix;
}

// The same for a few partnerships (a batch of the export), through the scoped client.
export async function loadHealthOf(db: TenantDb, partnershipIds: string[]): Promise<HealthMatrix> {
  const rows = await db.partnershipCycleScore.findMany({
    where: { partnershipId: { in: partnershipIds } },
    select: {
      partnershipId: true,
      cycleId: true,
      health: true,
      hostResponses: true,
      partnerResponses: true,
      hostScored: true,
      partnerScored: true,
      minHostScored: true,
      minPartnerScored: true,
      gap: true,
      gapPillarKey: true,
      gapHigher: true,
    },
  });
  return toMatrix(rows.map((r) => ({ ...r, host: r.hostResponses, partner: r.partnerResponses })));
}

type MatrixRow = { partnershipId: string; cycleId: string } & HealthCell;

function toMatrix(rows: MatrixRow[]) {
  const matrix: HealthMatrix = new Map();
  for (const r of rows) {
    let byCycle = matrix.get(r.partnershipId);
    if (!byCycle) matrix.set(r.partnershipId, (byCycle = new Map()));
    byCycle.set(r.cycleId, {
      health: r.health,
      host: r.host,
      partner: r.partner,
      hostScored: r.hostScored,
      partnerScored: r.partnerScored,
      minHostScored: r.minHostScored,
      minPartnerScored: r.minPartnerScored,
      gap: r.gap,
      gapPillarKey: r.gapPillarKey,
      gapHigher: r.gapHigher,
    });
  }
  return matrix;
}

export interface PillarCell {
  host: number | null;
  partner: number | null;
  combined: number | null;
  // Responses per side with a score for the pillar.
  hostScored: number;
  partnerScored: number;
}

// `${partnershipId}:${cycleId}` -> pillar key -> scores.
export type PillarTable = Map<string, Map<string, PillarCell>>;
export const pairKey = (partnershipId: string, cycleId: string) => `${partnershipId}:${cycleId}`;

// Pillar rows of chosen (partnership, cycle) pairs, one statement per cycle, in parallel. A cycle
// wanted for a good share of its partnerships is read whole (its index), the rest by their ids
// (the primary key); either costs a few milliseconds where one join over all pairs would hash the
// whole table. Plain SQL for the reason above, scoped the same way.
export async function loadPillarPairs(
  db: TenantDb,
  pairs: { partnershipId: string; cycleId: string }[],
  scoredIn: (cycleId: string) => number,
): Promise<PillarTable> {
  const byCycle = new Map<string, Set<string>>();
  for (const p of pairs) {
    let ids = byCycle.get(p.cycleId);
    if (!ids) byCycle.set(p.cycleId, (ids = new Set()));
    ids.add(p.partnershipId);
  }
  const reads = [...byCycle].map(([cycleId, ids]) =>
    ids.size * 4 >= scoredIn(cycleId)
      ? db.$queryScoped<PillarRow[]>`
          SELECT "partnershipId", "cycleId", "pillarKey", host, partner, combined, "hostScored", "partnerScored" FROM "PillarCycleScore"
          WHERE "workspaceId" = ${WORKSPACE} AND "cycleId" = ${cycleId}`
      : db.$queryScoped<PillarRow[]>`
          SELECT "partnershipId", "cycleId", "pillarKey", host, partner, combined, "hostScored", "partnerScored" FROM "PillarCycleScore"
          WHERE "workspaceId" = ${WORKSPACE} AND "cycleId" = ${cycleId} AND "partnershipId" = ANY(${[...ids]}::text[])`,
  );
  const rows = (await Promise.all(reads)).flat();
  return tabulate(rows.filter((r) => byCycle.get(r.cycleId)!.has(r.partnershipId)));
}

type PillarRow = { partnershipId: string; cycleId: string; pillarKey: string } & PillarCell;

// Every cycle's pillar rows of a few partnerships (a page of the heatmap, a batch of the export).
export async function loadPillarHistory(db: TenantDb, partnershipIds: string[], cycleIds: string[]): Promise<PillarTable> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db.pillarCycleScore.findMany({
    where: { partnershipId: { in: partnershipIds }, cycleId: { in: cycleIds } },
    select: {
      partnershipId: true,
      cycleId: true,
      pillarKey: true,
      host: true,
      partner: true,
      combined: true,
      hostScored: true,
      partnerScored: true,
    },
  });
  return tabulate(rows);
}

function tabulate(rows: PillarRow[]): PillarTable {
  const table: PillarTable = new Map();
  for (const r of rows) {
    const key = pairKey(r.partnershipId, r.cycleId);
    let pillars = table.get(key);
    if (!pillars) table.set(key, (pillars = new Map()));
    pillars.set(r.pillarKey, {
      host: r.host,
      partner: r.partner,
      combined: r.combined,
      hostScored: r.hostScored,
      partnerScored: r.partnerScored,
    });
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

// People asked (not taken off the list) per partnership in one cycle, for every partnership of
// the workspace (callers look up the ones they loaded); plain SQL like the health matrix.
export async function loadParticipantCounts(db: TenantDb, cycleId: string) {
  const groups = await db.$queryScoped<{ partnershipId: string; asked: number }[]>`
    SELECT "partnershipId", count(*)::int AS asked FROM "CycleParticipant"
    WHERE "workspaceId" = ${WORKSPACE} AND "cycleId" = ${cycleId} AND NOT excluded
    GROUP BY "partnershipId"`;
  return new Map(groups.map((g) => [g.partnershipId, g.asked]));
}

// People asked (not taken off the list) in chosen cycles of a few partnerships, for "too few
// responses (n of N)": `${partnershipId}:${cycleId}` -> count.
export async function loadAskedOf(db: TenantDb, partnershipIds: string[], cycleIds: string[]) {
  if (partnershipIds.length === 0 || cycleIds.length === 0) return new Map<string, number>();
  const groups = await db.cycleParticipant.groupBy({
    by: ["partnershipId", "cycleId"],
    where: { partnershipId: { in: partnershipIds }, cycleId: { in: cycleIds }, excluded: false },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [pairKey(g.partnershipId, g.cycleId), g._count._all]));
}
