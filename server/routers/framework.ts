import { z } from "zod";
import { currentFramework, editFramework, listFrameworkVersions } from "../services/framework";
import { adminProcedure, hostProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

// The editor (app/w/[slug]/framework/limits.ts) shows the same limits; these are the ones enforced.
const MAX_PILLARS = 8;
const MAX_STATEMENTS = 10;
const MAX_TEXT = 300;
const MIN_WEIGHT = 0.1;
const MAX_WEIGHT = 10;

const key = z.string().min(1).max(120).optional();

const statementInput = z.object({
  key,
  text: z.string().trim().min(1, "a statement cannot be empty").max(MAX_TEXT, `a statement is at most ${MAX_TEXT} characters`),
});

const pillarInput = z.object({
  key,
  name: z.string().trim().min(1, "every pillar needs a name").max(MAX_TEXT, `a pillar name is at most ${MAX_TEXT} characters`),
  description: z.string().trim().max(MAX_TEXT, `a description is at most ${MAX_TEXT} characters`),
  weight: z
    .number(`a weight is a number from ${MIN_WEIGHT} to ${MAX_WEIGHT}`)
    .min(MIN_WEIGHT, `a weight runs from ${MIN_WEIGHT} to ${MAX_WEIGHT}`)
    .max(MAX_WEIGHT, `a weight runs from ${MIN_WEIGHT} to ${MAX_WEIGHT}`),
  statements: z
    .array(statementInput)
    .min(1, "every pillar needs at least one statement")
    .max(MAX_STATEMENTS, `a pillar has at most ${MAX_STATEMENTS} statements`),
});

const frameworkEditInput = z
  .object({
    // The version the edit started from, so a save never silently replaces someone else's.
    baseVersion: z.number().int().positive().optional(),
    pillars: z
      .array(pillarInput)
      .min(1, "a framework needs at least one pillar")
      .max(MAX_PILLARS, `a framework has at most ${MAX_PILLARS} pillars`),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.pillars.forEach((p, i) => {
      const name = p.name.toLocaleLowerCase();
      if (name && seen.has(name)) {
        ctx.addIssue({
          code: "custom",
          path: ["pillars", i, "name"],
          message: `two pillars are named "${p.name}"; give each its own name`,
        });
      }
      seen.add(name);
    });
  });

export const frameworkRouter = router({
  current: workspaceProcedure.query(({ ctx }) => currentFramework(ctx.db)),
  versions: hostProcedure.query(({ ctx }) => listFrameworkVersions(ctx.db)),
  update: adminProcedure
    .input(frameworkEditInput)
    .mutation(({ ctx, input }) => editFramework(ctx, { pillars: input.pillars }, input.baseVersion)),
});
