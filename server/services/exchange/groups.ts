// The give/get balance from grouped counts instead of items: what the portfolio reads for every
// partnership at once (one GROUP BY over the workspace's asks and offers, see
// portfolio/exchange.ts), with the same rules as balanceOf (reciprocity.ts) applied per row.
import { balanceOfGroups, type Balance, type FactGroup } from "./reciprocity";

// One group: the items of a partnership with one kind, side and status, how many there are and
// the sum of their values (each its rating, an unrated one UNRATED_VALUE).
export interface ExchangeGroup extends FactGroup {
  partnershipId: string;
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
