// The HTTP door of /api/trpc (app/api/trpc/[trpc]/route.ts): a batch of more calls than
// TRPC_MAX_BATCH is refused from the address alone, before any body is read or any call runs; and
// every refusal of the door (server/http/api-route.ts: origin, body size) reads exactly like a tRPC
// error, shaped by our own error formatter, so the app's tRPC client shows its message as it is.
import { TRPCError, getErrorShape, transformTRPCResponse } from "@trpc/server";
import { BUSY_RETRY_AFTER_SECONDS } from "../db/errors";
import type { Refusal } from "../http/api-route";
import { TRPC_MAX_BATCH } from "../http/limits";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

// How many calls a request names: `/api/trpc/a,b,c?batch=1` is three (the paths are in the
// address for GET and POST alike; tRPC decodes the path before splitting it, so we do too).
export function batchSize(url: URL, endpoint = TRPC_ENDPOINT): number | null {
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.slice(endpoint.length).replace(/^\/+|\/+$/g, "");
  try {
    return decodeURIComponent(path).split(",").length;
  } catch {
    return null;
  }
}

export function batchRefusal(url: URL, endpoint = TRPC_ENDPOINT): Refusal | null {
  const size = batchSize(url, endpoint);
  if (size === null) return { status: 400, code: "BAD_REQUEST", message: "The request's address is not valid URL encoding." };
  if (size <= TRPC_MAX_BATCH) return null;
  return {
    status: 400,
    code: "BAD_REQUEST",
    message: `A request may hold at most ${TRPC_MAX_BATCH} calls; this one held ${size}. Nothing was run: send them in smaller batches.`,
  };
}

export function trpcRefusal(refusal: Refusal): Response {
  const config = appRouter._def._config;
  const shape = getErrorShape({
    config,
    error: new TRPCError({ code: refusal.code, message: refusal.message }),
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return Response.json(transformTRPCResponse(config, { error: shape }), { status: refusal.status });
}

// A call refused because the database was too busy (503, server/trpc/errors.ts) says when to try
// again, as HTTP asks of a 503.
export function responseMeta({ errors }: { errors: TRPCError[] }) {
  return errors.some((e) => e.code === "SERVICE_UNAVAILABLE") ? { headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } } : {};
}
