// "Forgot your password?": anyone may ask for any address, and the answer never says whether the
// address has an account (the same words, and the email is only queued: it is sent after the
// response). An account gets a link of 256 random bits, stored hashed, working once for one hour;
// a new request retires the older links, and at most one is sent a minute, so the form cannot
// flood an inbox. Choosing the new password ends every session of the account, clears its failed
// sign-ins (the link proved the owner) and signs the browser that chose it in afresh. An account
// that has never had a password (invited by link, single sign-on) sets its first one this way.
import type { PrismaClient } from "../../db/generated/client";
import { badRequest } from "../../access/errors";
import { hashPassword } from "../../password";
import { MIN_PASSWORD_LENGTH } from "../../password-policy";
import { forgetFailures } from "../throttle";
import { enqueueAccountEmail, sendSoon } from "./account-emails";
import { auditAccount } from "./audit";
import { normaliseEmail } from "./email-address";
import { handOffSignIn } from "./handoff";
import { checkLink, claimLink, type LinkWords } from "./link-check";
import { passwordResetEmail } from "./recovery-templates";
import { endSessions } from "./sessions";
import { issueToken, retireTokens, TOKEN_LIFETIME_MS } from "./tokens";

export const RESET_MINUTES = TOKEN_LIFETIME_MS.PASSWORD_RESET / 60_000;
const MIN_INTERVAL_MS = 60_000;

export const RESET_LINK_WORDS: LinkWords = {
  invalid: "This password reset link is not valid. Check that you copied all of it, or ask for a new one.",
  used: "This password reset link has already been used, or a newer one was sent. Use the link in the latest email, or ask for a new one.",
  expired: `This password reset link has expired: each link works for ${RESET_MINUTES} minutes. Ask for a new one.`,
};

// What the form answers, whatever the address.
const ANSWER = { expiresInMinutes: RESET_MINUTES } as const;

interface RequestOptions {
  address?: string | null;
  now?: Date;
}

export async function requestPasswordReset(db: PrismaClient, rawEmail: string, opts: RequestOptions = {}): Promise<typeof ANSWER> {
  const now = opts.now ?? new Date();
  const email = normaliseEmail(rawEmail);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) {
    // Kept for the operators (someone trying addresses), like a failed sign-in for an unknown one.
    await auditAccount(db, { action: "password.reset_requested", email, address: opts.address, detail: { account: false } });
    return ANSWER;
  }
  const recent = await db.authToken.count({
    where: { userId: user.id, purpose: "PASSWORD_RESET", createdAt: { gt: new Date(now.getTime() - MIN_INTERVAL_MS) } },
  });
  // The link sent less than a minute ago still works.
  if (recent > 0) return ANSWER;
  await db.$transaction(async (tx) => {
    // The last email is the one that works.
    await retireTokens(tx, user.id, "PASSWORD_RESET", now);
    const token = await issueToken(tx, { purpose: "PASSWORD_RESET", email: user.email, userId: user.id, now });
    await enqueueAccountEmail(tx, passwordResetEmail(user.email, token, RESET_MINUTES));
    await auditAccount(tx, { action: "password.reset_requested", userId: user.id, email: user.email, address: opts.address });
  });
  sendSoon();
  return ANSWER;
}

export type ResetLinkState =
  | { ok: true; email: string; hasPassword: boolean }
  | { ok: false; problem: "invalid" | "used" | "expired"; message: string; email: string | null };

// What the reset page shows before the new password is chosen. The account must still have the
// address the link was sent to (an email change since voids it).
export async function checkPasswordReset(db: PrismaClient, token: string, now = new Date()): Promise<ResetLinkState> {
  const state = await checkLink(db, "PASSWORD_RESET", token, RESET_LINK_WORDS, now);
  if (!state.ok) return state;
  const user = state.token.userId
    ? await db.user.findUnique({ where: { id: state.token.userId }, select: { email: true, passwordHash: true } })
    : null;
  if (!user || user.email !== state.token.email) return { ok: false, problem: "invalid", message: RESET_LINK_WORDS.invalid, email: null };
  return { ok: true, email: user.email, hasPassword: user.passwordHash !== null };
}

export async function resetPassword(
  db: PrismaClient,
  input: { token: string; password: string },
  opts: RequestOptions = {},
): Promise<{ email: string; signInToken: string }> {
  const now = opts.now ?? new Date();
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw badRequest(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`, "password");
  // A dead link is refused before the slow hash.
  const state = await checkPasswordReset(db, input.token, now);
  if (!state.ok) throw badRequest(state.message);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const used = await claimLink(tx, "PASSWORD_RESET", input.token, RESET_LINK_WORDS, now);
    const user = used.userId ? await tx.user.findUnique({ where: { id: used.userId }, select: { id: true, email: true } }) : null;
    if (!user || user.email !== used.email) throw badRequest(RESET_LINK_WORDS.invalid);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    // Whoever knew the old password (or held a session) is out, everywhere, at once.
    const ended = await endSessions(tx, user.id, "PASSWORD_RESET", { now });
    await retireTokens(tx, user.id, "PASSWORD_RESET", now);
    await forgetFailures(tx, user.email);
    await auditAccount(tx, {
      action: "password.reset",
      userId: user.id,
      actorUserId: user.id,
      email: user.email,
      address: opts.address,
      detail: { sessionsEnded: ended.count },
    });
    return { email: user.email, signInToken: await handOffSignIn(tx, user, now) };
  });
}
