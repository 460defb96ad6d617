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
// Reciprocity index, 0-100: given_H and given_P are what each side gave (valueGiven);
// index = round(100 * min / max); null when nothing was delivered either way (no exchange yet);
// 0 when only one side gave. One-sided: index below 40 with at least 4 delivered items.
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

export const UNRATED_VALUE = 3;
export const ONE_SIDED_BELOW = 40;
export const ONE_SIDED_MIN_DELIVERED = 4;

export const valueOf = (rating: number | null) => rating ?? UNRATED_VALUE;

export function reciprocityIndex(givenHost: number, givenPartner: number): number | null {
  const max = Math.max(givenHost, givenPartner);
  if (max === 0) return null;
  return Math.round((100 * Math.min(givenHost, givenPartner)) / max);
}

export const isOneSided = (index: number | null, delivered: number) =>
  index !== null && index < ONE_SIDED_BELOW && delivered >= ONE_SIDED_MIN_DELIVERED;

const empty = (): SideBalance => ({
  asksMade: 0,
  asksReceived: 0,
  asksFulfilled: 0,
  offersMade: 0,
  offersDelivered: 0,
  valueReceived: 0,
  valueGiven: 0,
});

export function balanceOf(items: readonly ExchangeFact[]): Balance {
  const sides: Record<ExchangeSide, SideBalance> = { HOST: empty(), PARTNER: empty() };
  let delivered = 0;
  for (const item of items) {
    const maker = sides[item.side];
    const other = sides[otherSide(item.side)];
    const done = item.status === "DELIVERED";
    if (item.kind === "ASK") {
      maker.asksMade++;
      other.asksReceived++;
      if (done) other.asksFulfilled++;
    } else {
      maker.offersMade++;
      if (done) maker.offersDelivered++;
    }
    if (done) {
      delivered++;
      sides[receivingSide(item)].valueReceived += valueOf(item.rating);
      sides[givingSide(item)].valueGiven += valueOf(item.rating);
    }
  }
  const index = reciprocityIndex(sides.HOST.valueGiven, sides.PARTNER.valueGiven);
  return { HOST: sides.HOST, PARTNER: sides.PARTNER, delivered, index, oneSided: isOneSided(index, delivered) };
}
