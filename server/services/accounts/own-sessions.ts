// A person's own signed-in sessions, for the account page: each live one (device, address, when
// it began and was last seen, which one is this browser), signing one out, and "sign out
// everywhere". The page names a session by a handle derived from its id, never the id itself:
// the id is what the cookie carries, and has no business in a page.
import { createHash } from "node:crypto";
import type { AccountRequest } from "./account-request";
import { auditAccount } from "./audit";
import { endSession, endSessions, liveSessions, type SignInMethod } from "./sessions";
import { describeUserAgent } from "./user-agent";

export const sessionHandle = (sessionId: string) => createHash("sha256").update(sessionId, "utf8").digest("base64url").slice(0, 22);

export async function listOwnSessions(a: AccountRequest, now = new Date()) {
  const rows = await liveSessions(a.db, a.userId, now);
  const sessions = rows.map((s) => ({
    handle: sessionHandle(s.id),
    current: s.id === a.sessionId,
    device: describeUserAgent(s.userAgent),
    userAgent: s.userAgent,
    method: s.method as SignInMethod,
    address: s.address,
    startedAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
  }));
  // This browser first, then the most recently seen.
  return sessions.sort((x, y) => Number(y.current) - Number(x.current));
}

// Signs one of the person's sessions out (this browser's too, which then needs the sign-in page).
// A session already ended, or a handle of nobody's, ends nothing and says so: the result is the
// one asked for either way.
export async function endOwnSession(a: AccountRequest, handle: string, now = new Date()): Promise<{ ended: boolean; current: boolean }> {
  const live = await liveSessions(a.db, a.userId, now);
  const session = live.find((s) => sessionHandle(s.id) === handle);
  if (!session) return { ended: false, current: false };
  const current = session.id === a.sessionId;
  const { count } = await endSession(a.db, session.id, "SIGNED_OUT", now);
  if (count === 0) return { ended: false, current };
  const user = await a.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { email: true } });
  await auditAccount(a.db, {
    action: "sessions.ended",
    userId: a.userId,
    actorUserId: a.userId,
    email: user.email,
    address: a.address,
    detail: { count, reason: "SIGNED_OUT", device: describeUserAgent(session.userAgent), sessionAddress: session.address, current },
  });
  return { ended: true, current };
}

// Every session of the account ends, this browser's included: the page then signs it out of
// next-auth too and goes to the sign-in page.
export async function signOutEverywhere(a: AccountRequest, now = new Date()): Promise<{ ended: number }> {
  const user = await a.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { email: true } });
  const { count } = await a.db.$transaction(async (tx) => {
    const result = await endSessions(tx, a.userId, "SIGNED_OUT_EVERYWHERE", { now });
    await auditAccount(tx, {
      action: "sessions.ended",
      userId: a.userId,
      actorUserId: a.userId,
      email: user.email,
      address: a.address,
      detail: { count: result.count, reason: "SIGNED_OUT_EVERYWHERE" },
    });
    return result;
  });
  return { ended: count };
}
