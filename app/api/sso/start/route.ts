// Single sign-on begins here: the sign-in form posts the email, and is told where to send the
// browser (server/http/sso-routes.ts).
import { ssoStart } from "~/server/http/sso-routes";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => ssoStart(request);
