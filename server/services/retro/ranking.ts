// Which items of a list come first: most votes, then the earliest written (so a tie goes to the
// item that had longer to gather votes, and the order never changes between two reads), then id.
// Pure: the view, the step that turns "Start doing" items into actions and the summary all rank
// with it.
import { TOP_COUNT } from "./rules";

export interface Rankable {
  id: string;
  votes: number;
  createdAt: Date;
}

export function rankItems<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => b.votes - a.votes || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// The top of a list: at most `count` items, and only items someone voted for (an item nobody
// chose is not a result of the vote, and must not become an action).
export function topItems<T extends Rankable>(items: readonly T[], count = TOP_COUNT): T[] {
  return rankItems(items.filter((i) => i.votes > 0)).slice(0, count);
}

// Actions made from a list's top items, in the items' order: they are all made in one step, at
// one moment, so their own creation times cannot order them.
export function inItemOrder<T extends { retroItemId: string | null }>(actions: readonly T[], items: readonly Rankable[]): T[] {
  const position = new Map(rankItems(items).map((item, i) => [item.id, i]));
  const at = (a: T) => (a.retroItemId === null ? Infinity : (position.get(a.retroItemId) ?? Infinity));
  return [...actions].sort((a, b) => at(a) - at(b));
}
