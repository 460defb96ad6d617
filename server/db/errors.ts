// A unique-constraint violation, on either database: Prisma reports PostgreSQL's (through
// adapter-pg) as P2002, while PGlite's adapter passes the server's own error through, whose
// SQLSTATE for unique_violation is 23505.
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; name?: string; cause?: { kind?: string; code?: string } };
  if (e.code === "P2002") return true;
  return e.name === "DriverAdapterError" && e.cause?.kind === "postgres" && e.cause.code === "23505";
}
