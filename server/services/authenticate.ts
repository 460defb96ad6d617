// Checking an email and password at sign-in, with failed attempts rate-limited per account and
// per client address.
import type { PrismaClient } from "../db/generated/client";
import { dummyPasswordHash, verifyPassword } from "../password";
import { assertNotThrottled, clearAccount, recordFailure, throttleKey } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function authenticate(
  db: PrismaClient,
  credentials: { email: string; password: string },
  address: string | null,
) {
  const email = normaliseEmail(credentials.email);
  const keys = [throttleKey("account", email), ...(address ? [throttleKey("address", address)] : [])];
  await assertNotThrottled(db, keys);

  const user = await db.user.findUnique({ where: { email } });
  const ok = user
    ? await verifyPassword(user.passwordHash, credentials.password)
    : (await verifyPassword(await dummyPasswordHash(), credentials.password), false);
  if (!user || !ok) {
    await recordFailure(db, "account", email);
    if (address) await recordFailure(db, "address", address);
    throw new Error(WRONG_CREDENTIALS);
  }
  await clearAccount(db, email);
  return { id: user.id, email: user.email, name: user.name };
}
