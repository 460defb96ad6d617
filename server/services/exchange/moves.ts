// The moves on an ask or offer after it was made: accept, decline, clarify, answer, withdraw,
// deliver, lapse, and turning an accepted ask into an action. The step decided that this person
// may make the move for their side; the life rules (life.ts) decide whether the item's status
// allows it now. The change is atomic on the status and version the step loaded: of two people
// accepting at once exactly one wins, and the other is told what happened ("This ask was already
// accepted."). Each move is recorded as an event and notified once.
import type { Prisma } from "../../db/generated/client";
import type { ExchangeCtx } from "../../access/context";
import { conflict, DomainError } from "../../access/errors";
import type { TenantTx } from "../../db/tenant";
import { todayUtc } from "../actions/overdue";
import { createAction } from "../actions/record";
import { partnershipPeople } from "../people";
import { decideMove, statusRefusal, type ItemFacts, type Move } from "./life";
import { notifyExchange } from "./notify";
import { alertIfOneSided } from "../alerts/one-sided";

export const STALE_ITEM = "Someone else changed this a moment ago; reload to see their change, then try again.";

const factsOf = (item: ExchangeCtx["item"]): ItemFacts => ({
  kind: item.kind,
  side: item.side,
  status: item.status,
  dueDate: item.dueDate,
  actionId: item.actionId,
});

export interface MoveInput {
  note?: string;
  rating?: number | null;
  data?: Prisma.ExchangeItemUncheckedUpdateManyInput;
  // Work done inside the same transaction once the change won (turning an ask into an action).
  then?: (tx: TenantTx) => Promise<Prisma.ExchangeItemUncheckedUpdateManyInput>;
}

export async function applyMove(ctx: ExchangeCtx, move: Move, input: MoveInput, now = new Date()) {
  const { item } = ctx;
  const names = { HOST: ctx.workspace.name, PARTNER: ctx.work.partnership.partnerName };
  const decision = decideMove(move, factsOf(item), ctx.work.viewer.side, names, todayUtc(now));
  if (!decision.ok) throw new DomainError(decision.code, decision.message);
  const note = input.note ?? "";
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.exchangeItem.updateMany({
      where: { id: item.id, status: item.status, version: item.version },
      data: { ...input.data, status: decision.next, version: { increment: 1 } },
    });
    if (count === 0) {
      // Someone else moved it first: say what happened, as the life rules put it.
      const now2 = await tx.exchangeItem.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: tx.$workspaceId, id: item.id } } });
      throw conflict(statusRefusal(move, factsOf(now2), todayUtc(now)) ?? STALE_ITEM);
    }
    if (input.then) await tx.exchangeItem.updateMany({ where: { id: item.id }, data: await input.then(tx) });
    const event = await tx.exchangeEvent.create({
      data: { workspaceId: tx.$workspaceId, itemId: item.id, memberId: ctx.member.id, move, status: decision.next, note },
    });
    await notifyExchange(tx, ctx, { eventId: event.id, news: move, item, note, rating: input.rating ?? null });
    // A delivery is the only move that changes the balance's value: it may tip it one-sided.
    if (move === "deliver") await alertIfOneSided(tx, item.partnershipId, now);
    return { id: item.id, status: decision.next, version: item.version + 1 };
  });
}

export const acceptItem = (ctx: ExchangeCtx, note: string, now = new Date()) =>
  applyMove(ctx, "accept", { note, data: { responderId: ctx.member.id, responseNote: note } }, now);

export const declineItem = (ctx: ExchangeCtx, reason: string, now = new Date()) =>
  applyMove(ctx, "decline", { note: reason, data: { responderId: ctx.member.id, responseNote: reason } }, now);

export const clarifyItem = (ctx: ExchangeCtx, question: string, now = new Date()) =>
  applyMove(ctx, "clarify", { note: question, data: { responderId: ctx.member.id, responseNote: question } }, now);

export const withdrawItem = (ctx: ExchangeCtx, note: string, now = new Date()) => applyMove(ctx, "withdraw", { note }, now);

export const lapseItem = (ctx: ExchangeCtx, note: string, now = new Date()) => applyMove(ctx, "lapse", { note }, now);

export const deliverItem = (ctx: ExchangeCtx, input: { rating: number; note: string }, now = new Date()) =>
  applyMove(
    ctx,
    "deliver",
    {
      note: input.note,
      rating: input.rating,
      data: { deliveredAt: now, deliveredById: ctx.member.id, rating: input.rating, ratingNote: input.note },
    },
    now,
  );

// An accepted ask becomes an action of the partnership (the actions service's one write path),
// owned by the person who accepted it while they still work on it, due on the ask's date.
export async function askToAction(ctx: ExchangeCtx, now = new Date()) {
  const { item } = ctx;
  const people = await partnershipPeople(ctx, ctx.work.partnership);
  const owner = [item.responderId, item.counterpartMemberId].find((id) => id && people.some((p) => p.memberId === id)) ?? null;
  let actionId = "";
  const result = await applyMove(
    ctx,
    "toAction",
    {
      then: async (tx) => {
        const action = await createAction(tx, ctx.member.id, {
          partnershipId: item.partnershipId,
          title: item.title,
          notes: item.detail,
          ownerMemberId: owner,
          dueDate: item.dueDate,
        });
        actionId = action.id;
        return { actionId };
      },
    },
    now,
  );
  return { ...result, actionId };
}
