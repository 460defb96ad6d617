// The give/get balance in words, from the reader's side, as pure functions: "Globex fulfilled 7 of
// your 9 asks this year; you fulfilled 3 of their 8". To a partner contact the sides swap: "you"
// is the partner organisation and "they" the workspace's company.
import type { ExchangeSide } from "./life";
import type { Balance } from "./reciprocity";
import type { Perspective } from "../scorecard/words";

// Which side the reader is on, and the other side's name.
export function readerSides(p: Perspective): { you: ExchangeSide; them: ExchangeSide; theirName: string } {
  return p.partner
    ? { you: "PARTNER", them: "HOST", theirName: p.workspaceName }
    : { you: "HOST", them: "PARTNER", theirName: p.partnerName };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// Asks fulfilled both ways over a period ("this year", "in 2026-Q4").
export function asksSentence(p: Perspective, b: Balance, period: string): string {
  const { you, them, theirName } = readerSides(p);
  const mine = b[you].asksMade;
  const theirs = b[them].asksMade;
  if (mine === 0 && theirs === 0) return `No asks yet ${period}.`;
  if (theirs === 0)
    return `${theirName} fulfilled ${b[them].asksFulfilled} of your ${count(mine, "ask")} ${period}; ${theirName} asked nothing of you.`;
  if (mine === 0)
    return `You asked nothing of ${theirName} ${period}; you fulfilled ${b[you].asksFulfilled} of their ${count(theirs, "ask")}.`;
  return `${theirName} fulfilled ${b[them].asksFulfilled} of your ${count(mine, "ask")} ${period}; you fulfilled ${b[you].asksFulfilled} of their ${theirs}.`;
}

const offers = (n: number) => (n === 0 ? "no offers" : count(n, "offer"));

// "You delivered 2 offers; Globex delivered 1 offer."
export function offersSentence(p: Perspective, b: Balance): string {
  const { you, them, theirName } = readerSides(p);
  return `You delivered ${offers(b[you].offersDelivered)}; ${theirName} delivered ${offers(b[them].offersDelivered)}.`;
}

// "You received 14 in value; Globex received 6." Each delivery counts its 1-5 rating.
export function valueSentence(p: Perspective, b: Balance): string {
  const { you, them, theirName } = readerSides(p);
  return `You received ${b[you].valueReceived} in value; ${theirName} received ${b[them].valueReceived}.`;
}

// What the reciprocity index means for this balance, naming the side that gives more.
export function indexMeaning(p: Perspective, b: Balance): string {
  if (b.index === null) return "No exchange yet: nothing has been delivered either way.";
  if (b.index >= 80) return "Balanced: both sides give about as much as they receive.";
  const { you, them, theirName } = readerSides(p);
  const youGiveMore = b[you].valueGiven > b[them].valueGiven;
  const giver = youGiveMore ? "you give" : `${theirName} gives`;
  const gets = youGiveMore ? "you receive" : "it receives";
  if (b.oneSided) return `One-sided: ${giver} far more than ${gets}.`;
  if (b.index < 40) return `Uneven: ${giver} far more than ${gets}, though too few deliveries yet to call it one-sided.`;
  return `Leaning: ${giver} more than ${gets}.`;
}

// The portfolio's line for a partnership, from the workspace's side: "Northwind gave 15 in value,
// Globex 3, over 6 deliveries".
export function givenSentence(names: Record<ExchangeSide, string>, given: Record<ExchangeSide, number>, delivered: number): string {
  return `${names.HOST} gave ${given.HOST} in value, ${names.PARTNER} ${given.PARTNER}, over ${count(delivered, "delivery", "deliveries")}.`;
}

// A period's balance as the Exchange tab says it, from the reader's side: the asks, the offers,
// the value, and the index with what it means. `period`: "this year", "in 2026-Q4".
export function periodWords(p: Perspective, b: Balance, period: string) {
  return {
    asks: asksSentence(p, b, period),
    offers: offersSentence(p, b),
    value: valueSentence(p, b),
    index: b.index,
    meaning: indexMeaning(p, b),
    oneSided: b.oneSided,
  };
}
export type PeriodWords = ReturnType<typeof periodWords>;
