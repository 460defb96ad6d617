// The procedure ladder, defined once: public -> signed in -> workspace member -> role steps ->
// resource steps. Each step is built from server/access: the member step resolves the membership
// from the session and the URL's workspace slug and scopes ctx.db to that workspace; the role
// steps ask the roles table; the resource steps load the partnership, retro, item, action, goal,
// cycle or survey a procedure is about and authorize it before the handler runs, putting it on
// the context. A procedure's access is the step it is built on, and each step names its rule in
// the procedure's meta, so the access tests can ask server/access what every procedure should
// answer. Handlers never decide access from raw input, and never take a workspace id from the client.
// A personal survey link counts on the survey steps alone (and its own two procedures); every
// other step reads a request with a link as signed out.
import { z } from "zod";
import type { LinkCtx, Need, RequestContext, ResolvedLink, WorkspaceCtx } from "../access/context";
import { decideRole, type Rule } from "../access/decide";
import { notFound, unauthorized } from "../access/errors";
import { loadAskedCycle, loadCycle, loadParticipantsTarget, loadSurveyTarget } from "../access/cycles";
import { loadMember, loadNotification } from "../access/members";
import { authorizePartnership, enforce, loadLifecycle, loadTeamTarget, loadWork } from "../access/partnership";
import {
  isSidedMove,
  loadAction,
  loadExchangeItem,
  loadGoal,
  loadRetro,
  loadRetroAction,
  loadRetroItem,
  type ExchangeNeed,
  type ItemNeed,
} from "../access/work-items";
import { memberContext } from "../access/member-context";
import { assertWithinLink, resolveSurveyLink, withinLink } from "../access/survey-link";
import { LINK_NEEDED } from "../access/survey-link-words";
import { baseProcedure } from "./init";

const rule = (access: Rule) => ({ access });

// Ids as the client sends them; what they name is looked up in the caller's workspace only.
export const id = z.string().min(1).max(64);

export const publicProcedure = baseProcedure.meta(rule("public"));

export const authedProcedure = baseProcedure.meta(rule("signedIn")).use(async ({ ctx, next }) => {
  // A request with a personal survey link is never signed in (see the survey steps below).
  if (!ctx.userId || ctx.presentedLink) throw unauthorized("Please sign in.");
  const user = await ctx.db.user.findUnique({ where: { id: ctx.userId }, select: { id: true, email: true, name: true } });
  if (!user) throw unauthorized("Your account no longer exists.");
  return next({ ctx: { ...ctx, user } });
});

export const workspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, "3-40 lowercase letters, digits or hyphens");

// The signed-in person's membership of the URL's workspace.
async function sessionMember(ctx: RequestContext, workspaceSlug: string): Promise<WorkspaceCtx> {
  if (!ctx.userId || ctx.presentedLink) throw unauthorized("Please sign in.");
  const scoped = await memberContext(ctx.db, ctx.userId, workspaceSlug);
  if (!scoped) {
    const exists = await ctx.db.user.count({ where: { id: ctx.userId } });
    if (!exists) throw unauthorized("Your account no longer exists.");
    // Not a member and no such workspace answer alike: nothing reveals that a workspace exists.
    throw notFound("Workspace");
  }
  return scoped;
}

const workspaceInput = z.object({ workspaceSlug: z.string().max(64) });

export const workspaceProcedure = baseProcedure
  .meta(rule("member"))
  .input(workspaceInput)
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await sessionMember(ctx, input.workspaceSlug)) } }));

// The member step of the survey steps, and of no other: the signed-in member, or, for a request
// that carries a personal survey link (only its own endpoint and pages make those, and they never
// read the session), the person the link is for (server/access/survey-link.ts). The resource
// steps built on it keep a link's request within the link's workspace and cycle.
const surveyMemberProcedure = baseProcedure
  .meta(rule("member"))
  .input(workspaceInput)
  .use(async ({ ctx, input, next }) => {
    const member: WorkspaceCtx & { surveyLink: ResolvedLink | null } = ctx.presentedLink
      ? await resolveSurveyLink(ctx.db, ctx.presentedLink)
      : { ...(await sessionMember(ctx, input.workspaceSlug)), surveyLink: null };
    return next({ ctx: { ...ctx, ...member } });
  });

// A personal survey link's own procedures (following it, what it opens): with a link only.
export const surveyLinkProcedure = baseProcedure.meta(rule("surveyLink")).use(async ({ ctx, next }) => {
  if (!ctx.presentedLink) throw unauthorized(LINK_NEEDED);
  return next({ ctx: { ...ctx, ...(await resolveSurveyLink(ctx.db, ctx.presentedLink)) } });
});

function roleStep(access: "host" | "admin") {
  return workspaceProcedure.meta(rule(access)).use(({ ctx, next }) => {
    enforce(decideRole(ctx.role, access));
    return next();
  });
}

// The company's own people: every partnership's scorecard, the portfolio, cycles.
export const hostProcedure = roleStep("host");
// Workspace setup: members, partners, framework, cycles, settings.
export const adminProcedure = roleStep("admin");

