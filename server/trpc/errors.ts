// The one place refusals become tRPC errors: a service's or the access module's DomainError keeps
// its code (and so its HTTP status: 401, 403, 404, 400, 409, 429) and its message; a database too
// busy to answer in time is 503, "try again" (server/db/errors.ts); anything else is an internal
// failure, whose own text is for the server log, not the user.
import { TRPCError } from "@trpc/server";
import { isDomainError } from "../access/errors";
import { BUSY_MESSAGE, isDatabaseBusy } from "../db/errors";

export function toTRPCError(error: unknown): TRPCError | null {
  const cause = error instanceof TRPCError && error.code === "INTERNAL_SERVER_ERROR" ? error.cause : error;
  if (isDomainError(cause)) return new TRPCError({ code: cause.code, message: cause.message, cause });
  if (isDatabaseBusy(cause)) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause });
  return null;
}
