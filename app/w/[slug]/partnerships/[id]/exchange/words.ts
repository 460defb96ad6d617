// The words of the Exchange tab: statuses, moves, and the give/get balance said from the
// viewer's side ("Globex fulfilled 7 of your 9 asks this year; you fulfilled 3 of their 8").
import type { Balance } from "~/server/services/exchange/reciprocity";

export type Side = "HOST" | "PARTNER";
export type Kind = "ASK" | "OFFER";
export type Status = "OPEN" | "CLARIFY" | "ACCEPTED" | "DECLINED" | "DELIVERED" | "LAPSED" | "WITHDRAWN";

export const STATUS_LABEL: Record<Status, string> = {
  OPEN: "Waiting for an answer",
  CLARIFY: "Question asked",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  DELIVERED: "Delivered",
  LAPSED: "Lapsed",
  WITHDRAWN: "Withdrawn",
};

export const STATUS_BADGE: Record<Status, string> = {
  OPEN: "bg-amber-50 text-amber-900 ring-amber-200",
  CLARIFY: "bg-amber-50 text-amber-900 ring-amber-200",
  ACCEPTED: "bg-brand-50 text-brand-900 ring-brand-100",
  DECLINED: "bg-slate-100 text-slate-700 ring-slate-200",
  DELIVERED: "bg-green-50 text-green-800 ring-green-200",
  LAPSED: "bg-red-50 text-red-800 ring-red-200",
  WITHDRAWN: "bg-slate-100 text-slate-700 ring-slate-200",
};

// How each recorded move reads in an item's history.
export const MOVE_WORDS: Record<string, string> = {
  create: "made it",
  accept: "accepted",
  decline: "declined",
  clarify: "asked to clarify",
  answer: "answered",
  withdraw: "withdrew it",
  deliver: "confirmed it delivered",
  lapse: "marked it lapsed",
  toAction: "turned it into an action",
};

// The three groups the tab shows, in the order of what needs attention.
export const GROUPS: { key: string; title: string; description: string; statuses: Status[] }[] = [
  {
    key: "waiting",
    title: "Waiting for an answer",
    description: "Asks and offers the other side has not accepted or declined yet, and those with a question to answer.",
    statuses: ["OPEN", "CLARIFY"],
  },
  {
    key: "progress",
    title: "Accepted, in progress",
    description: "Agreed and not delivered yet. Overdue ones are marked.",
    statuses: ["ACCEPTED"],
  },
  {
    key: "done",
    title: "Done",
    description: "Delivered, declined, lapsed or withdrawn.",
    statuses: ["DELIVERED", "DECLINED", "LAPSED", "WITHDRAWN"],
  },
];

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The balance of a period in sentences, from the viewer's side. `when`: "this year", "in Q3 2026".
export function balanceWords(balance: Balance, viewer: Side, names: Record<Side, string>, when: string): string[] {
  const other: Side = viewer === "HOST" ? "PARTNER" : "HOST";
  const mine = balance[viewer];
  const theirs = balance[other];
  const asks =
    mine.asksMade + theirs.asksMade === 0
      ? `No asks either way ${when}.`
      : `${names[other]} fulfilled ${theirs.asksFulfilled} of your ${count(theirs.asksReceived, "ask")} ${when}; you fulfilled ${mine.asksFulfilled} of their ${theirs.asksMade}.`;
  const offers =
    mine.offersMade + theirs.offersMade === 0
      ? `No offers either way ${when}.`
      : `Offers delivered: ${mine.offersDelivered} of your ${mine.offersMade}, ${theirs.offersDelivered} of their ${theirs.offersMade}.`;
  return [
    asks,
    offers,
    `Value received (ratings 1-5 added up, 3 when unrated): you ${mine.valueReceived}, ${names[other]} ${theirs.valueReceived}.`,
  ];
}

// What the reciprocity index says, in words.
export function indexWords(balance: Balance): string {
  if (balance.index === null) return "No exchange yet: nothing was delivered either way.";
  if (balance.oneSided) return "One-sided: one side gives much more than it gets (below 40, with 4 or more deliveries).";
  if (balance.index === 0) return "Only one side gave so far.";
  if (balance.index >= 80) return "Balanced: both sides give about as much as they get.";
  return "Leaning one way: one side gives more than the other.";
}
