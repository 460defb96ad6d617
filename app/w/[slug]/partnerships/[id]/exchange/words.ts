// The words of the Exchange tab: statuses, moves and groups. The balance's sentences come from
// the server (server/services/exchange/words.ts), as the scorecard's do.

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
