// Changing the password or the email address takes more than a live session: a browser left
// signed in, or a stolen cookie, must not be enough to take the account over (the email address
// is where password resets go).
//
// - An account with a password types it again. The check runs under the sign-in throttle
//   (throttle.ts) exactly like a sign-in: the same (account, address) pair delays, and a wrong
//   one counts towards the account's hourly ceiling. Over the ceiling a right password is still
//   accepted here: the caller already holds a live session of the account, and the ceiling is
//   there to bound guesses from people who do not; the pair's delays still slow a guesser down.
// - An account without a password (it signs in by emailed link or SSO) has nothing to type: it
//   must have signed in that way within the last 15 minutes, which proves the inbox (or the
//   company sign-in) just now. Otherwise the person signs in again by link first.
import type { User } from "../../db/generated/client";
import { badRequest, tooMany } from "../../access/errors";
import { dummyPasswordHash, verifyPassword } from "../../password";
import { beginAttempt, ThrottledError } from "../throttle";
import type { AccountRequest } from "./account-request";
import { auditAccount } from "./audit";

export const RECENT_SIGN_IN_MS = 15 * 60_000;
// How a session must have begun for it to stand in for a password.
const PROVING_METHODS = new Set(["EMAIL_LINK", "SSO"]);

export const ENTER_CURRENT_PASSWORD = "Enter your current password.";
export const WRONG_CURRENT_PASSWORD = "That is not your current password.";
export const SIGN_IN_AGAIN =
  "Your account has no password, so we ask for a fresh sign-in instead: sign out, sign in again with an emailed link, and come back here within 15 minutes.";

// Whether this session began by emailed link or SSO within the last 15 minutes.
export async function recentlyProved(a: AccountRequest, now = new Date()): Promise<boolean> {
  if (!a.sessionId) return false;
  const session = await a.db.userSession.findUnique({
    where: { id: a.sessionId },
    select: { userId: true, method: true, createdAt: true, endedAt: true },
  });
  return (
    !!session &&
    session.userId === a.userId &&
    !session.endedAt &&
    PROVING_METHODS.has(session.method) &&
    now.getTime() - session.createdAt.getTime() <= RECENT_SIGN_IN_MS
  );
}

// Refuses (and records a wrong password) unless the person has just proved who they are.
export async function confirmIdentity(
  a: AccountRequest,
  user: Pick<User, "id" | "email" | "passwordHash">,
  currentPassword: string | null | undefined,
  now = new Date(),
): Promise<void> {
  if (!user.passwordHash) {
    if (!(await recentlyProved(a, now))) throw badRequest(SIGN_IN_AGAIN);
    return;
  }
  if (!currentPassword) throw badRequest(ENTER_CURRENT_PASSWORD, "currentPassword");
  let attempt;
  try {
    attempt = await beginAttempt(a.db, user.email, a.address, now);
  } catch (error) {
    if (error instanceof ThrottledError) throw tooMany(error.message);
    throw error;
  }
  // Overlong input costs the same as a wrong password (the zod schema bounds it anyway).
  const ok =
    currentPassword.length <= 200
      ? await verifyPassword(user.passwordHash, currentPassword)
      : (await verifyPassword(await dummyPasswordHash(), "x"), false);
  if (!ok) {
    await auditAccount(a.db, {
      action: "password.check_failed",
      userId: user.id,
      actorUserId: user.id,
      email: user.email,
      address: a.address,
    });
    throw badRequest(WRONG_CURRENT_PASSWORD, "currentPassword");
  }
  await attempt.succeeded();
}
