// Votes: three per person per list, at most one per item, movable until the facilitator closes
// that list's voting. Every change runs under the retro's exclusive row lock, so a person's votes
// are counted one change at a time (two votes sent at once cannot make a fourth) and a phase
// change waits for votes in flight (none lands after voting closed).
import type { TenantTx } from "../../db/tenant";
import type { RetroItemCtx } from "../../access/context";
import { badRequest } from "../../access/errors";
import { attend, lockRetro } from "./lock";
import { LIST_LABEL, listOpenForVotes, PHASE_LABEL, VOTES_PER_LIST, votesUsedMessage, type RetroList, type RetroPhase } from "./rules";

function checkOpen(list: RetroList, phase: RetroPhase) {
  if (!listOpenForVotes(list, phase)) {
    throw badRequest(`Voting on ${LIST_LABEL[list]} is not open; the retro is now at: ${PHASE_LABEL[phase]}.`);
  }
}

async function votesLeft(tx: TenantTx, retroId: string, memberId: string, list: RetroList) {
  const used = await tx.retroVote.count({ where: { retroId, memberId, list } });
  return VOTES_PER_LIST - used;
}

const hasVote = async (tx: TenantTx, itemId: string, memberId: string) => (await tx.retroVote.count({ where: { itemId, memberId } })) > 0;

export async function vote(ctx: RetroItemCtx) {
  const { item, retro } = ctx;
  const memberId = ctx.member.id;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, retro.id, "update");
    checkOpen(item.list, phase);
    if (await hasVote(tx, item.id, memberId))
      throw badRequest("You have already voted for this item; each item takes one vote per person.");
    if ((await votesLeft(tx, retro.id, memberId, item.list)) <= 0) throw badRequest(votesUsedMessage(item.list));
    await tx.retroVote.create({ data: { workspaceId: tx.$workspaceId, retroId: retro.id, itemId: item.id, memberId, list: item.list } });
    await attend(tx, ctx);
    return { list: item.list, votesLeft: await votesLeft(tx, retro.id, memberId, item.list) };
  });
}

export async function unvote(ctx: RetroItemCtx) {
  const { item, retro } = ctx;
  const memberId = ctx.member.id;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, retro.id, "update");
    checkOpen(item.list, phase);
    const removed = await tx.retroVote.deleteMany({ where: { itemId: item.id, memberId } });
    if (removed.count === 0) throw badRequest("You have not voted for this item.");
    return { list: item.list, votesLeft: await votesLeft(tx, retro.id, memberId, item.list) };
  });
}

// One vote taken off the step's item and put on another of the same list, in one step: the person
// never loses the vote half way, and the limit holds throughout. The other item is looked for in
// the same retro only (the step authorized that retro), so an id from anywhere else is refused
// like one of another list.
export async function moveVote(ctx: RetroItemCtx, input: { toItemId: string }) {
  const { item: from, retro } = ctx;
  if (from.id === input.toItemId) throw badRequest("Choose another item to move your vote to.");
  const to = await ctx.db.retroItem.findFirst({ where: { id: input.toItemId, retroId: retro.id, list: from.list }, select: { id: true } });
  if (!to) throw badRequest("A vote moves only between items of the same list.");
  const memberId = ctx.member.id;
  const list = from.list;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, retro.id, "update");
    checkOpen(list, phase);
    if (await hasVote(tx, to.id, memberId)) throw badRequest("You have already voted for that item; each item takes one vote per person.");
    const removed = await tx.retroVote.deleteMany({ where: { itemId: from.id, memberId } });
    if (removed.count === 0) throw badRequest("You have no vote on that item to move.");
    await tx.retroVote.create({ data: { workspaceId: tx.$workspaceId, retroId: retro.id, itemId: to.id, memberId, list } });
    return { list, votesLeft: await votesLeft(tx, retro.id, memberId, list) };
  });
}
