// Reading the account emails a test caused (AccountEmail rows, as the delivery job would send
// them), the one-time token in their link, and signing in with a token the way the app's pages
// do: through next-auth's own "email-link" provider (server/auth.ts).
import type { AccountEmailKind } from "../../server/db/generated/client";
import { authOptions, type SessionUser } from "../../server/auth";
import { db } from "./helpers";

export const emailsTo = (to: string, kind?: AccountEmailKind) =>
  db().accountEmail.findMany({ where: { to, ...(kind ? { kind } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

export async function lastEmailTo(to: string, kind: AccountEmailKind) {
  const emails = await emailsTo(to, kind);
  const last = emails.at(-1);
  if (!last) throw new Error(`No ${kind} email to ${to}`);
  return last;
}

// The token of an emailed link (…?token=…).
export const tokenOf = (link: string | null) => new URL(link ?? "").searchParams.get("token") ?? "";

export async function linkTokenTo(to: string, kind: AccountEmailKind) {
  return tokenOf((await lastEmailTo(to, kind)).link);
}

interface Authorizer {
  id: string;
  options: { id?: string; authorize(credentials: Record<string, string>, req: { headers: Record<string, string> }): Promise<SessionUser> };
}

// What the sign-in link page's button does: next-auth's "email-link" provider, which uses the
// token and starts a session.
export function signInWithToken(token: string, address = "203.0.113.9"): Promise<SessionUser> {
  const provider = (authOptions.providers as unknown as Authorizer[]).find((p) => (p.options.id ?? p.id) === "email-link")!;
  return provider.options.authorize({ token }, { headers: { "x-forwarded-for": address } });
}
