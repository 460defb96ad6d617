// One-time tokens for emailed links (password reset, sign-in, email change, sign-up). A token is
// 256 random bits, sent only in the link; the database keeps its sha256, so a copy of the
// database opens nothing. It is used at most once (a conditional update claims it, so two clicks
// at once cannot both succeed) and only until it expires.
import { createHash, randomBytes } from "node:crypto";
import type { AuthToken, AuthTokenPurpose, Prisma, PrismaClient } from "../../db/generated/client";
import { badRequest } from "../../access/errors";

export const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const TOKEN_LIFETIME_MS: Record<AuthTokenPurpose, number> = {
  PASSWORD_RESET: 60 * 60_000,
  SIGN_IN: 15 * 60_000,
  EMAIL_CHANGE: 24 * 60 * 60_000,
  SIGN_UP: 24 * 60 * 60_000,
};

type Tx = Pick<PrismaClient, "authToken">;

export async function issueToken(
  db: Tx,
  input: { purpose: AuthTokenPurpose; email: string; userId?: string | null; data?: Prisma.InputJsonValue; now?: Date },
): Promise<string> {
  const token = newToken();
  const now = input.now ?? new Date();
  await db.authToken.create({
    data: {
      purpose: input.purpose,
      tokenHash: hashToken(token),
      email: input.email,
      userId: input.userId ?? null,
      ...(input.data === undefined ? {} : { data: input.data }),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
    },
  });
  return token;
}

export const LINK_INVALID = "This link is not valid. Ask for a new one.";
export const LINK_USED = "This link has already been used. Ask for a new one.";
export const LINK_EXPIRED = "This link has expired. Ask for a new one.";

// What the token is, without using it (a page shows the form before the person confirms).
export async function peekToken(db: Tx, purpose: AuthTokenPurpose, token: string, now = new Date()): Promise<AuthToken> {
  const row =
    typeof token === "string" && token.length <= 200 ? await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
  if (!row || row.purpose !== purpose) throw badRequest(LINK_INVALID);
  if (row.usedAt) throw badRequest(LINK_USED);
  if (row.expiresAt <= now) throw badRequest(LINK_EXPIRED);
  return row;
}

// Uses the token: exactly one caller gets the row back; every other (and any later) call is
// refused with the reason. Call it inside the transaction that does what the token allows, so a
// refused change leaves the token unused.
export async function consumeToken(db: Tx, purpose: AuthTokenPurpose, token: string, now = new Date()): Promise<AuthToken> {
  const row = await peekToken(db, purpose, token, now);
  const claimed = await db.authToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw badRequest(LINK_USED);
  return { ...row, usedAt: now };
}

// A new link of a purpose replaces the older ones still unused (the last email is the one that works).
export const retireTokens = (db: Tx, userId: string, purpose: AuthTokenPurpose, now = new Date()) =>
  db.authToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
