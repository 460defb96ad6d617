// Actions: what one side agreed to do for a partnership. Access is the participation rule
// (server/services/participation.ts); who may change which field is decided in
// server/services/actions/edit.ts.
import { z } from "zod";
import { addAction, updateAction } from "../services/actions/edit";
import { actionDetail, listActions, myActions } from "../services/actions/read";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const id = z.string().min(1).max(64);
const title = z.string().trim().min(1, "please say what will be done").max(200, "at most 200 characters");
const notes = z.string().trim().max(5000, "at most 5,000 characters");
const pillarKey = z.string().trim().min(1).max(64).nullable();
const ownerMemberId = z.string().min(1, "choose who owns it").max(64);
// A by-when date within reason: a typo like year 20226 is refused rather than stored.
const dueDate = dateOnly.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "choose a date between 2000 and 2100");
const status = z.enum(["OPEN", "IN_PROGRESS", "DONE", "DROPPED"]);

export const actionRouter = router({
  list: workspaceProcedure
    .input(z.object({ partnershipId: id, filter: z.enum(["open", "done", "dropped", "all"]).default("open") }))
    .query(({ ctx, input }) => listActions(ctx, input.partnershipId, input.filter)),

  // The viewer's own actions across their partnerships.
  mine: workspaceProcedure
    .input(z.object({ filter: z.enum(["open", "all"]).default("open") }))
    .query(({ ctx, input }) => myActions(ctx, input.filter)),

  get: workspaceProcedure.input(z.object({ actionId: id })).query(({ ctx, input }) => actionDetail(ctx, input.actionId)),

  create: workspaceProcedure
    .input(z.object({ partnershipId: id, title, ownerMemberId, dueDate, pillarKey: pillarKey.optional(), notes: notes.optional() }))
    .mutation(({ ctx, input }) => addAction(ctx, input)),

  // Changes only the fields given, based on `version` (the one the person saw).
  update: workspaceProcedure
    .input(
      z.object({
        actionId: id,
        version: z.number().int().min(1),
        title: title.optional(),
        ownerMemberId: ownerMemberId.optional(),
        dueDate: dueDate.optional(),
        pillarKey: pillarKey.optional(),
        notes: notes.optional(),
        status: status.optional(),
      }),
    )
    .mutation(({ ctx, input: { actionId, version, title, ownerMemberId, dueDate, pillarKey, notes, status } }) =>
      updateAction(ctx, { actionId, version, edit: { title, ownerMemberId, dueDate, pillarKey, notes, status } }),
    ),
});
