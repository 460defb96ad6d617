// tRPC 11 over HTTP as the app's own client sends it: one procedure per request (no batching),
// input and output through superjson, queries as GET with the input in the query string, mutations
// as POST with a JSON body and the Origin header every browser puts on a POST (the app refuses a
// mutation from another origin: server/http/same-origin.ts).
import superjson from "superjson";

export const TRPC_PATH = "/api/trpc";

export interface HttpRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function trpcQuery(procedure: string, input: unknown, cookie: string): HttpRequest {
  const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  return { method: "GET", path: `${TRPC_PATH}/${procedure}?input=${encoded}`, headers: { cookie } };
}

export function trpcMutation(procedure: string, input: unknown, cookie: string, origin: string): HttpRequest {
  return {
    method: "POST",
    path: `${TRPC_PATH}/${procedure}`,
    headers: { cookie, origin, "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize(input)),
  };
}

// The data of a successful answer, or null for an error answer or a body that is not tRPC's.
export function trpcData<T>(body: string): T | null {
  try {
    const parsed = JSON.parse(body) as { result?: { data?: { json: unknown; meta?: unknown } } };
    const data = parsed.result?.data;
    return data ? superjson.deserialize<T>(data as Parameters<typeof superjson.deserialize>[0]) : null;
  } catch {
    return null;
  }
}
