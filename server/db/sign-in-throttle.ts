// The one statement of the sign-in throttle that Prisma cannot say: reserve an attempt for an
// (account, address) pair only when the pair is not waiting out a delay, and start the next
// delay in the same statement. PostgreSQL re-checks the WHERE after taking the row's lock, so of
// attempts arriving together exactly those the rule allows get through. SignInThrottle is a
// global table (no workspace), so this is not a tenant statement.
import type { PrismaClient } from "./generated/client";

export interface PairRule {
  // Failures allowed without any wait; after them each failure doubles the wait, up to maxDelayS.
  freeFailures: number;
  maxDelayS: number;
  // A pair quiet for this long starts again from nothing.
  windowMs: number;
}

// The pair's reserved attempt number, or null (with the time to wait) when it must wait.
export async function reservePair(
  db: PrismaClient,
  key: string,
  rule: PairRule,
  now: Date,
): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  const stale = new Date(now.getTime() - rule.windowMs);
  await db.$executeRaw`
    INSERT INTO "SignInThrottle" (key, failures, "windowStart", "lockedUntil") VALUES (${key}, 0, ${now}, NULL)
    ON CONFLICT (key) DO UPDATE SET failures = 0, "windowStart" = ${now}, "lockedUntil" = NULL
      WHERE "SignInThrottle"."windowStart" < ${stale} AND ("SignInThrottle"."lockedUntil" IS NULL OR "SignInThrottle"."lockedUntil" <= ${now})`;
  const rows = await db.$queryRaw<{ failures: number }[]>`
    UPDATE "SignInThrottle"
       SET failures = failures + 1,
           "windowStart" = ${now},
           "lockedUntil" = ${now}::timestamp + make_interval(secs => CASE
             WHEN failures + 1 <= ${rule.freeFailures} THEN 0
             ELSE LEAST(${rule.maxDelayS}::float8, power(2, failures + 1 - ${rule.freeFailures} - 1))
           END)
     WHERE key = ${key} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
     RETURNING failures`;
  if (rows.length === 1) return { ok: true };
  const row = await db.signInThrottle.findUnique({ where: { key } });
  return { ok: false, retryAfterMs: Math.max(1000, (row?.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) };
}
