// Value exchange (issue 15): the asks and offers between the two sides of a partnership, and its
// give/get balance. Access is the step each procedure is built on: the partnership's work to read
// and to make an ask or offer; an item's own step for the moves, by the side that makes each (the
// other side accepts, declines or asks to clarify; the maker answers or withdraws; the receiving
// side confirms delivery); either side marks an item lapsed or turns an ask into an action.
import { z } from "zod";
import { acceptItem, askToAction, clarifyItem, declineItem, deliverItem, lapseItem, withdrawItem } from "../services/exchange/moves";
import { answerItem, createItem } from "../services/exchange/make";
import { exchangeBalance, listExchange } from "../services/exchange/read";
import { exchangeProcedure, id, partnershipProcedure, workProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const kind = z.enum(["ASK", "OFFER"]);
const title = z.string().trim().min(1, "Say what is asked or offered.").max(200, "Keep this to 200 characters or fewer.");
const detail = z.string().trim().max(2000, "Keep this to 2,000 characters or fewer.");
const counterpart = z.string().trim().max(200, "Keep this to 200 characters or fewer.");
const day = dateOnly.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "Choose a date between 2000 and 2100.");
const note = z.string().trim().max(2000, "Keep this to 2,000 characters or fewer.").default("");
const said = (what: string) => z.string().trim().min(1, what).max(2000, "Keep this to 2,000 characters or fewer.");
const rating = z
  .number({ error: "Rate the value from 1 to 5." })
  .int("Rate the value with a whole number from 1 to 5.")
  .min(1, "Rate the value from 1 to 5.")
  .max(5, "Rate the value from 1 to 5.");

// The fields as the REST API takes them too (server/api-v1/exchange.ts).
export const exchangeFields = { kind, title, detail, counterpart, day, note, said, rating };

export const exchangeRouter = router({
  list: workProcedure("read").query(({ ctx }) => listExchange(ctx)),

  // The give/get balance per cycle, for the current cycle and the year: for everyone who sees the
  // partnership's scorecard, including managers who do not work on it.
  balance: partnershipProcedure.query(({ ctx }) => exchangeBalance(ctx, ctx.partnershipId)),

  create: workProcedure("write")
    .input(
      z.object({
        kind,
        title,
        detail: detail.default(""),
        counterpart: counterpart.default(""),
        counterpartMemberId: id.nullish(),
        dueDate: day.nullish(),
      }),
    )
    .mutation(({ ctx, input }) =>
      createItem(ctx, { ...input, counterpartMemberId: input.counterpartMemberId ?? null, dueDate: input.dueDate ?? null }),
    ),

  accept: exchangeProcedure("accept")
    .input(z.object({ note }))
    .mutation(({ ctx, input }) => acceptItem(ctx, input.note)),

  decline: exchangeProcedure("decline")
    .input(z.object({ reason: said("Say why you decline, so the other side can ask better next time.") }))
    .mutation(({ ctx, input }) => declineItem(ctx, input.reason)),

  clarify: exchangeProcedure("clarify")
    .input(z.object({ question: said("Write the question the other side should answer.") }))
    .mutation(({ ctx, input }) => clarifyItem(ctx, input.question)),

  answer: exchangeProcedure("answer")
    .input(
      z.object({
        answer: said("Write your answer to the question."),
        title: title.optional(),
        detail: detail.optional(),
        counterpart: counterpart.optional(),
        counterpartMemberId: id.nullable().optional(),
        dueDate: day.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input: { answer, ...edit } }) => answerItem(ctx, { answer, edit })),

  withdraw: exchangeProcedure("withdraw")
    .input(z.object({ note }))
    .mutation(({ ctx, input }) => withdrawItem(ctx, input.note)),

  deliver: exchangeProcedure("deliver")
    .input(z.object({ rating, note }))
    .mutation(({ ctx, input }) => deliverItem(ctx, input)),

  lapse: exchangeProcedure("write")
    .input(z.object({ note }))
    .mutation(({ ctx, input }) => lapseItem(ctx, input.note)),

  toAction: exchangeProcedure("write").mutation(({ ctx }) => askToAction(ctx)),
});
