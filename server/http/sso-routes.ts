// The two HTTP doors of single sign-on (app/api/sso/start and app/api/sso/callback), as plain
// Request -> Response functions, so the tests drive them exactly as a browser does.
//
// start (POST, JSON { email, next }): answers { url } to send the browser to, and sets the sealed
//   flow cookie; or 400 { error } in words for the sign-in form.
// callback (GET, from the identity provider): on success starts a session (signInAs, method SSO),
//   sets the session cookie and sends the browser on (303) to a same-origin path; on a refusal
//   sends it to /signin/sso?error=<code>, a page that explains the code in our own words.
// Either way the flow cookie is cleared: a flow is used once.
import { isDomainError } from "../access/errors";
import { SESSION_COOKIE, sessionCookieFor, signInAs } from "../auth";
import { getDb } from "../db/client";
import { clientAddress } from "./client-address";
import { completeSsoSignIn, startSsoSignIn, SSO_CALLBACK_PATH } from "../services/sso/flow";
import { FLOW_LIFETIME_MS } from "../services/sso/flow-state";
import { SsoRefusal } from "../services/sso/refusals";

const secure = SESSION_COOKIE.startsWith("__Secure-");
// Sent back only to the callback. SameSite=Lax: the provider's redirect back is a top-level GET
// navigation from another site, which Lax cookies go along with.
export const FLOW_COOKIE = `${secure ? "__Secure-" : ""}ph-sso-flow`;

interface CookieOptions {
  maxAge: number;
  path: string;
  httpOnly?: boolean;
  sameSite?: "lax" | "strict";
  secure?: boolean;
}

function serialize(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${o.path}`,
    `Max-Age=${Math.max(0, Math.floor(o.maxAge))}`,
    ...(o.httpOnly !== false ? ["HttpOnly"] : []),
    `SameSite=${o.sameSite === "strict" ? "Strict" : "Lax"}`,
    ...((o.secure ?? secure) ? ["Secure"] : []),
  ].join("; ");
}

export function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

const flowCookie = (value: string, maxAgeS: number) => serialize(FLOW_COOKIE, value, { path: SSO_CALLBACK_PATH, maxAge: maxAgeS });

export async function ssoStart(request: Request): Promise<Response> {
  const body = (await request.json().catch(() => null)) as { email?: unknown; next?: unknown } | null;
  if (!body || typeof body.email !== "string") return Response.json({ error: "Enter your work email address." }, { status: 400 });
  try {
    const started = await startSsoSignIn(getDb(), { email: body.email, next: typeof body.next === "string" ? body.next : null });
    const headers = new Headers({ "cache-control": "no-store" });
    headers.append("set-cookie", flowCookie(started.flow, FLOW_LIFETIME_MS / 1000));
    return Response.json({ url: started.authorizationUrl }, { headers });
  } catch (error) {
    if (isDomainError(error)) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}

function redirect(location: string, cookies: string[]): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

export async function ssoCallback(request: Request): Promise<Response> {
  const clear = flowCookie("", 0);
  try {
    const done = await completeSsoSignIn(getDb(), {
      callbackUrl: new URL(request.url),
      flow: readCookie(request, FLOW_COOKIE),
      address: clientAddress(request.headers),
    });
    const sessionUser = await signInAs(done.user, "SSO", request.headers);
    const session = await sessionCookieFor(sessionUser);
    return redirect(done.redirectTo, [clear, serialize(session.name, session.value, { ...session.options, httpOnly: true })]);
  } catch (error) {
    if (error instanceof SsoRefusal) return redirect(`/signin/sso?error=${error.code}`, [clear]);
    console.error("[sso] sign-in failed:", error);
    return redirect("/signin/sso?error=invalid_response", [clear]);
  }
}
