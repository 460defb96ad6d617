// Making an ask or offer, and answering a question about one (with an edit). The maker's side is
// the side they speak for; the person named on the other side must work on the partnership for
// that side. A vague ask is stored as sent: the clarity hints come back with it, for the form to
// coach (server/services/exchange/clarity.ts).
import type { ExchangeCtx, WorkCtx } from "../../access/context";
import { refusePastDueDate } from "../due-dates";
import { checkPartnershipPerson } from "../people";
import { clarityHints } from "./clarity";
import { otherSide, type ExchangeKind } from "./life";
import { applyMove } from "./moves";
import { notifyExchange } from "./notify";

export interface ItemFields {
  title: string;
  detail: string;
  counterpart: string;
  counterpartMemberId: string | null;
  dueDate: Date | null;
}

export interface NewItem extends ItemFields {
  kind: ExchangeKind;
  // The retro "Start doing" item it is made from (retro/ask.ts).
  retroItemId?: string | null;
}

async function checkFields(ctx: WorkCtx, fields: Partial<ItemFields>, now: Date) {
  if (fields.counterpartMemberId) {
    await checkPartnershipPerson(ctx, ctx.work, fields.counterpartMemberId, otherSide(ctx.work.viewer.side), "counterpartMemberId");
  }
  if (fields.dueDate) refusePastDueDate(fields.dueDate, now);
}

export async function createItem(ctx: WorkCtx, input: NewItem, now = new Date()) {
  await checkFields(ctx, input, now);
  const side = ctx.work.viewer.side;
  return ctx.db.$transaction(async (tx) => {
    const item = await tx.exchangeItem.create({
      data: {
        workspaceId: tx.$workspaceId,
        partnershipId: ctx.work.partnership.id,
        kind: input.kind,
        side,
        title: input.title,
        detail: input.detail,
        counterpart: input.counterpart,
        counterpartMemberId: input.counterpartMemberId,
        dueDate: input.dueDate,
        makerId: ctx.member.id,
        retroItemId: input.retroItemId ?? null,
      },
    });
    const event = await tx.exchangeEvent.create({
      data: { workspaceId: tx.$workspaceId, itemId: item.id, memberId: ctx.member.id, move: "create", status: "OPEN" },
    });
    await notifyExchange(tx, ctx, { eventId: event.id, news: "create", item, note: "", rating: null });
    return { id: item.id, version: item.version, status: item.status, hints: clarityHints({ ...input, dueDate: input.dueDate ?? null }) };
  });
}

// The making side answers the other side's question; the item goes back to OPEN with the edits.
export async function answerItem(ctx: ExchangeCtx, input: { answer: string; edit: Partial<ItemFields> }, now = new Date()) {
  await checkFields(ctx, input.edit, now);
  const data: Partial<ItemFields> = {};
  for (const key of ["title", "detail", "counterpart", "counterpartMemberId", "dueDate"] as const) {
    if (input.edit[key] !== undefined) Object.assign(data, { [key]: input.edit[key] });
  }
  const result = await applyMove(ctx, "answer", { note: input.answer, data }, now);
  const item = { ...ctx.item, ...data };
  return { ...result, hints: clarityHints(item) };
}
