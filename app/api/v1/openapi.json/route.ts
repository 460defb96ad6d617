import { apiV1Document } from "~/server/api-v1/document";
import { withSecurityHeaders } from "~/server/http/api-route";

// The OpenAPI 3.1 document of the REST API, public like any API's reference: it describes the
// endpoints, not any workspace's data.
export function GET(request: Request) {
  return withSecurityHeaders(Response.json(apiV1Document(), { headers: { "Cache-Control": "public, max-age=300" } }), request);
}
