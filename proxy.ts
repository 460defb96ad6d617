// Every page, download and static file: the security headers, with a fresh script nonce per
// request in the Content-Security-Policy. Next.js reads the nonce from the policy on the request
// and puts it on its own scripts, which is why every page renders per request (app/layout.tsx).
// A state-changing request from another origin (a Server Action, a form) is refused here as at
// the API (server/http/same-origin.ts).
//
// /api/ is not matched: for every request the proxy sees, Next.js buffers the whole body first (up
// to 10 MB) to hand the proxy a copy, and the API must refuse large bodies before reading them.
// The API routes put the same headers on their answers themselves (server/http/api-route.ts).
import { NextResponse, type NextRequest } from "next/server";
import { servedOverHttps } from "./server/http/request-origin";
import { CROSS_ORIGIN_MESSAGE, checkSameOrigin } from "./server/http/same-origin";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./server/http/security-headers";

export function proxy(request: NextRequest) {
  const options = { nonce: newNonce(), dev: process.env.NODE_ENV === "development", https: servedOverHttps(request.headers) };
  const headers = securityHeaders(options);

  const origin = checkSameOrigin(request.method, request.headers);
  if (!origin.allowed) {
    console.warn(`Refused a cross-origin ${request.method} ${request.nextUrl.pathname}: ${origin.reason}.`);
    return new NextResponse(CROSS_ORIGIN_MESSAGE, { status: 403, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", options.nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy(options));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api/|survey/[^/]+/trpc/).*)"],
};
