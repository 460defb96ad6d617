// The give/get balance of a stretch of a partnership's life (since its last retro, since its last
// renewal review) as the retro summary, the renewal review, their exports and the retro email show
// it. Pure: the same figures feed every form, so they cannot disagree.
import type { Balance } from "./reciprocity";
import type { ExchangeSide, SideNames } from "./life";

export interface ExchangeFigures {
  // What the stretch starts with, in words: "since the retro of 2026-Q3 (closed 10 Jul 2026)".
  since: string;
  from: Date;
  to: Date;
  sides: {
    side: ExchangeSide;
    name: string;
    asksMade: number;
    // Of the other side's asks of it, how many it fulfilled.
    asksReceived: number;
    asksFulfilled: number;
    offersMade: number;
    offersDelivered: number;
    valueReceived: number;
  }[];
  delivered: number;
  index: number | null;
  oneSided: boolean;
}

const SIDES: readonly ExchangeSide[] = ["HOST", "PARTNER"];

export function exchangeFigures(names: SideNames, balance: Balance, since: string, from: Date, to: Date): ExchangeFigures {
  return {
    since,
    from,
    to,
    sides: SIDES.map((side) => {
      const b = balance[side];
      return {
        side,
        name: names[side],
        asksMade: b.asksMade,
        asksReceived: b.asksReceived,
        asksFulfilled: b.asksFulfilled,
        offersMade: b.offersMade,
        offersDelivered: b.offersDelivered,
        valueReceived: b.valueReceived,
      };
    }),
    delivered: balance.delivered,
    index: balance.index,
    oneSided: balance.oneSided,
  };
}

const of = (n: number, total: number) => `${n} of ${total}`;

// The index in words, as every form says it.
export function indexSentence(f: ExchangeFigures): string {
  if (f.index === null) return "Reciprocity index: none yet (nothing was delivered either way).";
  return `Reciprocity index: ${f.index} of 100${f.oneSided ? " (one-sided: below 40 with 4 or more deliveries)" : ""}.`;
}

// One line per side and one for the index: the email and the Markdown export.
export function exchangeLines(f: ExchangeFigures): string[] {
  const [host, partner] = f.sides as [ExchangeFigures["sides"][number], ExchangeFigures["sides"][number]];
  const line = (s: typeof host, other: typeof host) =>
    `${s.name}: made ${s.asksMade} ${s.asksMade === 1 ? "ask" : "asks"} (${other.name} fulfilled ${of(other.asksFulfilled, s.asksMade)}), ` +
    `delivered ${of(s.offersDelivered, s.offersMade)} offers, received value ${s.valueReceived}.`;
  return [line(host, partner), line(partner, host), indexSentence(f)];
}

// Rows for a CSV export: one per side.
export const exchangeCsvHeader = ["side", "asks_made", "asks_fulfilled_by_other_side", "offers_made", "offers_delivered", "value_received"];

export function exchangeCsvRows(f: ExchangeFigures): (string | number)[][] {
  return f.sides.map((s) => {
    const other = f.sides.find((o) => o.side !== s.side)!;
    return [s.name, s.asksMade, other.asksFulfilled, s.offersMade, s.offersDelivered, s.valueReceived];
  });
}
