// Rate limiting of failed sign-ins, per account and per client address. Kept in the database so
// it holds across app instances and restarts.
//
// Each attempt reserves its place with an atomic increment *before* the password is checked,
// so attempts that arrive together cannot all slip past the limit; an attempt refused by the
// limit, or one that turns out right, gives its place back.
import type { PrismaClient } from "../db/generated/client";
import { isUniqueViolation } from "../db/errors";

export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export type ThrottleKind = keyof typeof THROTTLE_RULES;

export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.toLowerCase()}`;

export class ThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    super(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "ThrottledError";
  }
}

async function increment(db: PrismaClient, key: string, now: Date) {
  try {
    return await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: { increment: 1 } },
    });
  } catch (error) {
    // Two first attempts raced to create the row: the loser increments the winner's.
    if (!isUniqueViolation(error)) throw error;
    return db.signInThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
  }
}

const giveBack = (db: PrismaClient, key: string) =>
  db.signInThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });

// Reserves one attempt for this key; throws ThrottledError (having given the place back) when
// the key is locked or the attempt would exceed the limit.
async function reserve(db: PrismaClient, kind: ThrottleKind, value: string, now: Date): Promise<void> {
  const rule = THROTTLE_RULES[kind];
  const key = throttleKey(kind, value);
  // A window that has run out starts again (an unlocked one, or one whose lock has passed).
  await db.signInThrottle.updateMany({
    where: {
      key,
      windowStart: { lt: new Date(now.getTime() - rule.windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
  const row = await increment(db, key, now);
  if (row.lockedUntil && row.lockedUntil > now) {
    await giveBack(db, key);
    throw new ThrottledError(row.lockedUntil.getTime() - now.getTime());
  }
  if (row.failures > rule.maxFailures) {
    await giveBack(db, key);
    const lockedUntil = new Date(now.getTime() + rule.lockMs);
    await db.signInThrottle.updateMany({
      where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil },
    });
    throw new ThrottledError(rule.lockMs);
  }
}

export interface Attempt {
  // The password was right: the account's count starts again, the address gets its place back.
  succeeded(): Promise<void>;
}

// Reserves an attempt against every given key, or throws ThrottledError with nothing reserved.
export async function beginAttempt(db: PrismaClient, keys: { kind: ThrottleKind; value: string }[], now = new Date()): Promise<Attempt> {
  const reserved: { kind: ThrottleKind; value: string }[] = [];
  try {
    for (const k of keys) {
      await reserve(db, k.kind, k.value, now);
      reserved.push(k);
    }
  } catch (error) {
    for (const k of reserved) await giveBack(db, throttleKey(k.kind, k.value));
    throw error;
  }
  return {
    async succeeded() {
      for (const k of reserved) {
        if (k.kind === "account") await db.signInThrottle.deleteMany({ where: { key: throttleKey(k.kind, k.value) } });
        else await giveBack(db, throttleKey(k.kind, k.value));
      }
    },
  };
}
