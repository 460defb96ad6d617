// The signed-in person's own account: the account page (/account) and the email-change link's
// page (/account/email). Every procedure acts on the caller's own account only, so each is built
// on the signed-in step; nothing here takes an account id.
import { z } from "zod";
import type { AccountRequest } from "../services/accounts/account-request";
import { accountActivity } from "../services/accounts/activity";
import { confirmEmailChange, previewEmailChange, requestEmailChange } from "../services/accounts/email-change";
import { endOwnSession, listOwnSessions, signOutEverywhere } from "../services/accounts/own-sessions";
import { changePassword, MAX_PASSWORD_LENGTH } from "../services/accounts/password-change";
import { accountOverview, MAX_NAME_LENGTH, renameAccount, updateEmailPreferences } from "../services/accounts/profile";
import { MIN_PASSWORD_LENGTH } from "../password-policy";
import { authedProcedure, id } from "../trpc/procedures";
import { router } from "../trpc/init";

const account = (ctx: {
  db: AccountRequest["db"];
  user: { id: string };
  sessionId?: string | null;
  address?: string | null;
}): AccountRequest => ({
  db: ctx.db,
  userId: ctx.user.id,
  sessionId: ctx.sessionId ?? null,
  address: ctx.address ?? null,
});

// The current password as typed: checked, never stored; bounded so a huge one costs nothing.
const currentPassword = z.string().max(MAX_PASSWORD_LENGTH).nullish();
const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
const token = z.string().min(1).max(200);

export const accountRouter = router({
  overview: authedProcedure.query(({ ctx }) => accountOverview(account(ctx))),

  rename: authedProcedure
    .input(z.object({ name: z.string().trim().min(1, "Enter your name.").max(MAX_NAME_LENGTH) }))
    .mutation(({ ctx, input }) => renameAccount(account(ctx), input.name)),

  // All four choices at once, so a partial or mistyped save changes nothing.
  updateEmails: authedProcedure
    .input(
      z.strictObject({
        emailSurveyReminders: z.boolean(),
        emailActionReminders: z.boolean(),
        emailAlerts: z.boolean(),
        emailRetroSummaries: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => updateEmailPreferences(account(ctx), input)),

  changePassword: authedProcedure
    .input(z.object({ currentPassword, newPassword }))
    .mutation(({ ctx, input }) => changePassword(account(ctx), input)),

  requestEmailChange: authedProcedure
    .input(z.object({ email: z.string().trim().max(200).pipe(z.email("Enter an email address, like name@example.com.")), currentPassword }))
    .mutation(({ ctx, input }) => requestEmailChange(account(ctx), { newEmail: input.email, currentPassword: input.currentPassword })),

  // The link from the new address's inbox, read before the person confirms it.
  emailChange: authedProcedure.input(z.object({ token })).query(({ ctx, input }) => previewEmailChange(account(ctx), input.token)),

  confirmEmailChange: authedProcedure
    .input(z.object({ token }))
    .mutation(({ ctx, input }) => confirmEmailChange(account(ctx), input.token)),

  sessions: authedProcedure.query(({ ctx }) => listOwnSessions(account(ctx))),

  endSession: authedProcedure
    .input(z.object({ session: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => endOwnSession(account(ctx), input.session)),

  signOutEverywhere: authedProcedure.mutation(({ ctx }) => signOutEverywhere(account(ctx))),

  activity: authedProcedure
    .input(z.object({ before: id.nullish() }))
    .query(({ ctx, input }) => accountActivity(account(ctx), { before: input.before })),
});
