// Votes: three per person per list, at most one per item, movable until the facilitator closes
// that list's voting. Every change runs under the retro's exclusive row lock, so a person's votes
// are counted one change at a time (two votes sent at once cannot make a fourth) and a phase
// change waits for votes in flight (none lands after voting closed).
import type { TenantTx } from "../../db/tenant";
import type { WorkspaceCtx } from "../../trpc/procedures";
import { badRequest } from "../errors";
import { attend, itemForWork, lockRetro } from "./access";
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

export async function vote(ctx: WorkspaceCtx, input: { itemId: string }) {
  const { item, retro, work } = await itemForWork(ctx, input.itemId, "write");
  const memberId = ctx.member.id;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, ctx.workspace.id, retro.id, "update");
    checkOpen(item.list, phase);
    if (await hasVote(tx, item.id, memberId))
      throw badRequest("You have already voted for this item; each item takes one vote per person.");
    if ((await votesLeft(tx, retro.id, memberId, item.list)) <= 0) throw badRequest(votesUsedMessage(item.list));
    await tx.retroVote.create({ data: { workspaceId: ctx.workspace.id, retroId: retro.id, itemId: item.id, memberId, list: item.list } });
    await attend(tx, ctx, retro.id, work);
    return { list: item.list, votesLeft: await votesLeft(tx, retro.id, memberId, item.list) };
  });
}

export async function unvote(ctx: WorkspaceCtx, input: { itemId: string }) {
  const { item, retro } = await itemForWork(ctx, input.itemId, "write");
  const memberId = ctx.member.id;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, ctx.workspace.id, retro.id, "update");
    checkOpen(item.list, phase);
    const removed = await tx.retroVote.deleteMany({ where: { itemId: item.id, memberId } });
    if (removed.count === 0) throw badRequest("You have not voted for this item.");
    return { list: item.list, votesLeft: await votesLeft(tx, retro.id, memberId, item.list) };
  });
}

// One vote taken off one item and put on another of the same list, in one step: the person never
// loses the vote half way, and the limit holds throughout.
export async function moveVote(ctx: WorkspaceCtx, input: { fromItemId: string; toItemId: string }) {
  if (input.fromItemId === input.toItemId) throw badRequest("Choose another item to move your vote to.");
  const from = await itemForWork(ctx, input.fromItemId, "write");
  const to = await itemForWork(ctx, input.toItemId, "write");
  if (to.retro.id !== from.retro.id || to.item.list !== from.item.list) {
    throw badRequest("A vote moves only between items of the same list.");
  }
  const memberId = ctx.member.id;
  const list = from.item.list;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, ctx.workspace.id, from.retro.id, "update");
    checkOpen(list, phase);
    if (await hasVote(tx, to.item.id, memberId))
      throw badRequest("You have already voted for that item; each item takes one vote per person.");
    const removed = await tx.retroVote.deleteMany({ where: { itemId: from.item.id, memberId } });
    if (removed.count === 0) throw badRequest("You have no vote on that item to move.");
    await tx.retroVote.create({ data: { workspaceId: ctx.workspace.id, retroId: from.retro.id, itemId: to.item.id, memberId, list } });
    return { list, votesLeft: await votesLeft(tx, from.retro.id, memberId, list) };
  });
}
