// Changing the account's email address. The address is the account's key to itself (sign-in,
// password reset, sign-in links all go there), so a change takes three proofs: the account's
// (its current password, or a fresh sign-in by link: confirm-identity.ts), the new inbox's (a
// one-time link sent there, 24 hours) and the account's again when the link is followed (the
// confirmation page needs the account signed in, so someone who receives the link by a typo
// cannot move the account to themselves).
//
// The request answers alike for every address: "we sent a confirmation link". An address that
// already has an account gets an email saying it cannot be used, instead of a link, so the form
// does not tell a signed-in person who else has an account. If the address was taken between
// the request and the confirmation, the confirmation says it cannot be used.
//
// Once confirmed: the old address is told, every other session of the account ends (the person
// who confirmed stays signed in), and links sent to the old address stop working.
import type { AuthToken } from "../../db/generated/client";
import { isUniqueViolation } from "../../db/errors";
import { badRequest, tooMany } from "../../access/errors";
import type { AccountRequest } from "./account-request";
import { enqueueAccountEmail, sendSoon } from "./account-emails";
import { emailChangeConfirmEmail, emailChangedNotice, emailChangeTakenEmail } from "./account-templates";
import { auditAccount } from "./audit";
import { confirmIdentity } from "./confirm-identity";
import { normaliseEmail } from "./email-address";
import { endSessions } from "./sessions";
import { consumeToken, issueToken, LINK_INVALID, peekToken, retireTokens, TOKEN_LIFETIME_MS } from "./tokens";

// At most this many requests an hour: each one emails an address the person chose.
export const MAX_REQUESTS_PER_HOUR = 5;
export const SAME_EMAIL = "That is already your email address.";
export const TOO_MANY_REQUESTS = `You have asked for ${MAX_REQUESTS_PER_HOUR} email changes in the last hour. Try again later.`;
export const ADDRESS_UNUSABLE = "This address cannot be used for your account. Ask for the change again with another address.";
export const EARLIER_CHANGE = "This link was for an earlier change of your email address. Ask for a new one.";

const HOUR_MS = 60 * 60_000;

export async function requestEmailChange(
  a: AccountRequest,
  input: { newEmail: string; currentPassword?: string | null },
  now = new Date(),
): Promise<{ sentTo: string; hours: number }> {
  const user = await a.db.user.findUniqueOrThrow({
    where: { id: a.userId },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const newEmail = normaliseEmail(input.newEmail);
  if (newEmail === user.email) throw badRequest(SAME_EMAIL, "email");
  const recent = await a.db.accountAuditEvent.count({
    where: { userId: user.id, action: "email.change_requested", createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
  });
  if (recent >= MAX_REQUESTS_PER_HOUR) throw tooMany(TOO_MANY_REQUESTS);
  await confirmIdentity(a, user, input.currentPassword, now);

  const hours = TOKEN_LIFETIME_MS.EMAIL_CHANGE / HOUR_MS;
  const taken = await a.db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  await a.db.$transaction(async (tx) => {
    // The latest request is the one that counts: earlier links stop working.
    await retireTokens(tx, user.id, "EMAIL_CHANGE", now);
    if (taken) {
      await enqueueAccountEmail(tx, emailChangeTakenEmail({ to: newEmail }));
    } else {
      const data = { newEmail, oldEmail: user.email };
      const token = await issueToken(tx, { purpose: "EMAIL_CHANGE", email: newEmail, userId: user.id, data, now });
      await enqueueAccountEmail(tx, emailChangeConfirmEmail({ to: newEmail, name: user.name, token, hours }));
    }
    // The same record either way: the account's owner reads it on their account page.
    await auditAccount(tx, {
      action: "email.change_requested",
      userId: user.id,
      actorUserId: user.id,
      email: user.email,
      address: a.address,
      detail: { newEmail },
    });
  });
  sendSoon();
  return { sentTo: newEmail, hours };
}

// The link, read for the confirmation page: it must be this account's, for its current address.
async function readLink(a: AccountRequest, token: string, currentEmail: string, now: Date): Promise<AuthToken> {
  const row = await peekToken(a.db, "EMAIL_CHANGE", token, now);
  if (row.userId !== a.userId) throw badRequest(LINK_INVALID);
  const data = (row.data ?? {}) as { oldEmail?: unknown };
  if (data.oldEmail !== currentEmail) throw badRequest(EARLIER_CHANGE);
  return row;
}

export async function previewEmailChange(a: AccountRequest, token: string, now = new Date()) {
  const user = await a.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { email: true } });
  const row = await readLink(a, token, user.email, now);
  return { currentEmail: user.email, newEmail: row.email, expiresAt: row.expiresAt };
}

export async function confirmEmailChange(
  a: AccountRequest,
  token: string,
  now = new Date(),
): Promise<{ email: string; otherSessionsEnded: number }> {
  const user = await a.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { id: true, email: true, name: true } });
  const row = await readLink(a, token, user.email, now);
  const newEmail = row.email;
  const ended = await a.db.$transaction(async (tx) => {
    // Refused before the link is used, so it still shows why if followed again.
    if (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw badRequest(ADDRESS_UNUSABLE);
    await consumeToken(tx, "EMAIL_CHANGE", token, now);
    try {
      await tx.user.update({ where: { id: user.id }, data: { email: newEmail } });
    } catch (error) {
      // Taken by a sign-up in the same instant.
      if (isUniqueViolation(error)) throw badRequest(ADDRESS_UNUSABLE);
      throw error;
    }
    // Links already sent to the old address no longer act on the account.
    for (const purpose of ["EMAIL_CHANGE", "SIGN_IN", "PASSWORD_RESET"] as const) await retireTokens(tx, user.id, purpose, now);
    const { count } = await endSessions(tx, user.id, "EMAIL_CHANGED", { except: a.sessionId ?? undefined, now });
    await enqueueAccountEmail(tx, emailChangedNotice({ to: user.email, name: user.name, newEmail, at: now }));
    await auditAccount(tx, {
      action: "email.changed",
      userId: user.id,
      actorUserId: user.id,
      email: newEmail,
      address: a.address,
      detail: { from: user.email, to: newEmail, otherSessionsEnded: count },
    });
    return count;
  });
  sendSoon();
  return { email: newEmail, otherSessionsEnded: ended };
}
