// Coaching a clear ask (or offer): a clear one names what exactly, of (or to) which person or
// role on the other side, and by (or from) when. These rules flag what is missing, each with a
// short sentence and an example of a clear one. They never refuse: the form shows them before
// sending, and the server stores whatever is sent.
import type { ExchangeKind } from "./life";

export type ClarityFlag = "NO_PERSON" | "NO_DELIVERABLE" | "NO_DATE";

export interface ClarityInput {
  kind: ExchangeKind;
  title: string;
  // Of whom (ask) / to whom (offer), as typed: a person or a role.
  counterpart: string;
  // A person on the other side, picked from the partnership's people.
  counterpartMemberId: string | null;
  dueDate: Date | null;
}

export interface ClarityHint {
  flag: ClarityFlag;
  message: string;
  example: string;
}

export const CLEAR_ASK =
  "Ask Dana Lee (Globex channel lead) for three warm intros to Nordic retailers by 15 Jan, so our Q1 pipeline has named accounts.";
export const CLEAR_OFFER =
  "Offer Dana Lee (Globex channel lead) two speaker slots at our March partner summit, from 1 Feb, so Globex meets 300 of our resellers.";

// Words that say an intent, not a deliverable, and the small words around them.
const VAGUE = new Set(
  "help helping support supporting synergy synergies collaborate collaboration assistance assist stuff things thing something anything ideas idea partner partnering partnership work working together leverage align alignment sync more better general generally various engage engagement opportunities opportunity value input touch base explore".split(
    " ",
  ),
);
const SMALL = new Set(
  "the and for with our your you their them its this that from some any please all can could would will about into onto".split(" "),
);

// The words of a title that could name a deliverable: not vague, not small, at least 3 letters or
// a number ("3 intros").
export function concreteWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => (w.length >= 3 || /^\d+$/.test(w)) && !VAGUE.has(w) && !SMALL.has(w));
}

// A deliverable is concrete when the title is at least this long and has two such words.
export const MIN_TITLE_LENGTH = 12;
export const MIN_CONCRETE_WORDS = 2;

export function clarityHints(input: ClarityInput): ClarityHint[] {
  const ask = input.kind === "ASK";
  const example = ask ? CLEAR_ASK : CLEAR_OFFER;
  const hints: ClarityHint[] = [];
  if (!input.counterpartMemberId && input.counterpart.trim().length < 3) {
    hints.push({
      flag: "NO_PERSON",
      message: ask
        ? "Name the person or role on the other side you are asking, so someone owns the answer."
        : "Name the person or role on the other side this is for, so someone can take it up.",
      example,
    });
  }
  if (input.title.trim().length < MIN_TITLE_LENGTH || concreteWords(input.title).length < MIN_CONCRETE_WORDS) {
    hints.push({
      flag: "NO_DELIVERABLE",
      message: ask
        ? 'Say exactly what you need delivered (what, how many), not only "help" or "support".'
        : 'Say exactly what you bring (what, how many), not only "help" or "support".',
      example,
    });
  }
  if (!input.dueDate) {
    hints.push({
      flag: "NO_DATE",
      message: ask ? "Say by when you need it, so both sides can plan and see whether it came." : "Say from when it is available.",
      example,
    });
  }
  return hints;
}
