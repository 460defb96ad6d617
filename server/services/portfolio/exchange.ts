// Reciprocity beside health: every partnership's give/get balance for the calendar year, from one
// grouped read of the workspace's asks and offers (partnership x kind x side x status, with how
// many and their rating sums), never one read per partnership. The portfolio has no period
// filter and each partnership's current cycle differs, so the year is the common period; the page
// says so.
import type { TenantDb } from "../../db/tenant";
import { balancesByPartnership } from "../exchange/groups";
import { balanceOf, type Balance } from "../exchange/reciprocity";
import { UNRATED_VALUE } from "../scoring";

export const yearOf = (now: Date) => now.getUTCFullYear();

export async function loadReciprocity(db: TenantDb, year: number): Promise<Map<string, Balance>> {
  const groups = await db.exchangeItem.groupBy({
    by: ["partnershipId", "kind", "side", "status"],
    where: { createdAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    _count: { _all: true, rating: true },
    _sum: { rating: true },
  });
  return balancesByPartnership(
    groups.map((g) => ({
      partnershipId: g.partnershipId,
      kind: g.kind,
      side: g.side,
      status: g.status,
      count: g._count._all,
      // Rated items count their rating, unrated ones the middle of the scale.
      value: (g._sum.rating ?? 0) + UNRATED_VALUE * (g._count._all - g._count.rating),
    })),
  );
}

// What a heatmap row shows of its balance: null when nothing was asked or offered this year.
export function reciprocityCell(balance: Balance | undefined) {
  if (!balance) return null;
  return { index: balance.index, delivered: balance.delivered, oneSided: balance.oneSided };
}

export interface Balanced {
  id: string;
  name: string;
  index: number;
  delivered: number;
  oneSided: boolean;
  // The value each side gave (the index compares these).
  given: { HOST: number; PARTNER: number };
}

// The least balanced partnerships: those with at least one delivery this year, lowest
// reciprocity index first, then the most deliveries (the surer reading), then by name.
export function leastBalanced(rows: readonly { id: string; name: string }[], balances: Map<string, Balance>): Balanced[] {
  const found: Balanced[] = [];
  for (const r of rows) {
    const b = balances.get(r.id);
    if (!b || b.delivered === 0 || b.index === null) continue;
    found.push({
      id: r.id,
      name: r.name,
      index: b.index,
      delivered: b.delivered,
      oneSided: b.oneSided,
      given: { HOST: b.HOST.valueGiven, PARTNER: b.PARTNER.valueGiven },
    });
  }
  return found.sort((a, b) => a.index - b.index || b.delivered - a.delivered || a.name.localeCompare(b.name));
}

// The export's reciprocity per cycle, for a batch of partnerships: their asks and offers (one read
// for the batch), each counted in the cycle in which it was made, from a cycle's opening to the
// next one's, the windows of the scorecard's chart (exchange/read.ts). Only cycles with an index.
export async function loadCycleReciprocity(
  db: TenantDb,
  partnershipIds: string[],
  cycles: readonly { label: string; opensAt: Date }[],
  now: Date,
) {
  const items = partnershipIds.length
    ? await db.exchangeItem.findMany({
        where: { partnershipId: { in: partnershipIds } },
        select: { partnershipId: true, kind: true, side: true, status: true, rating: true, createdAt: true },
      })
    : [];
  const opened = cycles.filter((c) => c.opensAt <= now);
  const byPartnership = new Map<string, typeof items>();
  for (const i of items) {
    let list = byPartnership.get(i.partnershipId);
    if (!list) byPartnership.set(i.partnershipId, (list = []));
    list.push(i);
  }
  const result = new Map<string, { label: string; index: number; delivered: number; oneSided: boolean }[]>();
  for (const [id, list] of byPartnership) {
    const rows = opened.flatMap((c, n) => {
      const to = opened[n + 1]?.opensAt ?? null;
      const b = balanceOf(list.filter((i) => i.createdAt >= c.opensAt && (to === null || i.createdAt < to)));
      return b.index === null ? [] : [{ label: c.label, index: b.index, delivered: b.delivered, oneSided: b.oneSided }];
    });
    result.set(id, rows);
  }
  return result;
}
