// Reading the signed-in user from next-auth's session cookie (server components, route handlers).
// A cookie is only as good as the session row it names: an ended or expired session (sign-out,
// password change, "sign out everywhere", ...) reads as signed out, even from a copy of the cookie.
import { getServerSession, type Session } from "next-auth";
import { authOptions } from "./auth";
import { getDb } from "./db/client";
import { liveSessionUser } from "./services/accounts/sessions";

// What a decoded cookie's session is worth: its account and session row while the row is live.
export async function liveSessionOf(session: Session | null): Promise<{ userId: string; sessionId: string } | null> {
  const userId = session?.user?.id;
  if (!userId || !session.sid) return null;
  const live = await liveSessionUser(getDb(), userId, session.sid);
  return live ? { userId: live, sessionId: session.sid } : null;
}

export async function currentSession(): Promise<{ userId: string; sessionId: string } | null> {
  return liveSessionOf(await getServerSession(authOptions));
}

export async function currentUserId(): Promise<string | null> {
  return (await currentSession())?.userId ?? null;
}
