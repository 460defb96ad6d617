// Signed-in sessions. The session cookie (a JWT signed by next-auth) carries the user id and a
// session id; the session is live only while its row here is: every request checks it
// (liveSessionUser), so ending a row ends that cookie everywhere at once, including a copy
// replayed from another machine. Sign-out ends one row; a password change or reset, removal
// from every workspace and "sign out everywhere" end all of an account's rows.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../db/generated/client";

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
// lastSeenAt is written at most this often, so an active session costs one read per request.
const TOUCH_EVERY_MS = 5 * 60_000;

export type SignInMethod = "PASSWORD" | "EMAIL_LINK" | "SSO";

export type EndReason =
  "SIGNED_OUT" | "SIGNED_OUT_EVERYWHERE" | "PASSWORD_CHANGED" | "PASSWORD_RESET" | "EMAIL_CHANGED" | "REMOVED" | "SSO_REQUIRED";

type Db = Pick<PrismaClient, "userSession">;

export async function startSession(
  db: Db,
  input: { userId: string; method: SignInMethod; address?: string | null; userAgent?: string | null; now?: Date },
): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const now = input.now ?? new Date();
  await db.userSession.create({
    data: {
      id,
      userId: input.userId,
      method: input.method,
      address: input.address ?? null,
      userAgent: input.userAgent ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
    },
  });
  return id;
}

// The account a cookie's (user, session) pair signs in, or null when the session has ended,
// expired or belongs to someone else.
export async function liveSessionUser(db: Db, userId: string, sessionId: string | undefined, now = new Date()): Promise<string | null> {
  if (!sessionId || typeof sessionId !== "string") return null;
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, expiresAt: true, lastSeenAt: true },
  });
  if (!row || row.userId !== userId || row.endedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return row.userId;
}

export const endSession = (db: Db, sessionId: string, reason: EndReason, now = new Date()) =>
  db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });

// Ends every live session of the account, but the one named in `except` (the browser that asked
// for a password change stays signed in).
export const endSessions = (db: Db, userId: string, reason: EndReason, opts: { except?: string; now?: Date } = {}) =>
  db.userSession.updateMany({
    where: { userId, endedAt: null, ...(opts.except ? { id: { not: opts.except } } : {}) },
    data: { endedAt: opts.now ?? new Date(), endReason: reason },
  });

export const liveSessions = (db: Db, userId: string, now = new Date()) =>
  db.userSession.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, method: true, createdAt: true, lastSeenAt: true, address: true, userAgent: true },
  });
