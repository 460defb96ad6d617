// A unique-constraint violation, on either database: Prisma reports PostgreSQL's (through
// adapter-pg) as P2002, while PGlite's adapter passes the server's own error through, whose
// SQLSTATE for unique_violation is 23505.
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; name?: string; cause?: { kind?: string; code?: string } };
  if (e.code === "P2002") return true;
  return e.name === "DriverAdapterError" && e.cause?.kind === "postgres" && e.cause.code === "23505";
}

// "Too busy right now", not "this request is wrong": a transaction that could not start or finish
// within Prisma's limits (P2028), or no pooled connection free in time (P2024). Under overload
// these are what a request meets; each leaves nothing written (the transaction is rolled back, or
// the query never ran), so the answer is 503 and "try again" (server/trpc/errors.ts), not a 500
// that reads like a fault.
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: string }).code;
  return code === "P2028" || code === "P2024";
}

// Seconds a client should wait before trying again, and what it is told.
export const BUSY_RETRY_AFTER_SECONDS = 2;
export const BUSY_MESSAGE = "We are very busy right now, and nothing was saved. Please try again in a few seconds.";
