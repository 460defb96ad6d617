// Changing the password from the account page (or choosing a first one, for an account that
// signs in by link or SSO; confirm-identity.ts says what each must prove first). Every other
// session of the account ends at once (a thief's copy of a cookie among them); the browser that
// made the change stays signed in. Reset links still unused stop working.
import { badRequest } from "../../access/errors";
import { hashPassword } from "../../password";
import { MIN_PASSWORD_LENGTH } from "../../password-policy";
import type { AccountRequest } from "./account-request";
import { auditAccount } from "./audit";
import { confirmIdentity } from "./confirm-identity";
import { endSessions } from "./sessions";
import { retireTokens } from "./tokens";

export const MAX_PASSWORD_LENGTH = 200;
export const SAME_PASSWORD = "Choose a new password, different from your current one.";
export const SHORT_PASSWORD = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;

export async function changePassword(
  a: AccountRequest,
  input: { currentPassword?: string | null; newPassword: string },
  now = new Date(),
): Promise<{ firstPassword: boolean; otherSessionsEnded: number }> {
  const user = await a.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { id: true, email: true, passwordHash: true } });
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) throw badRequest(SHORT_PASSWORD, "newPassword");
  if (input.newPassword.length > MAX_PASSWORD_LENGTH) throw badRequest(`Use at most ${MAX_PASSWORD_LENGTH} characters.`, "newPassword");
  await confirmIdentity(a, user, input.currentPassword, now);
  // Only after the current password was checked: before, this would tell a guesser it was right.
  if (user.passwordHash && input.currentPassword === input.newPassword) throw badRequest(SAME_PASSWORD, "newPassword");

  const passwordHash = await hashPassword(input.newPassword);
  const firstPassword = !user.passwordHash;
  const ended = await a.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    await retireTokens(tx, user.id, "PASSWORD_RESET", now);
    const { count } = await endSessions(tx, user.id, "PASSWORD_CHANGED", { except: a.sessionId ?? undefined, now });
    await auditAccount(tx, {
      action: "password.changed",
      userId: user.id,
      actorUserId: user.id,
      email: user.email,
      address: a.address,
      detail: { firstPassword, otherSessionsEnded: count },
    });
    return count;
  });
  return { firstPassword, otherSessionsEnded: ended };
}
