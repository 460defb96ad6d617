// The redirect URI registered with each identity provider: single sign-on ends here
// (server/http/sso-routes.ts).
import { ssoCallback } from "~/server/http/sso-routes";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => ssoCallback(request);
