// The give/get balance of a partnership over a period, as pure functions (definitions also in
// docs/value-exchange.md).
//
// An item belongs to the period in which it was made (its createdAt), so "fulfilled X of Y" always
// counts the same asks on both sides of "of", and a past period's figures change only as its own
// asks and offers are delivered.
//
// Per side:
// - asksMade: asks this side made;
// - asksReceived: asks the other side made (of this side);
// - asksFulfilled: of those, how many this side delivered;
// - offersMade / offersDelivered: offers this side made, and how many were delivered;
// - valueReceived: the value of what was delivered to this side: each delivered item counts its
//   rating (1-5), an unrated one counts 3 (the middle of the scale);
// - valueGiven: the same, for what this side delivered.
// The reciprocity index and the one-sided rule are scoring rules, in ../scoring.ts.
import { isOneSided, reciprocityIndex, valueOf } from "../scoring";
import { givingSide, otherSide, receivingSide, type ExchangeKind, type ExchangeSide, type ExchangeStatus } from "./life";

export interface ExchangeFact {
  kind: ExchangeKind;
  side: ExchangeSide;
  status: ExchangeStatus;
  rating: number | null;
}

export interface SideBalance {
  asksMade: number;
  asksReceived: number;
  asksFulfilled: number;
  offersMade: number;
  offersDelivered: number;
  valueReceived: number;
  valueGiven: number;
}

export interface Balance {
  HOST: SideBalance;
  PARTNER: SideBalance;
  delivered: number;
  index: number | null;
  oneSided: boolean;
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

// Items of one kind, side and status, how many, and the sum of their values (each delivered one
// its rating, an unrated one UNRATED_VALUE): an item alone, or a GROUP BY's row (groups.ts).
export interface FactGroup {
  kind: ExchangeKind;
  side: ExchangeSide;
  status: ExchangeStatus;
  count: number;
  value: number;
}

export function balanceOfGroups(groups: readonly FactGroup[]): Balance {
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

export const balanceOf = (items: readonly ExchangeFact[]): Balance =>
  balanceOfGroups(items.map((i) => ({ kind: i.kind, side: i.side, status: i.status, count: 1, value: valueOf(i.rating) })));
