// Joint goals: time-bound goals both sides of a partnership work toward, checked in once per
// cycle. Access is the participation rule (server/services/participation.ts); who may change a
// goal is decided in server/services/goals/edit.ts.
import { z } from "zod";
import { checkInGoal, createGoal, updateGoal } from "../services/goals/edit";
import { behindGoals, listGoals } from "../services/goals/read";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const id = z.string().min(1).max(64);
const title = z.string().trim().min(1, "please say what the goal is").max(200, "at most 200 characters");
const measure = z.string().trim().min(1, "please say how progress is measured").max(300, "at most 300 characters");
const target = z.string().trim().min(1, "please give the target").max(200, "at most 200 characters");
const day = dateOnly.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "choose a date between 2000 and 2100");
const owner = z.string().min(1).max(64).nullable();
const status = z.enum(["ACTIVE", "ACHIEVED", "MISSED", "DROPPED"]);

export const goalRouter = router({
  list: workspaceProcedure.input(z.object({ partnershipId: id })).query(({ ctx, input }) => listGoals(ctx, input.partnershipId)),

  // Goals behind schedule across the partnerships whose work the viewer sees.
  behind: workspaceProcedure.query(({ ctx }) => behindGoals(ctx)),

  create: workspaceProcedure
    .input(
      z.object({
        partnershipId: id,
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

  update: workspaceProcedure
    .input(
      z.object({
        goalId: id,
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
    .mutation(({ ctx, input: { goalId, version, title, measure, target, startDate, dueDate, hostOwnerId, partnerOwnerId, status } }) =>
      updateGoal(ctx, { goalId, version, edit: { title, measure, target, startDate, dueDate, hostOwnerId, partnerOwnerId, status } }),
    ),

  // Progress for a cycle (by default the current one); `version` is that cycle's check-in as the
  // person saw it, absent when there was none.
  checkIn: workspaceProcedure
    .input(
      z.object({
        goalId: id,
        cycleId: id.nullish(),
        progress: z.number({ error: "give the progress in percent" }).int("a whole number").min(0, "0 to 100").max(100, "0 to 100"),
        note: z.string().trim().max(2000, "at most 2,000 characters").default(""),
        version: z.number().int().min(1).max(2_147_483_647).optional(),
      }),
    )
    .mutation(({ ctx, input }) => checkInGoal(ctx, input)),
});
