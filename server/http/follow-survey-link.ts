// Following a personal survey link (GET /s/<token>, app/s/[token]/route.ts): check it, record the
// use, and send the browser on with at most one page before the first question: straight to the
// survey when one is left to answer, else to the cycle's list of the person's surveys.
//
// A browser already signed in as the link's person goes to their own survey pages, with the whole
// app around them. Any other browser (signed out, or signed in as someone else) gets the link's
// cookie and the link's own pages, where the link's person answers; its session, if any, is left
// alone and keeps working everywhere else, and the link opens nothing but those surveys.
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "../db/generated/client";
import { getDb } from "../db/client";
import { isSurveyLinkRefusal } from "../access/survey-link";
import { createLinkContext, SURVEY_LINK_COOKIE, surveyLinkHome } from "../trpc/link-context";
import { createCaller } from "../trpc/root";

export interface LinkCookie {
  name: string;
  value: string;
  path: string;
  expires: Date;
}

export interface Followed {
  // A path of this app.
  location: string;
  cookie: LinkCookie | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Where a link that does not exist is explained: no link has this id.
export const UNKNOWN_LINK_PAGE = surveyLinkHome("not-valid");

// The cookie lasts a week past the cycle's close (an admin may extend it); the link is checked
// on every use anyway, so after the close it shows only why it no longer works.
const cookieFor = (token: string, linkId: string, until: Date): LinkCookie => ({
  name: SURVEY_LINK_COOKIE,
  value: token,
  path: surveyLinkHome(linkId),
  expires: until,
});

export async function followSurveyLink(
  token: string,
  request: { sessionUserId: string | null; address: string | null; now?: Date },
  db: PrismaClient = getDb(),
): Promise<Followed> {
  const now = request.now ?? new Date();
  const api = createCaller(createLinkContext({ token }, db, { address: request.address }));
  try {
    const opened = await api.surveyLink.open();
    if (request.sessionUserId === opened.userId) {
      const surveys = `/w/${opened.workspaceSlug}/surveys`;
      return { location: opened.partnershipId ? `${surveys}/${opened.cycleId}/${opened.partnershipId}` : surveys, cookie: null };
    }
    const home = surveyLinkHome(opened.linkId);
    const until = new Date(Math.max(opened.closesAt.getTime(), now.getTime()) + 7 * DAY_MS);
    return { location: opened.partnershipId ? `${home}/${opened.partnershipId}` : home, cookie: cookieFor(token, opened.linkId, until) };
  } catch (error) {
    const refusal = error instanceof TRPCError && isSurveyLinkRefusal(error.cause) ? error.cause : null;
    if (!refusal) throw error;
    // The link's own page says why it no longer works; a link that never existed has no page.
    if (!refusal.linkId) return { location: UNKNOWN_LINK_PAGE, cookie: null };
    return { location: surveyLinkHome(refusal.linkId), cookie: cookieFor(token, refusal.linkId, new Date(now.getTime() + DAY_MS)) };
  }
}
