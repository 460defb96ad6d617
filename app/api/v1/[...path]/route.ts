import { apiError, handleApiV1 } from "~/server/api-v1/handler";
import { apiRoute } from "~/server/http/api-route";
import { TRPC_MAX_BODY_BYTES } from "~/server/http/limits";

// The REST API (server/api-v1). The door (server/http/api-route.ts) refuses bodies over the limit
// before they are read, and puts the security headers on every answer; its refusals read like the
// API's own errors.
const handler = apiRoute((req: Request) => handleApiV1(req), {
  maxBodyBytes: TRPC_MAX_BODY_BYTES,
  respond: (refusal) => apiError(refusal.status, refusal.code, refusal.message),
});

export const dynamic = "force-dynamic";
export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
