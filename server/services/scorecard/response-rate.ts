// Of the people asked about this partnership in a cycle (its participants, less those taken off
// the list), how many of each side answered: the same rule as server/services/response-rates.ts,
// read for one partnership only.
import type { Side } from "../scoring";

export interface SideRate {
  asked: number;
  answered: number;
  percent: number | null;
}

export function responseRate(
  participants: readonly { cycleId: string; memberId: string; side: Side }[],
  responses: readonly { cycleId: string; memberId: string }[],
  cycleId: string,
): Record<Side, SideRate> {
  const answered = new Set(responses.filter((r) => r.cycleId === cycleId).map((r) => r.memberId));
  const asked = participants.filter((p) => p.cycleId === cycleId);
  const rate = (side: Side): SideRate => {
    const ofSide = asked.filter((p) => p.side === side);
    const n = ofSide.filter((p) => answered.has(p.memberId)).length;
    return { asked: ofSide.length, answered: n, percent: ofSide.length ? Math.round((n / ofSide.length) * 100) : null };
  };
  return { HOST: rate("HOST"), PARTNER: rate("PARTNER") };
}
