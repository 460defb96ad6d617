// Joint goals: time-bound goals both sides of a partnership work toward, checked in once per
// cycle. Access is the step each procedure is built on: the partnership's work to read, make
// and check in goals; "edit" (the goal's owners, its maker, the partnership's owner, admins) to
// change what a goal is.
import { z } from "zod";
import { checkInGoal, createGoal, updateGoal } from "../services/goals/edit";
import { listGoals } from "../services/goals/read";
import { firstBehind, portfolioGoals } from "../services/goals/portfolio";
import { pagingSchema } from "../services/lists/paging";
import { goalProcedure, id, workProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const title = z.string().trim().min(1, "Say what the goal is.").max(200, "Keep this to 200 characters or fewer.");
const measure = z.string().trim().min(1, "Say how progress is measured.").max(300, "Keep this to 300 characters or fewer.");
const unit = z.string().trim().max(20, "Keep the unit short: 20 characters or fewer, such as $, deals or %.");
// A measured amount in the goal's unit: a start, a target or a check-in's value.
const amount = (what: string) =>
  z
    .number({ error: `Give the ${what} as a number.` })
    .refine(Number.isFinite, `Give the ${what} as a number.`)
    .min(-1e15, `The ${what} is too large to be right.`)
    .max(1e15, `The ${what} is too large to be right.`);
const startValue = amount("start value");
const targetValue = amount("target");
const day = dateOnly.refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "Choose a date between 2000 and 2100.");
const owner = id.nullable();
const status = z.enum(["ACTIVE", "ACHIEVED", "MISSED", "DROPPED"]);
// The same fields for the REST API (server/api-v1).
export const goalFields = { title, measure, unit, startValue, targetValue, value: amount("measured value"), day, owner, status };

// How many goals behind schedule "My actions" shows before pointing to the goals page.
const BEHIND_SHOWN = 10;

export const goalRouter = router({
  list: workProcedure("read").query(({ ctx }) => listGoals(ctx)),

  // The first goals behind schedule across the partnerships whose work the viewer sees, and how
  // many there are (the goals page lists them all).
  behind: workspaceProcedure.query(({ ctx }) => firstBehind(ctx, BEHIND_SHOWN)),

  // Every goal across the partnerships whose work the viewer sees, for the goals page; `show`
  // "behind" (the default) keeps only those behind schedule.
  portfolio: workspaceProcedure
    .input(z.object({ show: z.enum(["behind", "active", "all"]).default("behind"), ...pagingSchema }))
    .query(({ ctx, input: { show, ...paging } }) => portfolioGoals(ctx, show, paging)),

  create: workProcedure("write")
    .input(
      z.object({
        title,
        measure,
        unit: unit.default(""),
        startValue: startValue.default(0),
        targetValue,
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
        unit: unit.optional(),
        startValue: startValue.optional(),
        targetValue: targetValue.optional(),
        startDate: day.optional(),
        dueDate: day.optional(),
        hostOwnerId: owner.optional(),
        partnerOwnerId: owner.optional(),
        status: status.optional(),
      }),
    )
    .mutation(
      ({
        ctx,
        input: { version, title, measure, unit, startValue, targetValue, startDate, dueDate, hostOwnerId, partnerOwnerId, status },
      }) =>
        updateGoal(ctx, {
          version,
          edit: { title, measure, unit, startValue, targetValue, startDate, dueDate, hostOwnerId, partnerOwnerId, status },
        }),
    ),

  // The measured value for a cycle (by default the current one), in the goal's unit; progress is
  // computed from it. `version` is that cycle's check-in as the person saw it, absent when there
  // was none.
  checkIn: goalProcedure("write")
    .input(
      z.object({
        cycleId: id.nullish(),
        value: amount("measured value"),
        note: z.string().trim().max(2000, "Keep this to 2,000 characters or fewer.").default(""),
        version: z.number().int().min(1).max(2_147_483_647).optional(),
      }),
    )
    .mutation(({ ctx, input }) => checkInGoal(ctx, input)),
});
