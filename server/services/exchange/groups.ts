// The give/get balance from grouped counts instead of items: what the portfolio reads for every
// partnership at once (one GROUP BY over the workspace's asks and offers, see
// portfolio/exchange.ts), with the same rules as balanceOf (reciprocity.ts) applied per row.
import { givingSide, otherSide, receivingSide, type ExchangeKind, type ExchangeSide, type ExchangeStatus } from "./life";
import { isOneSided, reciprocityIndex } from "../scoring";
import type { Balance, SideBalance } from "./reciprocity";

// One group: the items of a partnership with one kind, side and status, how many there are and
// the sum of their values (each its rating, an unrated one UNRATED_VALUE).
export interface ExchangeGroup {
  partnershipId: string;
  kind: ExchangeKind;
  side: ExchangeSide;
  status: ExchangeStatus;
  count: number;
  value: number;
}

const empty = (): SideBalance => ({
  asksMade: 0,
  asksReceived: 0,
  asksFulfilled: 0,
  offersMade: 0,
  offersDelivered: 0,
  valueReceived: 0,
  valueGiven: 0,
});

// The balance of one partnership's groups.
export function balanceOfGroups(groups: readonly Omit<ExchangeGroup, "partnershipId">[]): Balance {
  const sides: Record<ExchangeSide, SideBalance> = { HOST: empty(), PARTNER: empty() };
  let delivered = 0;
  for (const g of groups) {
    const maker = sides[g.side];
    const other = sides[otherSide(g.side)];
    const done = g.status === "DELIVERED";
    if (g.kind === "ASK") {
      maker.asksMade += g.count;
      other.asksReceived += g.count;
      if (done) other.asksFulfilled += g.count;
    } else {
      maker.offersMade += g.count;
      if (done) maker.offersDelivered += g.count;
    }
    if (done) {
      delivered += g.count;
      sides[receivingSide(g)].valueReceived += g.value;
      sides[givingSide(g)].valueGiven += g.value;
    }
  }
  const index = reciprocityIndex(sides.HOST.valueGiven, sides.PARTNER.valueGiven);
  return { HOST: sides.HOST, PARTNER: sides.PARTNER, delivered, index, oneSided: isOneSided(index, delivered) };
}

// partnershipId -> its balance, for every partnership that has any group.
export function balancesByPartnership(groups: readonly ExchangeGroup[]): Map<string, Balance> {
  const by = new Map<string, ExchangeGroup[]>();
  for (const g of groups) {
    let list = by.get(g.partnershipId);
    if (!list) by.set(g.partnershipId, (list = []));
    list.push(g);
  }
  return new Map([...by].map(([id, list]) => [id, balanceOfGroups(list)]));
}