// One partnership as its scorecard shows it: any of the company's people, a partner contact for
// their own organisation's.
export const partnershipProcedure = workspaceProcedure
  .meta(rule("partnership"))
  .input(z.object({ partnershipId: id }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, partnershipId: await authorizePartnership(ctx, input.partnershipId) } }));

// A partnership's shared work (retros, actions, goals) for the need given.
export const workProcedure = (need: Need) =>
  workspaceProcedure
    .meta(rule(`work:${need}`))
    .input(z.object({ partnershipId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, work: await loadWork(ctx, input.partnershipId, need) } }));

// A partnership's lifecycle and renewal review (the host side only).
export const lifecycleProcedure = (need: Exclude<Need, "write">) =>
  workspaceProcedure
    .meta(rule(`lifecycle:${need}`))
    .input(z.object({ partnershipId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, work: await loadLifecycle(ctx, input.partnershipId, need) } }));

export const retroProcedure = (need: Need) =>
  workspaceProcedure
    .meta(rule(`item:${need}`))
    .input(z.object({ retroId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadRetro(ctx, input.retroId, need)) } }));

export const retroItemProcedure = (need: ItemNeed) =>
  workspaceProcedure
    .meta(rule(need === "author" ? "retroItem:author" : `item:${need}`))
    .input(z.object({ itemId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadRetroItem(ctx, input.itemId, need)) } }));

// An action a retro made (volunteering for it, assigning it).
export const retroActionProcedure = (need: Need) =>
  workspaceProcedure
    .meta(rule(`item:${need}`))
    .input(z.object({ actionId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadRetroAction(ctx, input.actionId, need)) } }));

export const actionProcedure = (need: Need) =>
  workspaceProcedure
    .meta(rule(`item:${need}`))
    .input(z.object({ actionId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadAction(ctx, input.actionId, need)) } }));

export const goalProcedure = (need: Need | "edit") =>
  workspaceProcedure
    .meta(rule(need === "edit" ? "goal:edit" : `item:${need}`))
    .input(z.object({ goalId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadGoal(ctx, input.goalId, need)) } }));

// An ask or offer: read it, make a move either side makes ("write"), or a move of one side only.
export const exchangeProcedure = (need: ExchangeNeed) =>
  workspaceProcedure
    .meta(rule(isSidedMove(need) ? `exchange:${need}` : `item:${need}`))
    .input(z.object({ itemId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadExchangeItem(ctx, input.itemId, need)) } }));

// A cycle, for the company's own people (its response rates, its list of people asked).
export const cycleProcedure = hostProcedure
  .input(z.object({ cycleId: id }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, cycle: await loadCycle(ctx, input.cycleId) } }));

// A cycle an admin opens, closes or extends.
export const adminCycleProcedure = adminProcedure
  .input(z.object({ cycleId: id }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, cycle: await loadCycle(ctx, input.cycleId) } }));

// A personal survey link's person answers only within the link: its workspace and cycle, and
// what the step refuses them answers as "outside the link", whatever the reason.
function linkScoped<T>(
  ctx: WorkspaceCtx & { surveyLink: ResolvedLink | null },
  input: { workspaceSlug: string; cycleId: string },
  load: () => Promise<T>,
): Promise<T> {
  if (!ctx.surveyLink) return load();
  const link = ctx as LinkCtx;
  assertWithinLink(link, input);
  return withinLink(link, load);
}

// A cycle that asks this member to answer (about any partnership).
export const askedCycleProcedure = surveyMemberProcedure
  .meta(rule("asked"))
  .input(z.object({ cycleId: id }))
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { ...ctx, cycle: await linkScoped(ctx, input, () => loadAskedCycle(ctx, input.cycleId)) } }),
  );

// The survey a member answers about a partnership in a cycle: they must be asked.
export const surveyProcedure = surveyMemberProcedure
  .meta(rule("survey"))
  .input(z.object({ cycleId: id, partnershipId: id }))
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { ...ctx, survey: await linkScoped(ctx, input, () => loadSurveyTarget(ctx, input.cycleId, input.partnershipId)) } }),
  );

// A partnership's list of people asked in a cycle: admins for any, managers for those they own.
export const participantsProcedure = workspaceProcedure
  .meta(rule("participants:edit"))
  .input(z.object({ cycleId: id, partnershipId: id }))
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { ...ctx, target: await loadParticipantsTarget(ctx, input.cycleId, input.partnershipId) } }),
  );

// A partnership's host team, changed by its owner or an admin.
export const teamProcedure = workspaceProcedure
  .meta(rule("team:edit"))
  .input(z.object({ partnershipId: id }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, team: await loadTeamTarget(ctx, input.partnershipId) } }));

// Another member, for an admin changing their role or removing them.
export const memberProcedure = adminProcedure
  .input(z.object({ memberId: id }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, target: await loadMember(ctx, input.memberId) } }));

// One of the member's own notifications.
export const notificationProcedure = workspaceProcedure
  .meta(rule("own"))
  .input(z.object({ notificationId: id }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, notification: await loadNotification(ctx, input.notificationId) } }));
