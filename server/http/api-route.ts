// The door of every route handler under app/api: refuses a state-changing request from another
// origin (403), a body over the route's limit (413, before it is read), whatever the route's own
// precheck refuses (tRPC's batch size), and puts the security headers on every answer.
//
// Pages get their headers from proxy.ts; the API is left out of the proxy on purpose: for every
// request the proxy sees, Next.js first buffers the whole body (up to 10 MB) to hand it a copy,
// which is exactly the read this door exists to avoid.
import { NextRequest } from "next/server";
import { readBoundedBody } from "./bounded-body";
import { formatBytes } from "./limits";
import { servedOverHttps } from "./request-origin";
import { CROSS_ORIGIN_MESSAGE, checkSameOrigin } from "./same-origin";
import { securityHeaders } from "./security-headers";

export interface Refusal {
  status: 400 | 403 | 413;
  code: "BAD_REQUEST" | "FORBIDDEN" | "PAYLOAD_TOO_LARGE";
  message: string;
}

export interface ApiRouteOptions {
  maxBodyBytes: number;
  // A check of the request line and headers, before any body is read.
  precheck?: (request: NextRequest) => Refusal | null;
  // How a refusal reads to this route's clients; plain JSON by default.
  respond?: (refusal: Refusal) => Response;
}

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

export const jsonRefusal = (refusal: Refusal) =>
  Response.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });

export function tooLarge(limit: number): Refusal {
  return {
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: `This request is larger than the ${formatBytes(limit)} the server accepts, so it was refused and nothing was saved.`,
  };
}

// The same response with the security headers added (a copy: some responses' headers are frozen).
export function withSecurityHeaders(response: Response, request: Request): Response {
  const out = new Response(response.body, response);
  const headers = securityHeaders({ nonce: null, dev: process.env.NODE_ENV === "development", https: servedOverHttps(request.headers) });
  for (const [name, value] of Object.entries(headers)) out.headers.set(name, value);
  return out;
}

export function apiRoute<C>(
  handler: (request: NextRequest, context: C) => Promise<Response>,
  options: ApiRouteOptions,
): (request: NextRequest, context: C) => Promise<Response> {
  const respond = options.respond ?? jsonRefusal;
  const refuse = (request: Request, refusal: Refusal) => {
    const response = respond(refusal);
    // Past a refusal the rest of the body is not wanted: closing the connection stops it coming.
    if (refusal.status === 413) response.headers.set("Connection", "close");
    return withSecurityHeaders(response, request);
  };

  return async (request, context) => {
    const origin = checkSameOrigin(request.method, request.headers);
    if (!origin.allowed) {
      console.warn(`Refused a cross-origin ${request.method} ${request.nextUrl.pathname}: ${origin.reason}.`);
      return refuse(request, { status: 403, code: "FORBIDDEN", message: CROSS_ORIGIN_MESSAGE });
    }
    const early = options.precheck?.(request);
    if (early) return refuse(request, early);

    let forwarded = request;
    if (!BODYLESS.has(request.method)) {
      const body = await readBoundedBody(request, options.maxBodyBytes);
      if (!body.ok) {
        return refuse(
          request,
          body.reason === "too-large"
            ? tooLarge(options.maxBodyBytes)
            : { status: 400, code: "BAD_REQUEST", message: "The request's Content-Length is not a number." },
        );
      }
      // The handler reads the body from memory; the request it gets is otherwise the same.
      const headers = new Headers(request.headers);
      headers.delete("transfer-encoding");
      forwarded = new NextRequest(request.url, {
        method: request.method,
        headers,
        body: body.bytes.byteLength ? body.bytes : null,
        signal: request.signal,
      });
    }
    return withSecurityHeaders(await handler(forwarded, context), request);
  };
}
