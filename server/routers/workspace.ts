import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../password";
import { membershipsOf } from "../db/cross-workspace";
import { checkSignUp, confirmSignUp, requestSignUp } from "../services/accounts/sign-up";
import { createWorkspace, newWorkspaceDb } from "../services/workspaces";
import { updatePartnerSharing, updateRenewalReviewDays, updateSurveySettings } from "../services/workspace-settings";
import { adminProcedure, authedProcedure, publicProcedure, workspaceProcedure, workspaceSlug } from "../trpc/procedures";
import { router } from "../trpc/init";
import { byId } from "../db/tenant";

const workspaceFields = {
  workspaceName: z.string().trim().min(2, "Use at least 2 characters.").max(80),
  slug: workspaceSlug,
};

export const workspaceRouter = router({
  // Sign-up, confirmed by email (server/services/accounts/sign-up.ts): the form answers "check your
  // email" for every address, with an account or without; the emailed link's page creates the
  // account and the workspace, of which the person becomes the owner.
  signUp: publicProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, "Enter your name.").max(80),
        email: z.email("Enter an email address, like name@example.com.").max(200),
        password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200),
        ...workspaceFields,
      }),
    )
    .mutation(({ ctx, input }) => requestSignUp(ctx.db, input, { address: ctx.address })),
  // What the emailed link's page shows; looking does not use the link.
  signUpCheck: publicProcedure.input(z.object({ token: z.string().max(500) })).query(({ ctx, input }) => checkSignUp(ctx.db, input.token)),
  // The link's button. `slug`: another address, when the one asked for has been taken since.
  confirmSignUp: publicProcedure
    .input(z.object({ token: z.string().max(500), slug: workspaceSlug.optional() }))
    .mutation(({ ctx, input }) => confirmSignUp(ctx.db, input, { address: ctx.address })),

  create: authedProcedure.input(z.object(workspaceFields)).mutation(async ({ ctx, input }) => {
    const workspace = await createWorkspace(newWorkspaceDb(ctx.db), { userId: ctx.user.id, name: input.workspaceName, slug: input.slug });
    return { slug: workspace.slug };
  }),

  mine: authedProcedure.query(({ ctx }) => membershipsOf(ctx.db, ctx.user.id)),

  current: workspaceProcedure.query(async ({ ctx }) => {
    const partnerOrg = ctx.member.partnerOrgId
      ? await ctx.db.partnerOrg.findUnique({ where: byId(ctx.db, ctx.member.partnerOrgId), select: { name: true } })
      : null;
    return {
      slug: ctx.workspace.slug,
      name: ctx.workspace.name,
      role: ctx.role,
      // What this person may see and do, from the roles table (server/access/roles.ts): pages
      // offer what these allow instead of reading the role themselves.
      can: ctx.can,
      partnerOrgName: partnerOrg?.name ?? null,
      user: ctx.user,
      surveyMode: ctx.workspace.surveyMode,
      confidentialityThreshold: ctx.workspace.confidentialityThreshold,
      cadence: ctx.workspace.cadence,
      cycleOpenDay: ctx.workspace.cycleOpenDay,
      cycleLengthDays: ctx.workspace.cycleLengthDays,
      autoSchedule: ctx.workspace.autoSchedule,
      renewalReviewDays: ctx.workspace.renewalReviewDays,
      // What partner contacts see of their scorecards; no secret, partners are told it too.
      partnerSharing: {
        partnerSeesScores: ctx.workspace.partnerSeesScores,
        partnerSeesTrends: ctx.workspace.partnerSeesTrends,
        partnerSeesComments: ctx.workspace.partnerSeesComments,
        partnerSeesSides: ctx.workspace.partnerSeesSides,
        partnerSeesStatements: ctx.workspace.partnerSeesStatements,
      },
    };
  }),

  // The survey schedule and confidentiality. Changes apply to cycles created from now on.
  updateSettings: adminProcedure
    .input(
      z.object({
        cadence: z.enum(["MONTHLY", "QUARTERLY", "HALF_YEARLY"]),
        cycleOpenDay: z.number().int().min(1, "Pick a day from 1 to 28.").max(28, "Pick a day from 1 to 28, which every month has."),
        cycleLengthDays: z.number().int().min(1, "A cycle lasts at least 1 day.").max(90, "A cycle lasts at most 90 days."),
        autoSchedule: z.boolean(),
        confidentialityThreshold: z.number().int().min(1, "Use a number of 1 or more.").max(50),
        surveyMode: z.enum(["CONFIDENTIAL", "ATTRIBUTED"]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { cadence, cycleOpenDay, cycleLengthDays, autoSchedule, confidentialityThreshold, surveyMode } = input;
      await updateSurveySettings(ctx, { cadence, cycleOpenDay, cycleLengthDays, autoSchedule, confidentialityThreshold, surveyMode });
    }),

  // How long before a partnership's renewal date its renewal review opens (the job opens it).
  updateRenewalSettings: adminProcedure
    .input(
      z.object({
        renewalReviewDays: z
          .number({ error: "Enter a whole number of days." })
          .int("Enter a whole number of days.")
          .min(7, "Use at least 7 days.")
          .max(365, "Use at most 365 days."),
      }),
    )
    .mutation(({ ctx, input }) => updateRenewalReviewDays(ctx, input.renewalReviewDays)),

  // What partner contacts see of their own partnerships' scorecards. Every field is required, so
  // a partial or mistyped save changes nothing.
  updatePartnerSharing: adminProcedure
    .input(
      z.strictObject({
        workspaceSlug: z.string().max(64),
        partnerSeesScores: z.boolean(),
        partnerSeesTrends: z.boolean(),
        partnerSeesComments: z.boolean(),
        partnerSeesSides: z.boolean(),
        partnerSeesStatements: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) =>
      updatePartnerSharing(ctx, {
        partnerSeesScores: input.partnerSeesScores,
        partnerSeesTrends: input.partnerSeesTrends,
        partnerSeesComments: input.partnerSeesComments,
        partnerSeesSides: input.partnerSeesSides,
        partnerSeesStatements: input.partnerSeesStatements,
      }),
    ),
});
