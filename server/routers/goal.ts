// Joint goals: time-bound goals both sides of a partnership work toward, checked in once per
// cycle. Access is the step each procedure is built on: the partnership's work to read, make
// and check in goals; "edit" (the goal's owners, its maker, the partnership's owner, admins) to
// change what a goal is.
import { z } from "zod";
import { checkInGoal, createGoal, updateGoal } from "../services/goals/edit";
import { behindGoals, listGoals } from "../services/goals/read";
import { goalProcedure, id, workProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const title = z.string().trim().min(1, "Say what the goal is.").max(200, "Keep this to 200 characters or fewer.");
const measure = z.string().trim().min(1, "Say how progress is measured.").max(300, "Keep this to 300 characters or fewer.");
const target = z.string().trim().min(1, "Give the target.").max(200, "Keep this to 200 characters or fewer.");
const day = dateOnly.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "Choose a date between 2000 and 2100.");
const owner = id.nullable();
const status = z.enum(["ACTIVE", "ACHIEVED", "MISSED", "DROPPED"]);
// The same fields for the REST API (server/api-v1).
export const goalFields = { title, measure, target, day, owner, status };

export const goalRouter = router({
  list: workProcedure("read").query(({ ctx }) => listGoals(ctx)),

  // Goals behind schedule across the partnerships whose work the viewer sees.
  behind: workspaceProcedure.query(({ ctx }) => behindGoals(ctx)),

  create: workProcedure("write")
    .input(
      z.object({
        title,
        measure,
        target,
        startDate: day.optional(),
        dueDate: day,
        hostOwnerId: owner.optional(),
        partnerOwnerId: owner.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createGoal(ctx, input)),

  update: goalProcedure("edit")
    .input(
      z.object({
        version: z.number().int().min(1),
        title: title.optional(),
        measure: measure.optional(),
        target: target.optional(),
        startDate: day.optional(),
        dueDate: day.optional(),
        hostOwnerId: owner.optional(),
        partnerOwnerId: owner.optional(),
        status: status.optional(),
      }),
    )
    .mutation(({ ctx, input: { version, title, measure, target, startDate, dueDate, hostOwnerId, partnerOwnerId, status } }) =>
      updateGoal(ctx, { version, edit: { title, measure, target, startDate, dueDate, hostOwnerId, partnerOwnerId, status } }),
    ),

  // Progress for a cycle (by default the current one); `version` is that cycle's check-in as the
  // person saw it, absent when there was none.
  checkIn: goalProcedure("write")
    .input(
      z.object({
        cycleId: id.nullish(),
        progress: z
          .number({ error: "Give the progress as a number from 0 to 100." })
          .int("Progress is a whole number from 0 to 100.")
          .min(0, "Progress is a number from 0 to 100.")
          .max(100, "Progress is a number from 0 to 100."),
        note: z.string().trim().max(2000, "Keep this to 2,000 characters or fewer.").default(""),
        version: z.number().int().min(1).max(2_147_483_647).optional(),
      }),
    )
    .mutation(({ ctx, input }) => checkInGoal(ctx, input)),
});
