// Following a personal survey link, and what its pages show: the person's surveys of the link's
// cycle. The ladder (server/access/survey-link.ts) has checked the link before these run.
import type { LinkCtx } from "../../access/context";
import { audit } from "../accounts/audit";
import { owedSurveys } from "../survey";

// A link followed again within a day is one use in the audit log (the email is opened, the tab
// restored, a mail scanner fetches it first); lastUsedAt still says when it was last followed.
export const AUDIT_EVERY_MS = 24 * 60 * 60 * 1000;

// The person's surveys of the link's cycle, oldest-closing first as in their survey list.
export async function linkSurveys(ctx: LinkCtx) {
  const cycleId = ctx.surveyLink.cycle.id;
  return (await owedSurveys(ctx))
    .filter((s) => s.cycleId === cycleId)
    .map((s) => ({
      partnershipId: s.partnershipId,
      partnershipName: s.partnershipName,
      partnerName: s.partnerName,
      submittedAt: s.submittedAt,
    }));
}

export async function surveyLinkOverview(ctx: LinkCtx) {
  const { cycle } = ctx.surveyLink;
  return {
    linkId: ctx.surveyLink.id,
    workspace: { name: ctx.workspace.name, slug: ctx.workspace.slug },
    person: { userId: ctx.user.id, name: ctx.user.name, email: ctx.user.email },
    cycle: { id: cycle.id, label: cycle.label, closesAt: cycle.closesAt },
    surveys: await linkSurveys(ctx),
  };
}

// Records the use (lastUsedAt, and the audit log at most once a day per link) and says where the
// link leads: straight to the survey when one is left to answer, else to the list of the cycle's
// surveys (several to answer, or all submitted and still open to change).
export async function openSurveyLink(ctx: LinkCtx, now = new Date()) {
  const { id, cycle } = ctx.surveyLink;
  await ctx.db.$transaction(async (tx) => {
    const first = await tx.surveyLink.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - AUDIT_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
    if (first.count === 0) {
      await tx.surveyLink.updateMany({ where: { id }, data: { lastUsedAt: now } });
      return;
    }
    await audit(tx, {
      action: "survey_link.used",
      userId: ctx.user.id,
      actorUserId: ctx.user.id,
      email: ctx.user.email,
      target: `${cycle.label} survey`,
      detail: { linkId: id, cycleId: cycle.id, memberId: ctx.member.id },
      address: ctx.address ?? null,
    });
  });
  const surveys = await linkSurveys(ctx);
  const toAnswer = surveys.filter((s) => !s.submittedAt);
  return {
    linkId: id,
    userId: ctx.user.id,
    workspaceSlug: ctx.workspace.slug,
    cycleId: cycle.id,
    closesAt: cycle.closesAt,
    // The one survey to open at once, if there is exactly one left to answer.
    partnershipId: toAnswer.length === 1 ? toAnswer[0]!.partnershipId : null,
  };
}
