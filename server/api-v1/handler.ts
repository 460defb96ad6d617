// One REST API call, from Request to Response: the bearer token is authenticated and counted
// against its rate limit first (401, 429 with Retry-After), then trpc-to-openapi routes the call
// to its procedure. Every error answers as JSON `{ code, message }` (and `issues` for invalid
// input), its message written by the app's own error formatting: the refusal's sentence, or for
// invalid input the same sentence the app's forms show.
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import type { ApiCaller } from "../access/context";
import { isDomainError } from "../access/errors";
import { getDb } from "../db/client";
import { env } from "../env";
import { clientAddress } from "../http/client-address";
import { authenticateApiCall, RateLimited } from "../services/api-tokens/authenticate";
import { describeIssues } from "../trpc/init";
import { API_V1_BASE } from "./document";
import { apiV1Router } from "./router";

const STATUS: Record<string, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json({ code, message }, { status, headers: { ...headers, "Cache-Control": "no-store" } });
}

// trpc-to-openapi's error body carries tRPC's whole error shape (and its own words for invalid
// input): the client gets the code and our message only.
async function reshapeError(response: Response): Promise<Response> {
  const body = (await response.json().catch(() => null)) as {
    code?: string;
    message?: string;
    issues?: { path: PropertyKey[]; message: string }[];
  } | null;
  const code = body?.code ?? "INTERNAL_SERVER_ERROR";
  const issues = Array.isArray(body?.issues) ? body.issues : null;
  const message = issues ? `Invalid input. ${describeIssues(issues)}` : (body?.message ?? "Something went wrong on our side.");
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  headers.delete("Content-Length");
  return Response.json(issues ? { code, message, issues: issues.map((i) => ({ message: describeIssues([i]) })) } : { code, message }, {
    status: response.status,
    headers,
  });
}

export async function handleApiV1(request: Request): Promise<Response> {
  const address = clientAddress(request.headers);
  let caller: ApiCaller;
  try {
    caller = await authenticateApiCall(getDb(), request.headers.get("authorization"), {
      limitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
      address,
    });
  } catch (error) {
    if (error instanceof RateLimited) return apiError(429, error.code, error.message, { "Retry-After": String(error.retryAfterS) });
    if (isDomainError(error)) {
      return apiError(
        STATUS[error.code] ?? 400,
        error.code,
        error.message,
        error.code === "UNAUTHORIZED" ? { "WWW-Authenticate": "Bearer" } : {},
      );
    }
    throw error;
  }

  const response = await createOpenApiFetchHandler({
    endpoint: API_V1_BASE,
    router: apiV1Router,
    req: request,
    createContext: () => ({ db: getDb(), userId: null, address, apiCaller: caller }),
    onError({ error, path }: { error: { code: string; cause?: unknown }; path?: string }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`API ${path ?? request.url} failed:`, error.cause ?? error);
    },
  });
  if (response.status >= 400) return reshapeError(response);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
