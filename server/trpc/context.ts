// The request context before the ladder: the database and who is asking. Membership and role are
// not in the session token; the procedure ladder reads them from the database on every request,
// so a removed member loses access at once.
import type { PrismaClient } from "../db/generated/client";
import { getDb } from "../db/client";
import type { RequestContext } from "../access/context";

export type Context = RequestContext;

export const createContextFor = (userId: string | null, db: PrismaClient = getDb()): Context => ({ db, userId });

// For the HTTP handler and the server-component caller.
export async function createRequestContext(): Promise<Context> {
  const { currentUserId } = await import("../session");
  return createContextFor(await currentUserId());
}
