import { apiV1Document } from "~/server/api-v1/document";
import { apiRoute } from "~/server/http/api-route";

// The OpenAPI 3.1 document of the REST API, public like any API's reference: it describes the
// endpoints, not any workspace's data. Through the API's door (security headers) like every route.
const handler = apiRoute(async () => Response.json(apiV1Document(), { headers: { "Cache-Control": "public, max-age=300" } }), {
  maxBodyBytes: 0,
});

export { handler as GET };
