// The resource steps for the things inside a partnership's work: a retro, one of its items, an
// action, a goal. Each loads the thing together with its partnership in one query and decides by
// the partnership's rule (decide.ts). Whatever the person may not see, a missing id, an id of
// another workspace and an id behind another organisation's partnership all answer alike:
// "Retro not found.", "Action not found.", and so on.
import type { Need, WorkContext, WorkspaceCtx } from "./context";
import { decideExchangeMove, decideGoalEdit, decideItemAuthor, decideWorkItem, type Decision, type PartnershipFacts } from "./decide";
import { notFound } from "./errors";
import { actorOf, enforce, factsOf, partnershipForActor, workContext, type PartnershipRow } from "./partnership";
import { byId } from "../db/tenant";
import { SIDED_MOVES, type SidedMove } from "../services/exchange/life";

// A retro item's author edits or withdraws it; everyone else only reads and votes.
export type ItemNeed = Need | "author";

function decideFor(
  ctx: WorkspaceCtx,
  p: PartnershipRow,
  what: string,
  need: Need,
  finer?: (facts: PartnershipFacts) => Decision,
): WorkContext {
  const facts = factsOf(p);
  enforce(finer ? finer(facts) : decideWorkItem(actorOf(ctx), facts, need), what);
  return workContext(ctx, p);
}

export async function loadRetro(ctx: WorkspaceCtx, retroId: string, need: Need) {
  const found = await ctx.db.retro.findUnique({
    where: byId(ctx.db, retroId),
    include: { partnership: { select: partnershipForActor(ctx.member.id) } },
  });
  if (!found) throw notFound("Retro");
  const { partnership, ...retro } = found;
  return { retro, work: decideFor(ctx, partnership, "Retro", need) };
}

export async function loadRetroItem(ctx: WorkspaceCtx, itemId: string, need: ItemNeed) {
  const found = await ctx.db.retroItem.findUnique({
    where: byId(ctx.db, itemId),
    include: { retro: { include: { partnership: { select: partnershipForActor(ctx.member.id) } } } },
  });
  if (!found) throw notFound("Item");
  const {
    retro: { partnership, ...retro },
    ...item
  } = found;
  const finer = need === "author" ? (facts: PartnershipFacts) => decideItemAuthor(actorOf(ctx), facts, item.authorId) : undefined;
  return { item, retro, work: decideFor(ctx, partnership, "Item", need === "author" ? "write" : need, finer) };
}

// An action a retro made, for volunteering and assigning.
export async function loadRetroAction(ctx: WorkspaceCtx, actionId: string, need: Need) {
  const found = await ctx.db.action.findFirst({
    where: { id: actionId, retroId: { not: null } },
    include: { retro: true, partnership: { select: partnershipForActor(ctx.member.id) } },
  });
  if (!found?.retro) throw notFound("Action");
  const { retro, partnership, ...action } = found;
  return { action, retro, work: decideFor(ctx, partnership, "Action", need) };
}

export async function loadAction(ctx: WorkspaceCtx, actionId: string, need: Need) {
  const found = await ctx.db.action.findUnique({
    where: byId(ctx.db, actionId),
    include: { partnership: { select: partnershipForActor(ctx.member.id) } },
  });
  if (!found) throw notFound("Action");
  const { partnership, ...action } = found;
  return { action, work: decideFor(ctx, partnership, "Action", need) };
}

// A goal: "edit" changes what it is (its owners, the person who made it, the partnership's owner,
// admins); "write" checks it in (anyone who may write).
export async function loadGoal(ctx: WorkspaceCtx, goalId: string, need: Need | "edit") {
  const found = await ctx.db.goal.findUnique({
    where: byId(ctx.db, goalId),
    include: { partnership: { select: partnershipForActor(ctx.member.id) } },
  });
  if (!found) throw notFound("Goal");
  const { partnership, ...goal } = found;
  const finer = need === "edit" ? (facts: PartnershipFacts) => decideGoalEdit(actorOf(ctx), facts, goal) : undefined;
  return { goal, work: decideFor(ctx, partnership, "Goal", need === "edit" ? "write" : need, finer) };
}

// An ask or offer: reading and the moves either side makes ("write") by the partnership's rule; a
// move only one side makes (accept, deliver...) also by the item's side (decideExchangeMove).
// What the item is called depends on its kind, but a missing one is "Ask or offer not found."
// whatever it was, so nothing tells its kind to someone who may not see it.
export type ExchangeNeed = Need | SidedMove;

export const isSidedMove = (need: ExchangeNeed): need is SidedMove => (SIDED_MOVES as readonly string[]).includes(need);

export async function loadExchangeItem(ctx: WorkspaceCtx, itemId: string, need: ExchangeNeed) {
  const found = await ctx.db.exchangeItem.findUnique({
    where: byId(ctx.db, itemId),
    include: { partnership: { select: partnershipForActor(ctx.member.id) } },
  });
  const what = "Ask or offer";
  if (!found) throw notFound(what);
  const { partnership, ...item } = found;
  if (!isSidedMove(need)) return { item, work: decideFor(ctx, partnership, what, need) };
  const names = { HOST: ctx.workspace.name, PARTNER: partnership.partnerOrg.name };
  const finer = (facts: PartnershipFacts) => decideExchangeMove(actorOf(ctx), facts, item, need, names);
  return { item, work: decideFor(ctx, partnership, what, "write", finer) };
}
