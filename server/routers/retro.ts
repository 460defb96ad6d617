// The value-exchange retrospective. Access is decided per partnership by partnershipForWork in the
// services (read to see, write to take part, facilitate to run the steps); the ladder here only
// resolves the workspace member.
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
import { RETRO_LISTS } from "../services/retro/rules";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const id = z.string().trim().min(1).max(64);
const itemText = z.string().trim().min(1, "write something first").max(500, "keep an item under 500 characters");
const pillarKey = z.string().trim().min(1).max(64).nullish();

export const retroRouter = router({
  list: workspaceProcedure.input(z.object({ partnershipId: id })).query(({ ctx, input }) => listRetros(ctx, input.partnershipId)),

  get: workspaceProcedure.input(z.object({ retroId: id })).query(({ ctx, input }) => retroView(ctx, input.retroId)),

  summary: workspaceProcedure.input(z.object({ retroId: id })).query(({ ctx, input }) => retroSummary(ctx, input.retroId)),

  open: workspaceProcedure
    .input(
      z.object({
        partnershipId: id,
        cycleId: id.optional(),
        groundRules: z
          .string()
          .trim()
          .min(1, "state the ground rules everyone agrees to")
          .max(2000, "keep the ground rules under 2,000 characters"),
      }),
    )
    .mutation(({ ctx, input }) => openRetro(ctx, input)),

  // One step on, from the version the facilitator's page showed.
  advance: workspaceProcedure
    .input(z.object({ retroId: id, version: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => advanceRetro(ctx, input)),

  addItem: workspaceProcedure
    .input(z.object({ retroId: id, list: z.enum(RETRO_LISTS), text: itemText }))
    .mutation(({ ctx, input }) => addItem(ctx, input)),
  editItem: workspaceProcedure.input(z.object({ itemId: id, text: itemText })).mutation(({ ctx, input }) => editItem(ctx, input)),
  withdrawItem: workspaceProcedure.input(z.object({ itemId: id })).mutation(({ ctx, input }) => withdrawItem(ctx, input)),

  vote: workspaceProcedure.input(z.object({ itemId: id })).mutation(({ ctx, input }) => vote(ctx, input)),
  unvote: workspaceProcedure.input(z.object({ itemId: id })).mutation(({ ctx, input }) => unvote(ctx, input)),
  moveVote: workspaceProcedure.input(z.object({ fromItemId: id, toItemId: id })).mutation(({ ctx, input }) => moveVote(ctx, input)),

  volunteer: workspaceProcedure
    .input(z.object({ actionId: id, dueDate: dateOnly, pillarKey }))
    .mutation(({ ctx, input }) => volunteer(ctx, input)),
  assign: workspaceProcedure
    .input(z.object({ actionId: id, memberId: id, dueDate: dateOnly, pillarKey, version: z.number().int().min(1).max(2_147_483_647) }))
    .mutation(({ ctx, input }) => assignAction(ctx, input)),
});
