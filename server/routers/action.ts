// Actions: what one side agreed to do for a partnership. Access is the step each procedure is
// built on (the partnership's work: read or write); who may change which field is the access
// module's decideActionDetails, asked by server/services/actions/edit.ts.
import { z } from "zod";
import { addAction, updateAction } from "../services/actions/edit";
import { actionDetail, listActions, myActions } from "../services/actions/read";
import { actionProcedure, workProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const title = z.string().trim().min(1, "Say what will be done.").max(200, "Keep this to 200 characters or fewer.");
const notes = z.string().trim().max(5000, "Keep this to 5,000 characters or fewer.");
const pillarKey = z.string().trim().min(1).max(64).nullable();
const ownerMemberId = z.string().min(1, "Choose who owns it.").max(64);
// A by-when date within reason: a typo like year 20226 is refused rather than stored.
const dueDate = dateOnly.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "Choose a date between 2000 and 2100.");
const status = z.enum(["OPEN", "IN_PROGRESS", "DONE", "DROPPED"]);
// The same fields for the REST API (server/api-v1).
export const actionFields = { title, notes, pillarKey, ownerMemberId, dueDate, status };

export const actionRouter = router({
  list: workProcedure("read")
    .input(z.object({ filter: z.enum(["open", "done", "dropped", "all"]).default("open") }))
    .query(({ ctx, input }) => listActions(ctx, input.filter)),

  // The viewer's own actions across their partnerships.
  mine: workspaceProcedure
    .input(z.object({ filter: z.enum(["open", "all"]).default("open") }))
    .query(({ ctx, input }) => myActions(ctx, input.filter)),

  get: actionProcedure("read").query(({ ctx }) => actionDetail(ctx)),

  create: workProcedure("write")
    .input(z.object({ title, ownerMemberId, dueDate, pillarKey: pillarKey.optional(), notes: notes.optional() }))
    .mutation(({ ctx, input }) => addAction(ctx, input)),

  // Changes only the fields given, based on `version` (the one the person saw).
  update: actionProcedure("write")
    .input(
      z.object({
        version: z.number().int().min(1),
        title: title.optional(),
        ownerMemberId: ownerMemberId.optional(),
        dueDate: dueDate.optional(),
        pillarKey: pillarKey.optional(),
        notes: notes.optional(),
        status: status.optional(),
      }),
    )
    .mutation(({ ctx, input: { version, title, ownerMemberId, dueDate, pillarKey, notes, status } }) =>
      updateAction(ctx, { version, edit: { title, ownerMemberId, dueDate, pillarKey, notes, status } }),
    ),
});
