// Who asks for a change to an account, as the account services see it: the database, the
// signed-in account, the session the request's cookie names (null for in-process callers: tests,
// jobs) and the client's address for the audit log. Built by the account router from its
// context; the services know nothing of tRPC.
import type { PrismaClient } from "../../db/generated/client";

export interface AccountRequest {
  db: PrismaClient;
  userId: string;
  sessionId: string | null;
  address: string | null;
}
