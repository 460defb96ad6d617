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
  text: z
    .string()
    .trim()
    .min(1, "Write the statement; it cannot be empty.")
    .max(MAX_TEXT, `Keep a statement to ${MAX_TEXT} characters or fewer.`),
});

const pillarInput = z.object({
  key,
  name: z.string().trim().min(1, "Give every pillar a name.").max(MAX_TEXT, `Keep a pillar name to ${MAX_TEXT} characters or fewer.`),
  description: z.string().trim().max(MAX_TEXT, `Keep a description to ${MAX_TEXT} characters or fewer.`),
  weight: z
    .number(`A weight is a number from ${MIN_WEIGHT} to ${MAX_WEIGHT}.`)
    .min(MIN_WEIGHT, `A weight runs from ${MIN_WEIGHT} to ${MAX_WEIGHT}.`)
    .max(MAX_WEIGHT, `A weight runs from ${MIN_WEIGHT} to ${MAX_WEIGHT}.`),
  statements: z
    .array(statementInput)
    .min(1, "Give every pillar at least one statement.")
    .max(MAX_STATEMENTS, `Keep a pillar to ${MAX_STATEMENTS} statements or fewer.`),
});

const frameworkEditInput = z
  .object({
    // The version the edit started from, so a save never silently replaces someone else's.
    baseVersion: z.number().int().positive().optional(),
    pillars: z
      .array(pillarInput)
      .min(1, "Keep at least one pillar in the framework.")
      .max(MAX_PILLARS, `Keep the framework to ${MAX_PILLARS} pillars or fewer.`),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.pillars.forEach((p, i) => {
      const name = p.name.toLocaleLowerCase();
      if (name && seen.has(name)) {
        ctx.addIssue({
          code: "custom",
          path: ["pillars", i, "name"],
          message: `Two pillars are named "${p.name}"; give each its own name.`,
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
