// What a personal survey link's pages know of their link: its overview, or why it no longer
// works. Read once per request (the layout and the page share it).
import "server-only";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { isSurveyLinkRefusal, type LinkRefusalKind } from "~/server/access/survey-link";
import { linkServerApi } from "~/server/trpc/link-server";
import type { RouterOutputs } from "~/server/trpc/types";

export type LinkOverview = RouterOutputs["surveyLink"]["overview"];
export type LinkState = ({ ok: true } & LinkOverview) | { ok: false; kind: LinkRefusalKind; message: string };

export const linkState = cache(async (linkId: string): Promise<LinkState> => {
  try {
    return { ok: true, ...(await (await linkServerApi(linkId)).surveyLink.overview()) };
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== "UNAUTHORIZED") throw error;
    return { ok: false, kind: isSurveyLinkRefusal(error.cause) ? error.cause.kind : "invalid", message: error.message };
  }
});

// The full sign-in, back to where the person was going.
export const signInTo = (path: string) => `/signin?callbackUrl=${encodeURIComponent(path)}`;
