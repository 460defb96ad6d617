// The scorecard's "Value exchange" section: the partnership's give/get balance (exchange/read.ts)
// told from the reader's side, ready to draw. Whoever sees the scorecard sees it (the balance's
// rule: counts of attributed work, so no confidentiality threshold applies).
import { z } from "zod";
import type { WorkspaceCtx } from "../../access/context";
import type { ExchangeSide } from "../exchange/life";
import { exchangeBalance } from "../exchange/read";
import type { Balance } from "../exchange/reciprocity";
import { asksSentence, indexMeaning, offersSentence, readerSides, valueSentence } from "../exchange/words";
import type { Perspective } from "./words";

const sideFigures = z.object({
  asksMade: z.number(),
  asksFulfilled: z.number(),
  offersDelivered: z.number(),
  valueReceived: z.number(),
  valueGiven: z.number(),
});

export const scorecardExchangeOutput = z.object({
  // The other side's name ("you" is the reader's side).
  theirName: z.string(),
  year: z.number(),
  // Nothing asked or offered, ever: the section invites the first ask instead.
  empty: z.boolean(),
  sentence: z.string(),
  // The current cycle's asks, when they differ from the year's.
  cycleSentence: z.object({ label: z.string(), text: z.string() }).nullable(),
  offers: z.string(),
  value: z.string(),
  index: z.number().nullable(),
  meaning: z.string(),
  oneSided: z.boolean(),
  delivered: z.number(),
  you: sideFigures,
  them: sideFigures,
  // One point per cycle, oldest first, from the first cycle in which anything was asked or offered.
  series: z.array(
    z.object({
      label: z.string(),
      youFulfilled: z.number(),
      themFulfilled: z.number(),
      youGave: z.number(),
      themGave: z.number(),
      index: z.number().nullable(),
    }),
  ),
});
export type ScorecardExchange = z.infer<typeof scorecardExchangeOutput>;

type Balances = Awaited<ReturnType<typeof exchangeBalance>>;

const figures = (b: Balance, side: ExchangeSide) => ({
  asksMade: b[side].asksMade,
  asksFulfilled: b[side].asksFulfilled,
  offersDelivered: b[side].offersDelivered,
  valueReceived: b[side].valueReceived,
  valueGiven: b[side].valueGiven,
});

const made = (b: Balance) => b.HOST.asksMade + b.PARTNER.asksMade + b.HOST.offersMade + b.PARTNER.offersMade;

export function exchangeView(p: Perspective, balances: Balances): ScorecardExchange {
  const { you, them, theirName } = readerSides(p);
  const { year, cycle, cycles } = balances;
  const first = cycles.findIndex((c) => made(c) > 0);
  // The current cycle's line only when it says something the year's does not.
  const sameAsks = (a: Balance, b: Balance) =>
    a.HOST.asksMade === b.HOST.asksMade &&
    a.PARTNER.asksMade === b.PARTNER.asksMade &&
    a.HOST.asksFulfilled === b.HOST.asksFulfilled &&
    a.PARTNER.asksFulfilled === b.PARTNER.asksFulfilled;
  return {
    theirName,
    year: year.year,
    empty: first < 0 && made(year) === 0,
    sentence: asksSentence(p, year, "this year"),
    cycleSentence: cycle && !sameAsks(cycle, year) ? { label: cycle.label, text: asksSentence(p, cycle, `in ${cycle.label}`) } : null,
    offers: offersSentence(p, year),
    value: valueSentence(p, year),
    index: year.index,
    meaning: indexMeaning(p, year),
    oneSided: year.oneSided,
    delivered: year.delivered,
    you: figures(year, you),
    them: figures(year, them),
    series: (first < 0 ? [] : cycles.slice(first)).map((c) => ({
      label: c.label,
      youFulfilled: c[you].asksFulfilled,
      themFulfilled: c[them].asksFulfilled,
      youGave: c[you].valueGiven,
      themGave: c[them].valueGiven,
      index: c.index,
    })),
  };
}

export async function buildScorecardExchange(ctx: WorkspaceCtx, partnershipId: string, now = new Date()): Promise<ScorecardExchange> {
  const balances = await exchangeBalance(ctx, partnershipId, now);
  const perspective: Perspective = {
    partner: !ctx.can.seeAllPartnerships,
    partnerName: balances.names.PARTNER,
    workspaceName: balances.names.HOST,
  };
  return exchangeView(perspective, balances);
}
