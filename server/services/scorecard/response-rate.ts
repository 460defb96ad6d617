// Of the people asked about this partnership in a cycle (its participants, less those taken off
// the list), how many of each side answered: the same rule as server/services/response-rates.ts,
// read for one partnership only.
import type { TenantDb } from "../../db/tenant";
import type { Side } from "../scoring";

export interface SideRate {
  asked: number;
  answered: number;
  percent: number | null;
}

export async function loadResponseRate(db: TenantDb, partnershipId: string, cycleId: string): Promise<Record<Side, SideRate>> {
  const [participants, responses] = await Promise.all([
    db.cycleParticipant.findMany({ where: { cycleId, partnershipId, excluded: false }, select: { memberId: true, side: true } }),
    db.response.findMany({ where: { cycleId, partnershipId }, select: { memberId: true } }),
  ]);
  const answered = new Set(responses.map((r) => r.memberId));
  const rate = (side: Side): SideRate => {
    const asked = participants.filter((p) => p.side === side);
    const n = asked.filter((p) => answered.has(p.memberId)).length;
    return { asked: asked.length, answered: n, percent: asked.length ? Math.round((n / asked.length) * 100) : null };
  };
  return { HOST: rate("HOST"), PARTNER: rate("PARTNER") };
}
