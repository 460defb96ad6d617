// The value-exchange retrospective. Access is the step each procedure is built on: the
// partnership's work, loaded through the retro, item or action named (read to see, write to take
// part, facilitate to run the steps; only an item's author edits or withdraws it).
import { z } from "zod";
import {
  addItem,
  advanceRetro,
  assignAction,
  editItem,
  listRetros,
  moveVote,
  openRetro,
  retroSummary,
  retroView,
  unvote,
  volunteer,
  vote,
  withdrawItem,
} from "../services/retro";
import { makeAskFromItem } from "../services/retro/ask";
import { RETRO_LISTS } from "../services/retro/rules";
import { id, retroActionProcedure, retroItemProcedure, retroProcedure, workProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const itemText = z.string().trim().min(1, "Write something first.").max(500, "Keep an item under 500 characters.");
const pillarKey = z.string().trim().min(1).max(64).nullish();

export const retroRouter = router({
  list: workProcedure("read").query(({ ctx }) => listRetros(ctx)),

  get: retroProcedure("read").query(({ ctx }) => retroView(ctx)),

  // The closed retro's summary for its download (retro/[retroId]/export), recorded as an export.
  summary: retroProcedure("read")
    // The partnership whose address the download was asked under, when there is one: another's
    // retro there reads as a missing one, and is not recorded as downloaded.
    .input(z.object({ format: z.enum(["markdown", "csv"]).default("markdown"), partnershipId: id.optional() }))
    .query(({ ctx, input }) => retroSummary(ctx, input)),

  open: workProcedure("facilitate")
    .input(
      z.object({
        cycleId: id.optional(),
        groundRules: z
          .string()
          .trim()
          .min(1, "State the ground rules everyone agrees to.")
          .max(2000, "Keep the ground rules under 2,000 characters."),
      }),
    )
    .mutation(({ ctx, input }) => openRetro(ctx, input)),

  // One step on, from the version the facilitator's page showed.
  advance: retroProcedure("facilitate")
    .input(z.object({ version: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => advanceRetro(ctx, input)),

  addItem: retroProcedure("write")
    .input(z.object({ list: z.enum(RETRO_LISTS), text: itemText }))
    .mutation(({ ctx, input }) => addItem(ctx, input)),
  editItem: retroItemProcedure("author")
    .input(z.object({ text: itemText }))
    .mutation(({ ctx, input }) => editItem(ctx, input)),
  withdrawItem: retroItemProcedure("author").mutation(({ ctx }) => withdrawItem(ctx)),

  vote: retroItemProcedure("write").mutation(({ ctx }) => vote(ctx)),
  unvote: retroItemProcedure("write").mutation(({ ctx }) => unvote(ctx)),
  // The vote moves from the item of the step to another item of the same list and retro.
  moveVote: retroItemProcedure("write")
    .input(z.object({ toItemId: id }))
    .mutation(({ ctx, input }) => moveVote(ctx, input)),

  volunteer: retroActionProcedure("write")
    .input(z.object({ dueDate: dateOnly, pillarKey }))
    .mutation(({ ctx, input }) => volunteer(ctx, input)),
  assign: retroActionProcedure("facilitate")
    .input(z.object({ memberId: id, dueDate: dateOnly, pillarKey, version: z.number().int().min(1).max(2_147_483_647) }))
    .mutation(({ ctx, input }) => assignAction(ctx, input)),

  // A "Start doing" item becomes an ask of the other side, by the side of whoever makes it.
  makeAsk: retroItemProcedure("write")
    .input(z.object({ dueDate: dateOnly.nullish(), counterpartMemberId: id.nullish() }))
    .mutation(({ ctx, input }) =>
      makeAskFromItem(ctx, { dueDate: input.dueDate ?? null, counterpartMemberId: input.counterpartMemberId ?? null }),
    ),
});
