// The account page's own facts: name, email, whether there is a password, the workspaces the
// person belongs to, and which emails they get. The email choices are applied when an email is
// sent (server/services/email/preferences.ts), so turning one off stops what is already queued.
import type { User } from "../../db/generated/client";
import { badRequest } from "../../access/errors";
import { membershipsOf } from "../../db/cross-workspace";
import type { AccountRequest } from "./account-request";
import { auditAccount } from "./audit";
import { recentlyProved } from "./confirm-identity";

export const EMAIL_PREFERENCES = ["emailSurveyReminders", "emailActionReminders", "emailAlerts", "emailRetroSummaries"] as const;
export type EmailPreferenceField = (typeof EMAIL_PREFERENCES)[number];
export type EmailPreferences = Pick<User, EmailPreferenceField>;

export const MAX_NAME_LENGTH = 80;

export async function accountOverview(a: AccountRequest, now = new Date()) {
  const user = await a.db.user.findUniqueOrThrow({
    where: { id: a.userId },
    select: {
      name: true,
      email: true,
      createdAt: true,
      passwordHash: true,
      passwordChangedAt: true,
      emailSurveyReminders: true,
      emailActionReminders: true,
      emailAlerts: true,
      emailRetroSummaries: true,
    },
  });
  const hasPassword = user.passwordHash !== null;
  return {
    name: user.name,
    email: user.email,
    memberSince: user.createdAt,
    hasPassword,
    passwordChangedAt: user.passwordChangedAt,
    // An account without a password may choose one (or change its email) only right after a
    // sign-in by link or SSO (confirm-identity.ts).
    recentlyProved: hasPassword ? false : await recentlyProved(a, now),
    emails: {
      emailSurveyReminders: user.emailSurveyReminders,
      emailActionReminders: user.emailActionReminders,
      emailAlerts: user.emailAlerts,
      emailRetroSummaries: user.emailRetroSummaries,
    } satisfies EmailPreferences,
    workspaces: await membershipsOf(a.db, a.userId),
  };
}

export async function renameAccount(a: AccountRequest, rawName: string): Promise<{ name: string }> {
  const name = rawName.trim().replace(/\s+/g, " ");
  if (!name) throw badRequest("Please enter your name.", "name");
  if (name.length > MAX_NAME_LENGTH) throw badRequest(`Use at most ${MAX_NAME_LENGTH} characters.`);
  const user = await a.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { name: true, email: true } });
  if (user.name === name) return { name };
  await a.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: a.userId }, data: { name } });
    await auditAccount(tx, {
      action: "account.updated",
      userId: a.userId,
      actorUserId: a.userId,
      email: user.email,
      address: a.address,
      detail: { name: { from: user.name, to: name } },
    });
  });
  return { name };
}

export async function updateEmailPreferences(a: AccountRequest, wanted: EmailPreferences): Promise<EmailPreferences> {
  const user = await a.db.user.findUniqueOrThrow({
    where: { id: a.userId },
    select: { email: true, emailSurveyReminders: true, emailActionReminders: true, emailAlerts: true, emailRetroSummaries: true },
  });
  const changed = Object.fromEntries(EMAIL_PREFERENCES.filter((f) => user[f] !== wanted[f]).map((f) => [f, wanted[f]]));
  const next = Object.fromEntries(EMAIL_PREFERENCES.map((f) => [f, wanted[f]])) as EmailPreferences;
  if (Object.keys(changed).length === 0) return next;
  await a.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: a.userId }, data: next });
    await auditAccount(tx, {
      action: "account.updated",
      userId: a.userId,
      actorUserId: a.userId,
      email: user.email,
      address: a.address,
      detail: { emails: changed },
    });
  });
  return next;
}
