// A client of the REST API generated from its OpenAPI document (openapi-fetch over the committed
// types of `npm run api:types`), calling the app's real route handler in-process: every request
// goes through the route's door, the token's authentication and rate limit, the API's ladder and
// the services, as it does behind `next start`. Each call's method and path template is counted,
// so a test can check that every endpoint of the document was called.
import { NextRequest } from "next/server";
import createClient from "openapi-fetch";
import * as v1Route from "../../../app/api/v1/[...path]/route";
import type { paths } from "./schema";

export const BASE = "http://app.test:3000";

export const called = new Set<string>();

type Route = (request: NextRequest, context: { params: Promise<{ path: string[] }> }) => Promise<Response>;

// The route handler for a Request, as Next.js would call it.
export async function serve(request: Request): Promise<Response> {
  const method = request.method.toUpperCase() as "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  const body = method === "GET" || method === "DELETE" ? null : await request.arrayBuffer();
  const next = new NextRequest(request.url, { method, headers: request.headers, body });
  const path = new URL(request.url).pathname.replace(/^\/api\/v1\/?/, "").split("/");
  return (v1Route[method] as Route)(next, { params: Promise.resolve({ path }) });
}

export function apiClient(token: string | null) {
  const client = createClient<paths>({
    baseUrl: `${BASE}/api/v1`,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    fetch: serve,
  });
  client.use({
    onRequest({ schemaPath, request }) {
      called.add(`${request.method} ${schemaPath}`);
    },
  });
  return client;
}

export type ApiClient = ReturnType<typeof apiClient>;
