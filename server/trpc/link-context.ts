// The request context of a personal survey link's endpoint and pages (app/s, app/survey): the
// link presented, and no session. The session cookie is not read here at all, so within these
// requests the link's person answers even when the browser is signed in as someone else, and the
// link counts nowhere else: its cookie is sent only to its own pages (see SURVEY_LINK_COOKIE), and
// the ladder reads a request with a link as signed out everywhere but the survey steps.
import type { PrismaClient } from "../db/generated/client";
import { getDb } from "../db/client";
import type { PresentedLink } from "../access/context";
import type { Context } from "./context";

// The cookie that carries a link's token to its pages, set when the link is followed: httpOnly,
// SameSite=Lax, and scoped to the link's own path, /survey/<linkId>, so no other page or endpoint
// ever receives it and several links (two workspaces, two cycles) work side by side.
export const SURVEY_LINK_COOKIE = "ph-survey-link";
export const surveyLinkHome = (linkId: string) => `/survey/${linkId}`;
export const surveyLinkEndpoint = (linkId: string) => `${surveyLinkHome(linkId)}/trpc`;

export const createLinkContext = (
  presented: PresentedLink,
  db: PrismaClient = getDb(),
  request: { address?: string | null } = {},
): Context => ({
  db,
  userId: null,
  sessionId: null,
  address: request.address ?? null,
  presentedLink: presented,
});

// For the link's pages and endpoint: the token of the cookie sent with the request, and the link
// id of the address it was sent to.
export async function createLinkRequestContext(linkId: string): Promise<Context> {
  const [{ cookies, headers }, { clientAddress }] = await Promise.all([import("next/headers"), import("../http/client-address")]);
  const token = (await cookies()).get(SURVEY_LINK_COOKIE)?.value ?? null;
  return createLinkContext({ token, linkId }, getDb(), { address: clientAddress(await headers()) });
}
