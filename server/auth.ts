// next-auth: the session cookie. Two ways in through next-auth's own sign-in (email and password;
// an emailed one-time link), and a minted cookie for single sign-on (server/auth/...). The cookie
// is a JWT carrying only the user id and a session id; every request checks that the session is
// still live (server/session.ts), and membership and role are read from the database by the
// procedure ladder.
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { encode } from "next-auth/jwt";
import { getDb } from "./db/client";
import { authSecret } from "./auth-secret";
import { env } from "./env";
import { clientAddress, userAgent } from "./http/client-address";
import { configuredOrigins } from "./http/request-origin";
import { safeRedirectPath } from "./http/safe-redirect";
import { auditAccount } from "./services/accounts/audit";
import { endSession, SESSION_MAX_AGE_S, startSession, type SignInMethod } from "./services/accounts/sessions";
import { consumeToken } from "./services/accounts/tokens";
import { authenticate } from "./services/authenticate";
import { ssoRequiredDomain, ssoRequiredMessage } from "./services/sso/required";

type Headers = Record<string, string | string[] | undefined> | undefined;

// A signed-in account plus the session row the cookie will name.
export type SessionUser = User & { sid: string };

export async function signInAs(
  user: { id: string; email: string; name: string },
  method: SignInMethod,
  headers: Headers | globalThis.Headers,
): Promise<SessionUser> {
  const db = getDb();
  const address = clientAddress(headers);
  // Every way in but SSO itself stops here for people whose domain requires SSO.
  const ssoDomain = method === "SSO" ? null : await ssoRequiredDomain(db, user.email);
  if (ssoDomain) throw new Error(ssoRequiredMessage(ssoDomain));
  const sid = await startSession(db, { userId: user.id, method, address, userAgent: userAgent(headers) });
  await auditAccount(db, {
    action: "signin.succeeded",
    userId: user.id,
    actorUserId: user.id,
    email: user.email,
    address,
    detail: { method },
  });
  return { id: user.id, email: user.email, name: user.name, sid };
}

const useSecureCookies = (env.NEXTAUTH_URL ?? env.APP_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

// The cookie next-auth itself would set, for a sign-in that does not go through its sign-in
// route (single sign-on's callback).
export async function sessionCookieFor(user: SessionUser) {
  const value = await encode({
    token: { sub: user.id, sid: user.sid, name: user.name, email: user.email },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_S,
  });
  return {
    name: SESSION_COOKIE,
    value,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: useSecureCookies, maxAge: SESSION_MAX_AGE_S },
  };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) throw new Error("Enter your email and password.");
        const user = await authenticate(getDb(), credentials, clientAddress(req?.headers));
        return signInAs(user, "PASSWORD", req?.headers);
      },
    }),
    CredentialsProvider({
      id: "email-link",
      name: "Emailed sign-in link",
      credentials: { token: { label: "Token", type: "text" } },
      async authorize(credentials, req) {
        const db = getDb();
        const used = await consumeToken(db, "SIGN_IN", credentials?.token ?? "").catch((error: Error) => {
          throw new Error(error.message);
        });
        const user = used.userId ? await db.user.findUnique({ where: { id: used.userId } }) : null;
        if (!user || user.email !== used.email) throw new Error("This link is not valid. Ask for a new one.");
        return signInAs(user, "EMAIL_LINK", req?.headers);
      },
    }),
  ],
  callbacks: {
    // Where next-auth sends the browser after signing in or out (its `callbackUrl`): only a path of
    // this app, read against next-auth's own base URL, whatever the request carried.
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, [baseUrl, ...configuredOrigins()]), baseUrl).toString();
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as SessionUser).sid;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid !== "string" || typeof token.sub !== "string") return;
      const db = getDb();
      const ended = await endSession(db, token.sid, "SIGNED_OUT");
      if (ended.count) await auditAccount(db, { action: "signout", userId: token.sub, actorUserId: token.sub });
    },
  },
};
