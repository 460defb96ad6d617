// "Email me a sign-in link": anyone may ask, for any address; the answer never says whether the
// address has an account. An account gets at most one link a minute, so the form cannot be used
// to flood someone's inbox. The link may carry where to go once signed in (`next`, a path of this
// site), kept with the token rather than in the emailed URL.
import type { PrismaClient } from "../../db/generated/client";
import { badRequest } from "../../access/errors";
import { ssoRequiredDomain, ssoRequiredMessage } from "../sso/required";
import { normaliseEmail } from "./email-address";
import { checkLink, type LinkState, type LinkWords } from "./link-check";
import { safeNextPath } from "./next-path";
import { enqueueAccountEmail, sendSoon } from "./account-emails";
import { auditAccount } from "./audit";
import { signInLinkEmail } from "./templates";
import { issueToken, TOKEN_LIFETIME_MS } from "./tokens";

const MIN_INTERVAL_MS = 60_000;

export async function requestSignInLink(
  db: PrismaClient,
  rawEmail: string,
  opts: { address?: string | null; now?: Date; next?: string | null } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  const email = normaliseEmail(rawEmail);
  // A link could not be used to sign in (signInAs refuses it): say so instead of sending one.
  const ssoDomain = await ssoRequiredDomain(db, email);
  if (ssoDomain) throw badRequest(ssoRequiredMessage(ssoDomain));
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  // Counted in emails, not tokens: the sign-in a reset or sign-up hands its page is not an email.
  const recent = await db.accountEmail.count({
    where: { to: user.email, kind: "SIGN_IN_LINK", createdAt: { gt: new Date(now.getTime() - MIN_INTERVAL_MS) } },
  });
  if (recent > 0) return;
  await db.$transaction(async (tx) => {
    const next = opts.next ? safeNextPath(opts.next, "") : "";
    const token = await issueToken(tx, {
      purpose: "SIGN_IN",
      email: user.email,
      userId: user.id,
      now,
      ...(next ? { data: { next } } : {}),
    });
    await enqueueAccountEmail(tx, signInLinkEmail(user.email, token, TOKEN_LIFETIME_MS.SIGN_IN / 60_000));
    await auditAccount(tx, { action: "signin.link_sent", userId: user.id, email: user.email, address: opts.address });
  });
  sendSoon();
}

export const SIGN_IN_LINK_WORDS: LinkWords = {
  invalid: "This sign-in link is not valid. Check that you copied all of it, or ask for a new one.",
  used: "This sign-in link has already been used. Each link works once: ask for a new one.",
  expired: `This sign-in link has expired: each link works for ${TOKEN_LIFETIME_MS.SIGN_IN / 60_000} minutes. Ask for a new one.`,
};

// What the link's page shows before the person presses "Sign in" (which uses it): whose account,
// and where they go next.
export async function checkSignInLink(
  db: PrismaClient,
  token: string,
  now = new Date(),
): Promise<{ ok: true; email: string; next: string } | Extract<LinkState, { ok: false }>> {
  const state = await checkLink(db, "SIGN_IN", token, SIGN_IN_LINK_WORDS, now);
  if (!state.ok) return state;
  // As the sign-in itself will: the account must still have the address the link went to.
  const user = state.token.userId ? await db.user.findUnique({ where: { id: state.token.userId }, select: { email: true } }) : null;
  if (user?.email !== state.token.email) return { ok: false, problem: "invalid", message: SIGN_IN_LINK_WORDS.invalid, email: null };
  const data = state.token.data as { next?: unknown } | null;
  return { ok: true, email: state.token.email, next: safeNextPath(data?.next) };
}
