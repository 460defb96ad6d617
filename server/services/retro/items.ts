// Items on the retro's three lists. Going well and Stop doing are written while gathering, before
// anyone sees another's; Start doing is proposed in the open. Authors edit or withdraw their own
// items while their list is open; after that an item is frozen, since people have voted on it.
import type { RetroCtx, RetroItemCtx } from "../../access/context";
import { badRequest } from "../../access/errors";
import { attend, lockRetro } from "./lock";
import { LIST_LABEL, listOpenForItems, PHASE_LABEL, type RetroList, type RetroPhase } from "./rules";
import { byId } from "../../db/tenant";

function closedFor(list: RetroList, phase: RetroPhase) {
  const when = list === "START_DOING" ? "while proposing" : "while gathering, before the reveal";
  return badRequest(
    `${LIST_LABEL[list]} items can be added, edited or withdrawn only ${when}; the retro is now at: ${PHASE_LABEL[phase]}.`,
  );
}

export async function addItem(ctx: RetroCtx, input: { list: RetroList; text: string }) {
  const { retro } = ctx;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, retro.id, "share");
    if (!listOpenForItems(input.list, phase)) throw closedFor(input.list, phase);
    const item = await tx.retroItem.create({
      data: { workspaceId: tx.$workspaceId, retroId: retro.id, list: input.list, text: input.text, authorId: ctx.member.id },
      select: { id: true, list: true, text: true, createdAt: true },
    });
    await attend(tx, ctx);
    return item;
  });
}

// Both run on the author's own item (the item step, "author", decided that), in a phase where its
// list is still open.
export async function editItem(ctx: RetroItemCtx, input: { text: string }) {
  const { item, retro } = ctx;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, retro.id, "share");
    if (!listOpenForItems(item.list, phase)) throw closedFor(item.list, phase);
    return tx.retroItem.update({ where: byId(tx, item.id), data: { text: input.text }, select: { id: true, list: true, text: true } });
  });
}

export async function withdrawItem(ctx: RetroItemCtx) {
  const { item, retro } = ctx;
  return ctx.db.$transaction(async (tx) => {
    const { phase } = await lockRetro(tx, retro.id, "share");
    if (!listOpenForItems(item.list, phase)) throw closedFor(item.list, phase);
    // No vote can exist yet (a list is voted on only after it closes for items).
    await tx.retroItem.deleteMany({ where: { id: item.id } });
    return { id: item.id };
  });
}
