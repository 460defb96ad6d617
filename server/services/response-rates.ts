// Response rates: of the people asked (a cycle's participants, less those taken off the list),
// how many have answered, per partnership and side and for the whole cycle. Live while open.
import { Prisma } from "../db/generated/client";
import { WORKSPACE, type TenantDb } from "../db/tenant";

export interface Rate {
  asked: number;
  answered: number;
  // 0-100, or null when nobody is asked.
  percent: number | null;
}

export const rate = (asked: number, answered: number): Rate => ({
  asked,
  answered,
  percent: asked ? Math.round((answered / asked) * 100) : null,
});

export async function responseRates(db: TenantDb, cycleId: string, partnerships: Prisma.PartnershipWhereInput = {}) {
  const [participants, responses] = await Promise.all([
    db.cycleParticipant.findMany({
      where: { cycleId, excluded: false, partnership: partnerships },
      select: {
        partnershipId: true,
        memberId: true,
        side: true,
        partnership: { select: { name: true, partnerOrg: { select: { name: true } } } },
      },
    }),
    db.response.findMany({ where: { cycleId, partnership: partnerships }, select: { partnershipId: true, memberId: true } }),
  ]);
  const answered = new Set(responses.map((r) => `${r.partnershipId}:${r.memberId}`));

  const rows = new Map<string, { id: string; name: string; partnerName: string; HOST: [number, number]; PARTNER: [number, number] }>();
  for (const p of participants) {
    const row = rows.get(p.partnershipId) ?? {
      id: p.partnershipId,
      name: p.partnership.name,
      partnerName: p.partnership.partnerOrg.name,
      HOST: [0, 0],
      PARTNER: [0, 0],
    };
    rows.set(p.partnershipId, row);
    row[p.side][0]++;
    if (answered.has(`${p.partnershipId}:${p.memberId}`)) row[p.side][1]++;
  }
  const list = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
  const sum = (side: "HOST" | "PARTNER", i: 0 | 1) => list.reduce((n, r) => n + r[side][i], 0);
  return {
    total: rate(sum("HOST", 0) + sum("PARTNER", 0), sum("HOST", 1) + sum("PARTNER", 1)),
    host: rate(sum("HOST", 0), sum("HOST", 1)),
    partner: rate(sum("PARTNER", 0), sum("PARTNER", 1)),
    partnerships: list.map((r) => ({
      id: r.id,
      name: r.name,
      partnerName: r.partnerName,
      host: rate(...r.HOST),
      partner: rate(...r.PARTNER),
      total: rate(r.HOST[0] + r.PARTNER[0], r.HOST[1] + r.PARTNER[1]),
    })),
  };
}

// Every cycle's overall rate at once, for the cycle list: one statement however many cycles and
// people (at 2,000 partnerships, reading each cycle's participants took seconds). Plain SQL,
// since counting who answered joins participants to responses; filtered by the workspace of the
// resolved membership and by the reader's visible partnerships (server/access/filters.ts).
export async function cycleRates(db: TenantDb, visible: Prisma.Sql): Promise<Map<string, Rate>> {
  const rows = await db.$queryScoped<{ cycleId: string; asked: number; answered: number }[]>`
    SELECT p."cycleId", count(*)::int AS asked, count(r.id)::int AS answered
    FROM "CycleParticipant" p
    JOIN "Partnership" pt ON pt."workspaceId" = p."workspaceId" AND pt.id = p."partnershipId"
    LEFT JOIN "Response" r ON r."workspaceId" = p."workspaceId" AND r."cycleId" = p."cycleId"
                          AND r."partnershipId" = p."partnershipId" AND r."memberId" = p."memberId"
    WHERE p."workspaceId" = ${WORKSPACE} AND NOT p.excluded AND ${visible}
    GROUP BY p."cycleId"`;
  return new Map(rows.map((r) => [r.cycleId, rate(r.asked, r.answered)]));
}
