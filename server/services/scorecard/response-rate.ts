// Of the people asked about this partnership in a cycle (its participants, less those taken off
// the list), how many of each side answered: the rule of server/services/response-rates.ts, for
// one partnership from the rows the scorecard already read.
import { rate, type Rate } from "../response-rates";
import type { Side } from "../scoring";

export function responseRate(
  participants: readonly { cycleId: string; memberId: string; side: Side }[],
  responses: readonly { cycleId: string; memberId: string }[],
  cycleId: string,
): Record<Side, Rate> {
  const answered = new Set(responses.filter((r) => r.cycleId === cycleId).map((r) => r.memberId));
  const asked = participants.filter((p) => p.cycleId === cycleId);
  const ofSide = (side: Side) => {
    const people = asked.filter((p) => p.side === side);
    return rate(people.length, people.filter((p) => answered.has(p.memberId)).length);
  };
  return { HOST: ofSide("HOST"), PARTNER: ofSide("PARTNER") };
}
