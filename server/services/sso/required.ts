// "Require single sign-on": people of a domain whose connection requires it sign in only through
// it. Password sign-in and emailed sign-in links are refused for them, with words that send them
// to SSO. The answer depends on the domain alone, never on whether an account exists, so it
// tells nobody anything about accounts (and is given before any password is checked).
import type { PrismaClient } from "../../db/generated/client";
import { ssoConnectionForDomain } from "../../db/cross-workspace";
import { emailDomain } from "../accounts/email-address";

export const ssoRequiredMessage = (domain: string) =>
  `People at ${domain} sign in with single sign-on. Choose "Sign in with single sign-on" and enter your work email.`;

// The domain, when its connection requires SSO; null otherwise.
export async function ssoRequiredDomain(db: Pick<PrismaClient, "ssoConnection" | "$executeRaw">, email: string): Promise<string | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const connection = await ssoConnectionForDomain(db, domain);
  return connection?.required ? domain : null;
}
