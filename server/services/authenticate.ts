// Checking an email and password at sign-in, with failed attempts rate-limited per account and
// per client address.
import type { PrismaClient } from "../db/generated/client";
import { dummyPasswordHash, verifyPassword } from "../password";
import { beginAttempt, type ThrottleKind } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function authenticate(db: PrismaClient, credentials: { email: string; password: string }, address: string | null) {
  const email = normaliseEmail(credentials.email);
  const keys: { kind: ThrottleKind; value: string }[] = [{ kind: "account", value: email }];
  if (address) keys.push({ kind: "address", value: address });
  const attempt = await beginAttempt(db, keys);

  const user = await db.user.findUnique({ where: { email } });
  const ok = user
    ? await verifyPassword(user.passwordHash, credentials.password)
    : (await verifyPassword(await dummyPasswordHash(), credentials.password), false);
  // A wrong password keeps the places it reserved: those are the failures that count.
  if (!user || !ok) throw new Error(WRONG_CREDENTIALS);
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name };
}
