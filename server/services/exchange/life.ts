// The life of an ask or an offer, as pure rules: who may make each move and from which status,
// and the status it leads to. Nothing here reads the database; the access step asks `sideRefusal`
// (through server/access/decide.ts) and the services ask `statusRefusal` before the atomic change,
// and again after losing a race, so every refusal reads the same.
//
// An item is made by one side (HOST: the workspace's company; PARTNER: the partner organisation).
// The OTHER side accepts, declines (with a reason) or asks to clarify; the making side answers a
// question (back to OPEN, with an edit) or withdraws an item nobody accepted yet. An accepted ask is
// confirmed delivered by the side that asked (it received the value); an accepted offer by the side
// it was offered to. An accepted item whose date passed without delivery may be marked lapsed by
// either side, and either side may turn an accepted ask into an action.

export type ExchangeKind = "ASK" | "OFFER";
export type ExchangeSide = "HOST" | "PARTNER";
export type ExchangeStatus = "OPEN" | "CLARIFY" | "ACCEPTED" | "DECLINED" | "DELIVERED" | "LAPSED" | "WITHDRAWN";
export type Move = "accept" | "decline" | "clarify" | "answer" | "withdraw" | "deliver" | "lapse" | "toAction";
// The moves only one side may make; the others are for either side.
export const SIDED_MOVES = ["accept", "decline", "clarify", "answer", "withdraw", "deliver"] as const;
export type SidedMove = (typeof SIDED_MOVES)[number];

// The names each side goes by in a sentence: the workspace's company and the partner organisation.
export type SideNames = Record<ExchangeSide, string>;

export interface ItemFacts {
  kind: ExchangeKind;
  // The side that made it.
  side: ExchangeSide;
  status: ExchangeStatus;
  // An ask's by-when date; an offer's from-when date. Midnight UTC of the day.
  dueDate: Date | null;
  actionId: string | null;
}

export const otherSide = (side: ExchangeSide): ExchangeSide => (side === "HOST" ? "PARTNER" : "HOST");

// The side that receives the value: an ask's maker, an offer's other side.
export const receivingSide = (item: Pick<ItemFacts, "kind" | "side">): ExchangeSide =>
  item.kind === "ASK" ? item.side : otherSide(item.side);
export const givingSide = (item: Pick<ItemFacts, "kind" | "side">): ExchangeSide => otherSide(receivingSide(item));

// Which side makes a sided move on an item.
export function sideFor(move: SidedMove, item: Pick<ItemFacts, "kind" | "side">): ExchangeSide {
  if (move === "answer" || move === "withdraw") return item.side;
  if (move === "deliver") return receivingSide(item);
  return otherSide(item.side);
}

const noun = (kind: ExchangeKind) => (kind === "ASK" ? "ask" : "offer");

// Why someone of `actorSide` may not make this move, or null when their side may.
export function sideRefusal(
  move: SidedMove,
  item: Pick<ItemFacts, "kind" | "side">,
  actorSide: ExchangeSide,
  names: SideNames,
): string | null {
  const side = sideFor(move, item);
  if (side === actorSide) return null;
  const who = names[side];
  const what = noun(item.kind);
  const maker = names[item.side];
  switch (move) {
    case "accept":
      return `Only ${who}'s people can accept an ${what} made by ${maker}.`;
    case "decline":
      return `Only ${who}'s people can decline an ${what} made by ${maker}.`;
    case "clarify":
      return `Only ${who}'s people can ask to clarify an ${what} made by ${maker}.`;
    case "answer":
      return `Only ${who}'s people, who made this ${what}, can answer a question about it.`;
    case "withdraw":
      return `Only ${who}'s people, who made this ${what}, can withdraw it.`;
    case "deliver":
      return item.kind === "ASK"
        ? `Only ${who}'s people, who made this ask, can confirm it was delivered.`
        : `Only ${who}'s people, who received this offer, can confirm it was delivered.`;
  }
}

const FROM: Record<Move, readonly ExchangeStatus[]> = {
  // A question waiting for an answer does not stop the other side deciding anyway.
  accept: ["OPEN", "CLARIFY"],
  decline: ["OPEN", "CLARIFY"],
  clarify: ["OPEN"],
  answer: ["CLARIFY"],
  withdraw: ["OPEN", "CLARIFY"],
  deliver: ["ACCEPTED"],
  lapse: ["ACCEPTED"],
  toAction: ["ACCEPTED"],
};

const NEXT: Record<Move, ExchangeStatus | null> = {
  accept: "ACCEPTED",
  decline: "DECLINED",
  clarify: "CLARIFY",
  answer: "OPEN",
  withdraw: "WITHDRAWN",
  deliver: "DELIVERED",
  lapse: "LAPSED",
  // Turning an ask into an action keeps it accepted until it is delivered.
  toAction: null,
};

// The status a move leads to (the same one, for turning an ask into an action).
export const nextStatus = (move: Move, current: ExchangeStatus): ExchangeStatus => NEXT[move] ?? current;

// What the item's status says, when it rules a move out.
function because(item: ItemFacts): string {
  const what = noun(item.kind);
  switch (item.status) {
    case "OPEN":
      return `This ${what} has not been accepted yet.`;
    case "CLARIFY":
      return `This ${what} is waiting for an answer to a question about it.`;
    case "ACCEPTED":
      return `This ${what} was already accepted.`;
    case "DECLINED":
      return `This ${what} was declined.`;
    case "DELIVERED":
      return `This ${what} was already delivered.`;
    case "LAPSED":
      return `This ${what} lapsed.`;
    case "WITHDRAWN":
      return `This ${what} was withdrawn.`;
  }
}

const longDay = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// Why the item's state rules the move out, or null when it may be made now. `today` is midnight
// UTC of the current day: an item lapses only once its day has passed.
export function statusRefusal(move: Move, item: ItemFacts, today: Date): string | null {
  const what = noun(item.kind);
  if (move === "toAction" && item.kind === "OFFER") return "Only an ask becomes an action; an offer is delivered by the side that made it.";
  if (move === "clarify" && item.status === "CLARIFY") return `A question about this ${what} is already waiting for an answer.`;
  if (move === "answer" && item.status === "OPEN") return `There is no question to answer about this ${what}.`;
  if (!FROM[move].includes(item.status)) {
    if (move === "withdraw" && item.status === "ACCEPTED")
      return `This ${what} was already accepted, so it can no longer be withdrawn. If it will not happen, mark it lapsed once its date has passed.`;
    return because(item);
  }
  if (move === "lapse") {
    if (!item.dueDate) return `This ${what} has no date, so it cannot lapse.`;
    if (item.dueDate >= today) return `This ${what} is not overdue: its date is ${longDay(item.dueDate)}.`;
  }
  if (move === "toAction" && item.actionId) return "This ask is already an action.";
  return null;
}

export type MoveDecision = { ok: true; next: ExchangeStatus } | { ok: false; code: "FORBIDDEN" | "BAD_REQUEST"; message: string };

// The whole rule for one move: the side first (FORBIDDEN), then the status (BAD_REQUEST).
export function decideMove(move: Move, item: ItemFacts, actorSide: ExchangeSide, names: SideNames, today: Date): MoveDecision {
  if ((SIDED_MOVES as readonly Move[]).includes(move)) {
    const bySide = sideRefusal(move as SidedMove, item, actorSide, names);
    if (bySide) return { ok: false, code: "FORBIDDEN", message: bySide };
  }
  const byStatus = statusRefusal(move, item, today);
  if (byStatus) return { ok: false, code: "BAD_REQUEST", message: byStatus };
  return { ok: true, next: nextStatus(move, item.status) };
}
