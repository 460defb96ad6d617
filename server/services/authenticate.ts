// Checking an email and password at sign-in, under the throttle's two rules (throttle.ts).
import type { PrismaClient } from "../db/generated/client";
import { dummyPasswordHash, verifyPassword } from "../password";
import { auditAccount } from "./accounts/audit";
import { normaliseEmail } from "./accounts/email-address";
import { requestSignInLink } from "./accounts/sign-in-link";
import { ssoRequiredDomain, ssoRequiredMessage } from "./sso/required";
import { beginAttempt } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";
export const OVER_CEILING =
  "This account has had too many failed sign-in attempts. If the password was right, we have emailed you a link to sign in.";

export { normaliseEmail } from "./accounts/email-address";

export async function authenticate(
  db: PrismaClient,
  credentials: { email: string; password: string },
  address: string | null,
  now = new Date(),
) {
  const email = normaliseEmail(credentials.email);
  // Decided by the domain alone, before any password is checked: says nothing about the account.
  const ssoDomain = await ssoRequiredDomain(db, email);
  if (ssoDomain) {
    await auditAccount(db, { action: "signin.failed", email, address, detail: { reason: "sso required" } });
    throw new Error(ssoRequiredMessage(ssoDomain));
  }
  const attempt = await beginAttempt(db, email, address, now);
  const user = await db.user.findUnique({ where: { email } });
  // An unknown email, or an account without a password, costs the same time as a wrong password.
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, credentials.password)
    : (await verifyPassword(await dummyPasswordHash(), credentials.password), false);
  if (attempt.overCeiling) {
    // A password alone no longer opens the account; the owner gets a link (and the answer is
    // the same either way, so it confirms no guess).
    if (ok) await requestSignInLink(db, email, { address, now });
    await auditAccount(db, { action: "signin.failed", userId: user?.id, email, address, detail: { reason: "ceiling" } });
    throw new Error(OVER_CEILING);
  }
  // A wrong password keeps the places it reserved: those are the failures that count.
  if (!user || !ok) {
    await auditAccount(db, { action: "signin.failed", userId: user?.id, email, address, detail: { reason: "wrong password" } });
    throw new Error(WRONG_CREDENTIALS);
  }
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name };
}
