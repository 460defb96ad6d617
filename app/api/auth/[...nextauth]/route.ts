import NextAuth from "next-auth";
import { authOptions } from "~/server/auth";
import { apiRoute } from "~/server/http/api-route";
import { AUTH_MAX_BODY_BYTES } from "~/server/http/limits";

// next-auth checks its own CSRF token on sign-in and sign-out; the door checks the origin too
// (and bounds the body), as for every other route.
const handler = apiRoute(NextAuth(authOptions), { maxBodyBytes: AUTH_MAX_BODY_BYTES });
export { handler as GET, handler as POST };
