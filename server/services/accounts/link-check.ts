// What an emailed link's page says before anything is done with the link: open, or why not, in
// the words of its own flow ("This password reset link has expired ..."). Looking does not use
// the link (mail scanners fetch links before people click them); only the page's button does.
import type { AuthToken, AuthTokenPurpose, PrismaClient } from "../../db/generated/client";
import { badRequest, isDomainError } from "../../access/errors";
import { consumeToken, hashToken, LINK_EXPIRED, LINK_USED } from "./tokens";

export type LinkProblem = "invalid" | "used" | "expired";

// The messages of one kind of link, for each way it can fail.
export type LinkWords = Record<LinkProblem, string>;

export type LinkState =
  | { ok: true; token: AuthToken }
  // The address the link was sent to, when the link is known (to offer a new one); never for an
  // unknown link.
  | { ok: false; problem: LinkProblem; message: string; email: string | null };

const MAX_TOKEN_LENGTH = 200;

export async function checkLink(
  db: Pick<PrismaClient, "authToken">,
  purpose: AuthTokenPurpose,
  token: string,
  words: LinkWords,
  now = new Date(),
): Promise<LinkState> {
  const row =
    typeof token === "string" && token.length > 0 && token.length <= MAX_TOKEN_LENGTH
      ? await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } })
      : null;
  const refuse = (problem: LinkProblem, email: string | null): LinkState => ({ ok: false, problem, message: words[problem], email });
  if (!row || row.purpose !== purpose) return refuse("invalid", null);
  if (row.usedAt) return refuse("used", row.email);
  if (row.expiresAt <= now) return refuse("expired", row.email);
  return { ok: true, token: row };
}

// Uses the link (once, even with two clicks at once), refusing in the flow's own words. Call it
// inside the transaction that does what the link allows, so a refused change leaves it unused.
export async function claimLink(
  db: Pick<PrismaClient, "authToken">,
  purpose: AuthTokenPurpose,
  token: string,
  words: LinkWords,
  now = new Date(),
): Promise<AuthToken> {
  try {
    return await consumeToken(db, purpose, token, now);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw badRequest(error.message === LINK_USED ? words.used : error.message === LINK_EXPIRED ? words.expired : words.invalid);
  }
}
