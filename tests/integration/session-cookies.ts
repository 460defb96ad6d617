// Real session cookies for tests: a sign-in as the app makes it (a session row, then the cookie
// next-auth sets, signed with the app's secret), and what the app makes of a request carrying a
// cookie: next-auth's own decoding and session callback (getServerSession, as every page and
// tRPC request runs it), then the live-row check of server/session.ts. A cookie copied before an
// event and replayed after it must read as signed out.
import { getServerSession } from "next-auth";
import { authOptions, SESSION_COOKIE, sessionCookieFor, signInAs } from "../../server/auth";
import type { SignInMethod } from "../../server/services/accounts/sessions";
import { liveSessionOf } from "../../server/session";
import { createContextFor } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { appDb } from "./helpers";

export const CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
export const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

export interface Browser {
  sessionId: string;
  cookie: string;
  // The tRPC caller of a request that carries this cookie (its session id on the context).
  api: ReturnType<typeof createCaller>;
}

export async function signedIn(
  user: { id: string; email: string; name: string },
  opts: { method?: SignInMethod; userAgent?: string; address?: string } = {},
): Promise<Browser> {
  const headers = { "user-agent": opts.userAgent ?? CHROME_ON_LINUX, "x-forwarded-for": opts.address ?? "203.0.113.7" };
  const sessionUser = await signInAs(user, opts.method ?? "PASSWORD", headers);
  const cookie = await sessionCookieFor(sessionUser);
  return {
    sessionId: sessionUser.sid,
    cookie: cookie.value,
    api: createCaller(createContextFor(user.id, appDb(), { sessionId: sessionUser.sid, address: opts.address ?? "203.0.113.7" })),
  };
}

// The account a request with this cookie is signed in as, or null.
export async function replay(cookie: string): Promise<string | null> {
  const req = { headers: { cookie: `${SESSION_COOKIE}=${cookie}` }, cookies: { [SESSION_COOKIE]: cookie } };
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  const session = await getServerSession(req as never, res as never, authOptions);
  return (await liveSessionOf(session))?.userId ?? null;
}
