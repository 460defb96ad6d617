// The email domains a workspace's single sign-on covers. A domain decides more than one
// workspace: its people's password sign-in can be refused (required SSO) and the workspace's
// identity provider vouches for their accounts, wherever else they belong. So a workspace may
// claim only domains it has shown it holds: each must be the email domain of one of its own
// owners or admins (people whose address was proven by an emailed link or by this same SSO),
// never a public mailbox provider, and at most one workspace may claim it.
import { badRequest } from "../../access/errors";
import { emailDomain } from "../accounts/email-address";

export const MAX_DOMAINS = 20;

// Letters, digits and hyphens, dot-separated, at least two labels; no ports, paths or "@".
const DOMAIN = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

// Where anyone can open a mailbox: holding one proves nothing about the domain.
const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.co.uk",
  "live.com",
  "msn.com",
  "yahoo.com",
  "yahoo.co.uk",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.com",
  "mail.ru",
  "yandex.com",
  "yandex.ru",
  "zoho.com",
  "fastmail.com",
  "tutanota.com",
  "hey.com",
  "qq.com",
  "163.com",
  "126.com",
]);

export const isPublicMailDomain = (domain: string) => PUBLIC_MAIL_DOMAINS.has(domain);

// "@Corp.Example " and "corp.example" are one domain; duplicates collapse; order is kept.
export function normaliseDomains(raw: readonly string[]): string[] {
  const domains = [...new Set(raw.map((d) => d.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "")).filter(Boolean))];
  if (domains.length === 0) throw badRequest("Enter at least one email domain, such as example.com.");
  if (domains.length > MAX_DOMAINS) throw badRequest(`At most ${MAX_DOMAINS} email domains.`);
  for (const domain of domains) {
    if (!DOMAIN.test(domain))
      throw badRequest(`"${domain.slice(0, 80)}" is not an email domain. Enter domains such as example.com, without "@" or "https://".`);
    if (isPublicMailDomain(domain)) {
      throw badRequest(`${domain} is a public email provider: anyone can have an address there, so it cannot be given to single sign-on.`);
    }
  }
  return domains;
}

// Each domain must be one of the workspace's owners' or admins' email domains.
export function assertDomainsHeld(domains: readonly string[], adminEmails: readonly string[]): void {
  const held = new Set(adminEmails.map(emailDomain));
  const foreign = domains.filter((d) => !held.has(d));
  if (foreign.length > 0) {
    throw badRequest(
      `${foreign.join(", ")}: single sign-on can cover only the email domains of this workspace's owners and admins. ` +
        `Invite an admin with an address at ${foreign.length === 1 ? "that domain" : "each of those domains"} first.`,
    );
  }
}
