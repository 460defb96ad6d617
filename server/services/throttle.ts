// Rate limiting of failed sign-ins, per account and per client address. Kept in the database so
// it holds across app instances and restarts.
import type { PrismaClient } from "../db/generated/client";

export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;

export const throttleKey = (kind: Kind, value: string) => `${kind}:${value.toLowerCase()}`;

export class ThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    super(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "ThrottledError";
  }
}

// Throws ThrottledError when any key is locked.
export async function assertNotThrottled(db: PrismaClient, keys: string[], now = new Date()): Promise<void> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const longest = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime() - now.getTime()));
  if (longest > 0) throw new ThrottledError(longest);
}

export async function recordFailure(db: PrismaClient, kind: Kind, value: string, now = new Date()): Promise<void> {
  const rule = THROTTLE_RULES[kind];
  const key = throttleKey(kind, value);
  await db.$transaction(async (tx) => {
    const row = await tx.signInThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null;
    await tx.signInThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil },
      update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
    });
  });
}

// A successful sign-in clears the account's record, not the address's: one good password does
// not excuse many guesses at other accounts from the same place.
export async function clearAccount(db: PrismaClient, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: throttleKey("account", email) } });
}
