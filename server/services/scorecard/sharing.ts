// What partner contacts see of their own partnerships' scorecards: the workspace's setting, with
// the parts that need scores switched off when scores are. Host members see everything.
import type { WorkspaceCtx } from "../../access/context";
import type { Sharing } from "./schema";

export interface SharingColumns {
  partnerSeesScores: boolean;
  partnerSeesTrends: boolean;
  partnerSeesComments: boolean;
  partnerSeesSides: boolean;
  partnerSeesStatements: boolean;
}

export const EVERYTHING: Sharing = { scores: true, trends: true, comments: true, sides: true, statements: true };

// Trends, sides, statements and comments are all read next to the scores (or, for comments,
// alongside them), so without the scores none of them is shared.
export function partnerSharing(w: SharingColumns): Sharing {
  const scores = w.partnerSeesScores;
  return {
    scores,
    trends: scores && w.partnerSeesTrends,
    comments: scores && w.partnerSeesComments,
    sides: scores && w.partnerSeesSides,
    statements: scores && w.partnerSeesStatements,
  };
}

// The company's own people see everything; a partner contact what the workspace shares.
export const sharingFor = (ctx: WorkspaceCtx): Sharing => (ctx.can.seeAllPartnerships ? EVERYTHING : partnerSharing(ctx.workspace));
