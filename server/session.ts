// Reading the signed-in user from next-auth's session cookie (server components, route handlers).
// A cookie is only as good as the session row it names: an ended or expired session (sign-out,
// password change, "sign out everywhere", ...) reads as signed out, even from a copy of the cookie.
import { getServerSession } from "next-auth";
import { authOptions } from "./auth";
import { getDb } from "./db/client";
import { liveSessionUser } from "./services/accounts/sessions";

export async function currentSession(): Promise<{ userId: string; sessionId: string } | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId || !session.sid) return null;
  const live = await liveSessionUser(getDb(), userId, session.sid);
  return live ? { userId: live, sessionId: session.sid } : null;
}

export async function currentUserId(): Promise<string | null> {
  return (await currentSession())?.userId ?? null;
}
