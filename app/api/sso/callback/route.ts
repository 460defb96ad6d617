// The redirect URI registered with each identity provider: single sign-on ends here
// (server/http/sso-routes.ts). A GET from the provider's page: the door adds the headers.
import { apiRoute } from "~/server/http/api-route";
import { ssoCallback } from "~/server/http/sso-routes";

export const dynamic = "force-dynamic";
export const GET = apiRoute((request) => ssoCallback(request), { maxBodyBytes: 0 });
