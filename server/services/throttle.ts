// Rate limiting of password guesses, kept in the database so it holds across app instances and
// restarts. Two rules (OWASP ASVS 2.2.1):
//
// - per (account, client address) pair, growing delays: three failures are free, then each one
//   doubles the wait before the next try from that address (1 s, 2 s, 4 s ... up to 15 minutes).
//   Guesses from one address never slow the owner down at another.
// - per account, a ceiling: after 100 failures within an hour (from anywhere), a password alone no
//   longer signs the account in; a right one gets a sign-in link emailed to the owner instead.
//   The right password is never simply refused, and the answer does not say whether it was right.
//
// Each attempt reserves its place before the password is checked, so attempts that arrive
// together cannot slip past either rule; the right password gives the places back.
import type { PrismaClient } from "../db/generated/client";
import { reservePair, type PairRule } from "../db/sign-in-throttle";
import { isUniqueViolation } from "../db/errors";

export const PAIR_RULE: PairRule = { freeFailures: 3, maxDelayS: 15 * 60, windowMs: 60 * 60_000 };
export const ACCOUNT_CEILING = { maxFailures: 100, windowMs: 60 * 60_000 } as const;

export const throttleKey = (kind: "pair" | "account", value: string) => `${kind}:${value.toLowerCase()}`;
const pairKey = (email: string, address: string | null) => throttleKey("pair", `${email}|${address ?? "unknown"}`);

export class ThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
    super(`Too many failed sign-in attempts from here. Try again in ${wait}.`);
    this.name = "ThrottledError";
  }
}

async function incrementAccount(db: PrismaClient, key: string, now: Date) {
  // A window that has run out starts again.
  await db.signInThrottle.updateMany({
    where: { key, windowStart: { lt: new Date(now.getTime() - ACCOUNT_CEILING.windowMs) } },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
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

export interface Attempt {
  // Over the ceiling: whatever the password, it does not sign in by itself.
  readonly overCeiling: boolean;
  // The password was right: the pair starts again and the account's place is given back.
  succeeded(): Promise<void>;
}

// Reserves an attempt for this account from this address, or throws ThrottledError (nothing
// reserved) while the pair must wait.
export async function beginAttempt(db: PrismaClient, email: string, address: string | null, now = new Date()): Promise<Attempt> {
  const pair = pairKey(email, address);
  const reserved = await reservePair(db, pair, PAIR_RULE, now);
  if (!reserved.ok) throw new ThrottledError(reserved.retryAfterMs);
  const accountKey = throttleKey("account", email);
  const account = await incrementAccount(db, accountKey, now);
  return {
    overCeiling: account.failures > ACCOUNT_CEILING.maxFailures,
    async succeeded() {
      await db.signInThrottle.deleteMany({ where: { key: pair } });
      await db.signInThrottle.updateMany({ where: { key: accountKey, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
    },
  };
}

// A password reset proves the owner: the account's failures and every address's delays for it
// start again. (Keys are compared exactly: an address may contain LIKE's wildcards.)
export async function forgetFailures(db: Pick<PrismaClient, "signInThrottle">, email: string): Promise<void> {
  const prefix = throttleKey("pair", `${email}|`);
  const pairs = await db.signInThrottle.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } });
  const keys = [throttleKey("account", email), ...pairs.map((p) => p.key).filter((k) => k.startsWith(prefix))];
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}
