// The request context before the ladder: the database and who is asking. Membership and role are
// not in the session token; the procedure ladder reads them from the database on every request,
// so a removed member loses access at once.
import type { PrismaClient } from "../db/generated/client";
import { getDb } from "../db/client";
import type { RequestContext } from "../access/context";

export type Context = RequestContext;

export const createContextFor = (
  userId: string | null,
  db: PrismaClient = getDb(),
  request: { sessionId?: string | null; address?: string | null } = {},
): Context => ({ db, userId, sessionId: request.sessionId ?? null, address: request.address ?? null });

// For the HTTP handler and the server-component caller.
export async function createRequestContext(): Promise<Context> {
  const [{ currentSession }, { headers }, { clientAddress }] = await Promise.all([
    import("../session"),
    import("next/headers"),
    import("../http/client-address"),
  ]);
  const session = await currentSession();
  return createContextFor(session?.userId ?? null, getDb(), { sessionId: session?.sessionId, address: clientAddress(await headers()) });
}
