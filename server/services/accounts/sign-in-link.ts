// "Email me a sign-in link": anyone may ask, for any address; the answer never says whether the
// address has an account. An account gets at most one link a minute, so the form cannot be used
// to flood someone's inbox.
import type { PrismaClient } from "../../db/generated/client";
import { badRequest } from "../../access/errors";
import { ssoRequiredDomain, ssoRequiredMessage } from "../sso/required";
import { normaliseEmail } from "./email-address";
import { enqueueAccountEmail, sendSoon } from "./account-emails";
import { auditAccount } from "./audit";
import { signInLinkEmail } from "./templates";
import { issueToken, TOKEN_LIFETIME_MS } from "./tokens";

const MIN_INTERVAL_MS = 60_000;

export async function requestSignInLink(db: PrismaClient, rawEmail: string, opts: { address?: string | null; now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const email = normaliseEmail(rawEmail);
  // A link could not be used to sign in (signInAs refuses it): say so instead of sending one.
  const ssoDomain = await ssoRequiredDomain(db, email);
  if (ssoDomain) throw badRequest(ssoRequiredMessage(ssoDomain));
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  const recent = await db.authToken.count({
    where: { userId: user.id, purpose: "SIGN_IN", createdAt: { gt: new Date(now.getTime() - MIN_INTERVAL_MS) } },
  });
  if (recent > 0) return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, { purpose: "SIGN_IN", email: user.email, userId: user.id, now });
    await enqueueAccountEmail(tx, signInLinkEmail(user.email, token, TOKEN_LIFETIME_MS.SIGN_IN / 60_000));
    await auditAccount(tx, { action: "signin.link_sent", userId: user.id, email: user.email, address: opts.address });
  });
  sendSoon(db);
}
