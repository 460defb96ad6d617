// The REST API's value exchange: a partnership's asks and offers with its give/get balance, making
// one, and the moves on one. The same steps and services as the app's exchange router
// (server/routers/exchange.ts): a token acts as its member, for the side that member speaks for.
import { z } from "zod";
import { acceptItem, clarifyItem, declineItem, deliverItem, lapseItem, withdrawItem } from "../services/exchange/moves";
import { answerItem, createItem } from "../services/exchange/make";
import { listExchange } from "../services/exchange/read";
import { exchangeFields as f } from "../routers/exchange";
import { id } from "../trpc/procedures";
import { apiExchangeProcedure, apiWorkProcedure } from "./procedures";
import { endpoint } from "./endpoint";
import * as out from "./schemas";
import { isoDayOrNull, isoTime, isoTimeOrNull } from "./schemas";

const TAG = "Exchange";
const move = (path: string, summary: string, description: string) =>
  endpoint("POST", `/exchange/{itemId}/${path}`, TAG, summary, description);

export const exchangeEndpoints = {
  getExchange: apiWorkProcedure("read")
    .meta(
      endpoint(
        "GET",
        "/partnerships/{partnershipId}/exchange",
        TAG,
        "A partnership's asks, offers and give/get balance",
        "Every ask and offer of the partnership, newest first, with the moves the token's member may make on each, and the balance for the current cycle and the calendar year.",
      ),
    )
    .input(z.object({}))
    .output(out.exchangeSchema)
    .query(async ({ ctx }) => {
      const x = await listExchange(ctx);
      return {
        names: x.names,
        viewerSide: x.viewerSide,
        balance: x.balance,
        items: x.items.map((i) => ({
          id: i.id,
          kind: i.kind,
          side: i.side,
          title: i.title,
          detail: i.detail,
          counterpart: i.counterpart,
          counterpartMember: i.counterpartMember,
          dueDate: isoDayOrNull(i.dueDate),
          status: i.status,
          maker: i.maker,
          responder: i.responder,
          responseNote: i.responseNote,
          deliveredAt: isoTimeOrNull(i.deliveredAt),
          rating: i.rating,
          ratingNote: i.ratingNote,
          actionId: i.actionId,
          canDo: i.canDo,
          version: i.version,
          createdAt: isoTime(i.createdAt),
        })),
      };
    }),

  createExchangeItem: apiWorkProcedure("write")
    .meta(
      endpoint(
        "POST",
        "/partnerships/{partnershipId}/exchange",
        TAG,
        "Make an ask or an offer",
        "Made for the side the token's member speaks for, of (or to) the other side. A vague one is stored as sent; the answer's `hints` say what would make it clear.",
      ),
    )
    .input(
      z.object({
        kind: f.kind,
        title: f.title,
        detail: f.detail.default(""),
        counterpart: f.counterpart.default(""),
        counterpartMemberId: id.nullish(),
        dueDate: f.day.nullish(),
      }),
    )
    .output(
      out.exchangeChangeSchema.extend({
        hints: z.array(z.object({ flag: z.enum(["NO_PERSON", "NO_DELIVERABLE", "NO_DATE"]), message: z.string(), example: z.string() })),
      }),
    )
    .mutation(({ ctx, input }) =>
      createItem(ctx, { ...input, counterpartMemberId: input.counterpartMemberId ?? null, dueDate: input.dueDate ?? null }),
    ),

  acceptExchangeItem: apiExchangeProcedure("accept")
    .meta(
      move(
        "accept",
        "Accept an ask or offer",
        "By the other side than the one that made it. Of two accepts at once, one wins; the other is 409.",
      ),
    )
    .input(z.object({ note: f.note }))
    .output(out.exchangeChangeSchema)
    .mutation(({ ctx, input }) => acceptItem(ctx, input.note)),

  declineExchangeItem: apiExchangeProcedure("decline")
    .meta(move("decline", "Decline an ask or offer", "By the other side, with a reason."))
    .input(z.object({ reason: f.said("Say why you decline, so the other side can ask better next time.") }))
    .output(out.exchangeChangeSchema)
    .mutation(({ ctx, input }) => declineItem(ctx, input.reason)),

  clarifyExchangeItem: apiExchangeProcedure("clarify")
    .meta(move("clarify", "Ask to clarify an ask or offer", "By the other side, with the question."))
    .input(z.object({ question: f.said("Write the question the other side should answer.") }))
    .output(out.exchangeChangeSchema)
    .mutation(({ ctx, input }) => clarifyItem(ctx, input.question)),

  answerExchangeItem: apiExchangeProcedure("answer")
    .meta(move("answer", "Answer a question about an ask or offer", "By the side that made it, optionally editing it; it opens again."))
    .input(
      z.object({
        answer: f.said("Write your answer to the question."),
        title: f.title.optional(),
        detail: f.detail.optional(),
        counterpart: f.counterpart.optional(),
        counterpartMemberId: id.nullable().optional(),
        dueDate: f.day.nullable().optional(),
      }),
    )
    .output(out.exchangeChangeSchema)
    .mutation(async ({ ctx, input: { answer, ...edit } }) => {
      const r = await answerItem(ctx, { answer, edit });
      return { id: r.id, status: r.status, version: r.version };
    }),

  withdrawExchangeItem: apiExchangeProcedure("withdraw")
    .meta(move("withdraw", "Withdraw an ask or offer", "By the side that made it, before it is accepted."))
    .input(z.object({ note: f.note }))
    .output(out.exchangeChangeSchema)
    .mutation(({ ctx, input }) => withdrawItem(ctx, input.note)),

  deliverExchangeItem: apiExchangeProcedure("deliver")
    .meta(
      move(
        "deliver",
        "Confirm an ask or offer delivered, and rate it",
        "By the side that received it (an ask: the side that asked; an offer: the side it was offered to), with a rating 1-5.",
      ),
    )
    .input(z.object({ rating: f.rating, note: f.note }))
    .output(out.exchangeChangeSchema)
    .mutation(({ ctx, input }) => deliverItem(ctx, input)),

  lapseExchangeItem: apiExchangeProcedure("write")
    .meta(move("lapse", "Mark an accepted ask or offer lapsed", "By either side, once its date has passed without delivery."))
    .input(z.object({ note: f.note }))
    .output(out.exchangeChangeSchema)
    .mutation(({ ctx, input }) => lapseItem(ctx, input.note)),
};
