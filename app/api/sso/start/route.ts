// Single sign-on begins here: the sign-in form posts the email, and is told where to send the
// browser (server/http/sso-routes.ts). The door refuses another origin's post and a body larger
// than an email address needs.
import { apiRoute } from "~/server/http/api-route";
import { ssoStart } from "~/server/http/sso-routes";

export const dynamic = "force-dynamic";
export const POST = apiRoute((request) => ssoStart(request), { maxBodyBytes: 16 * 1024 });
