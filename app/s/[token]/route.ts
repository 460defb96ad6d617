// A personal survey link, as the survey emails carry it: /s/<token>. Checked, recorded, and
// followed by one redirect to the survey itself (server/http/follow-survey-link.ts), so there is
// at most one page between the email and the first question, and none when one survey is left.
import type { NextRequest } from "next/server";
import { env } from "~/server/env";
import { clientAddress } from "~/server/http/client-address";
import { followSurveyLink } from "~/server/http/follow-survey-link";
import { currentSession } from "~/server/session";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await currentSession();
  const followed = await followSurveyLink(token, { sessionUserId: session?.userId ?? null, address: clientAddress(request.headers) });
  const headers = new Headers({
    // A relative target: the app's own page, whatever host name a proxy in front of it uses.
    Location: followed.location,
    "Cache-Control": "no-store",
    // The token stays out of any Referer.
    "Referrer-Policy": "no-referrer",
  });
  if (followed.cookie) {
    const { name, value, path, expires } = followed.cookie;
    const secure = request.nextUrl.protocol === "https:" || (env.APP_URL ?? env.NEXTAUTH_URL ?? "").startsWith("https:");
    headers.append(
      "Set-Cookie",
      `${name}=${value}; Path=${path}; Expires=${expires.toUTCString()}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
    );
  }
  return new Response(null, { status: 303, headers });
}
