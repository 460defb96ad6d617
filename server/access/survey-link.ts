// What a personal survey link opens, decided again on every use: only the surveys of one cycle
// that its person is asked to answer, while the cycle is open, they are a member of the workspace
// and the cycle still asks them. The link stands in for a sign-in on the survey steps of the
// ladder alone (server/trpc/procedures.ts); everything else reads a request with a link as signed
// out. Within those steps the person is the link's, whoever else the browser is signed in as.
import type { PrismaClient } from "../db/generated/client";
import { surveyLinkByTokenHash } from "../db/cross-workspace";
import { forWorkspace } from "../db/tenant";
import { hashToken } from "../services/accounts/tokens";
import type { LinkCtx, PresentedLink, WorkspaceCtx } from "./context";
import { DomainError, isDomainError, unauthorized } from "./errors";
import { answerableBy, visiblePartnerships } from "./filters";
import { capabilitiesOf } from "./roles";
import { LINK_NOT_MEMBER, LINK_NOT_VALID, linkExpired, linkNotAsked, linkNotOpen, outsideLink } from "./survey-link-words";

// invalid: no such link (mistyped, forged, or the cookie of another link); expired: its cycle has
// closed; revoked: its person left the workspace, or the cycle no longer asks them.
export type LinkRefusalKind = "invalid" | "expired" | "revoked";

// A refusal of the link itself, as opposed to something outside what it opens. It says which
// link, when there is one, so the page that follows it can explain the refusal there.
export class SurveyLinkRefusal extends DomainError {
  constructor(
    readonly kind: LinkRefusalKind,
    message: string,
    readonly linkId: string | null = null,
  ) {
    super("UNAUTHORIZED", message);
    this.name = "SurveyLinkRefusal";
  }
}

export const isSurveyLinkRefusal = (error: unknown): error is SurveyLinkRefusal => error instanceof SurveyLinkRefusal;

// Tokens are 256 bits in base64url; anything else is not worth a lookup.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function resolveSurveyLink(db: PrismaClient, presented: PresentedLink): Promise<LinkCtx> {
  const token = presented.token;
  const row = token && TOKEN_SHAPE.test(token) ? await surveyLinkByTokenHash(db, hashToken(token)) : null;
  if (!row || (presented.linkId != null && presented.linkId !== row.id)) throw new SurveyLinkRefusal("invalid", LINK_NOT_VALID);
  const { workspace, member, cycle } = row;
  if (member.removedAt) throw new SurveyLinkRefusal("revoked", LINK_NOT_MEMBER, row.id);
  if (cycle.status === "CLOSED") throw new SurveyLinkRefusal("expired", linkExpired(cycle), row.id);
  if (cycle.status !== "OPEN") throw new SurveyLinkRefusal("revoked", linkNotOpen(cycle.label), row.id);

  const ref = {
    id: member.id,
    workspaceId: member.workspaceId,
    userId: member.userId,
    role: member.role,
    partnerOrgId: member.partnerOrgId,
  };
  const ctx: WorkspaceCtx = {
    db: forWorkspace(db, workspace.id),
    user: member.user,
    workspace,
    member: ref,
    role: member.role,
    can: capabilitiesOf(member.role),
  };
  // The rows of the cycle's list that still ask them, read through their current access, as the
  // list of surveys they owe reads them (services/survey.ts).
  const asked = await ctx.db.cycleParticipant.count({
    where: {
      cycleId: cycle.id,
      memberId: member.id,
      excluded: false,
      partnership: { AND: [{ phase: { not: "EXITED" }, archivedAt: null }, visiblePartnerships(ref)] },
      AND: [answerableBy(ref)],
    },
  });
  if (asked === 0) throw new SurveyLinkRefusal("revoked", linkNotAsked(cycle.label), row.id);
  return { ...ctx, surveyLink: { id: row.id, cycle, lastUsedAt: row.lastUsedAt } };
}

// A survey step's request, within what the link opens: its workspace and its cycle.
export function assertWithinLink(ctx: LinkCtx, want: { workspaceSlug: string; cycleId: string }) {
  if (want.workspaceSlug !== ctx.workspace.slug || want.cycleId !== ctx.surveyLink.cycle.id) {
    throw unauthorized(outsideLink(ctx.surveyLink.cycle.label));
  }
}

// A resource step run for a link's person: whatever it refuses (a partnership of another
// organisation, one they are not asked about, a random id) lies outside the link, and answers
// alike, so the link tells nothing of what exists beyond it.
export async function withinLink<T>(ctx: LinkCtx, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isDomainError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      throw unauthorized(outsideLink(ctx.surveyLink.cycle.label));
    }
    throw error;
  }
}
