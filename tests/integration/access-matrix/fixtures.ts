// One entry per procedure of the app router: a valid input to call it with in the matrix world,
// the facts its access rule is decided on (what its step loads: partnership A, an item's author, a
// goal's owners, whether the caller is asked), which input fields are ids, and when in a scenario
// it runs. A procedure without an entry fails the matrix test.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../../server/access/context";
import type { RuleFacts } from "../../../server/access/outcome";
import { TEST_PASSWORD } from "../../../prisma/factories";
import { db } from "../helpers";
import { day, type MatrixWorld } from "./world";

// An id field names either something behind partnership A (or its organisation), which a
// contact of organisation B must not be able to tell from a random id, or something of the
// workspace that B's contact may know (a cycle, a member).
export type IdKind = "hidden" | "workspace";

export interface Fixture {
  // The input without the workspace slug (the runner adds the scenario's); none for procedures
  // that take no input.
  input?: (w: MatrixWorld) => Record<string, unknown>;
  facts?: (w: MatrixWorld, actor: Actor) => RuleFacts | Promise<RuleFacts>;
  ids?: Record<string, IdKind>;
  // Calls run in stage order: reads (0) before writes (10), and writes that change what later
  // calls need (closing a cycle, removing a member, deciding the review) last.
  stage?: number;
}

const fresh = () => randomUUID().slice(0, 8);
const onA = (w: MatrixWorld): RuleFacts => ({ partnership: w.factsA });
const a = (w: MatrixWorld) => ({ partnershipId: w.partnershipA.id });
const aIds = { partnershipId: "hidden" } as const;
// The asks of the matrix world are all the company's, made of A.
const onExchange = (w: MatrixWorld): RuleFacts => ({
  ...onA(w),
  exchange: { kind: "ASK", side: "HOST", names: { HOST: w.workspace.name, PARTNER: w.orgA.name } },
});
const itemIds = { itemId: "hidden" } as const;
const survey = (w: MatrixWorld) => ({ cycleId: w.cycles.current.id, partnershipId: w.partnershipA.id });
const surveyIds = { cycleId: "workspace", partnershipId: "hidden" } as const;
const spareRole = async (w: MatrixWorld) =>
  (await db().member.findFirstOrThrow({ where: { id: w.people.spare.member.id }, select: { role: true } })).role;

// Whether the cycle asks this member about partnership A (survey), or about anything (asked).
async function askedFacts(w: MatrixWorld, actor: Actor, aboutA: boolean): Promise<RuleFacts> {
  const asked = await db().cycleParticipant.count({
    where: {
      workspaceId: w.workspace.id,
      cycleId: w.cycles.current.id,
      memberId: actor.id,
      excluded: false,
      ...(aboutA ? { partnershipId: w.partnershipA.id } : {}),
    },
  });
  return { ...onA(w), cycle: { label: w.cycles.current.label }, asked: asked > 0 };
}

export const FIXTURES: Record<string, Fixture> = {
  "user.me": {},

  // The caller's own account: every signed-in caller may, whoever they are in the workspace.
  "account.overview": {},
  "account.rename": { input: () => ({ name: "Renamed Person" }) },
  "account.updateEmails": {
    input: () => ({ emailSurveyReminders: false, emailActionReminders: true, emailAlerts: true, emailRetroSummaries: false }),
  },
  "account.changePassword": { input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "another-horse-battery" }) },
  "account.requestEmailChange": { input: () => ({ email: `moved-${fresh()}@example.test`, currentPassword: TEST_PASSWORD }) },
  // A link of nobody's: refused by the token rule, not by access.
  "account.emailChange": { input: () => ({ token: `not-a-token-${fresh()}` }) },
  "account.confirmEmailChange": { input: () => ({ token: `not-a-token-${fresh()}` }) },
  "account.sessions": {},
  "account.endSession": { input: () => ({ session: `no-such-session-${fresh()}` }) },
  "account.activity": { input: () => ({}) },
  "account.signOutEverywhere": { stage: 50 },

  "workspace.signUp": {
    input: () => ({
      name: "New Person",
      email: `signup-${fresh()}@example.test`,
      password: "correct-horse-battery-staple",
      workspaceName: "Fresh Start",
      slug: `fresh-${fresh()}`,
    }),
  },
  // A made-up link: the check answers "not valid", the button refuses (a domain rule, not access).
  "workspace.signUpCheck": { input: () => ({ token: `made-up-${fresh()}` }) },
  "workspace.confirmSignUp": { input: () => ({ token: `made-up-${fresh()}` }) },
  "workspace.create": { input: () => ({ workspaceName: "Second Program", slug: `second-${fresh()}` }) },
  "workspace.mine": {},
  "workspace.current": {},
  "workspace.updateSettings": {
    input: () => ({
      cadence: "QUARTERLY",
      cycleOpenDay: 1,
      cycleLengthDays: 21,
      autoSchedule: true,
      confidentialityThreshold: 3,
      surveyMode: "CONFIDENTIAL",
    }),
  },
  "workspace.updateRenewalSettings": { input: () => ({ renewalReviewDays: 60 }) },
  "workspace.updatePartnerSharing": {
    input: () => ({
      partnerSeesScores: true,
      partnerSeesTrends: true,
      partnerSeesComments: true,
      partnerSeesSides: false,
      partnerSeesStatements: false,
    }),
  },

  "member.list": {},
  "member.owners": {},
  "member.search": { input: () => ({ q: "a", status: "active" }) },
  "member.changeRole": {
    input: (w) => ({ memberId: w.people.spare.member.id, role: "EXECUTIVE" }),
    facts: async (w) => ({ roles: [await spareRole(w), "EXECUTIVE"] }),
    ids: { memberId: "workspace" },
    stage: 30,
  },
  "member.preview": {
    input: (w) => ({ memberId: w.people.spare.member.id, change: "role", role: "EXECUTIVE" }),
    facts: async (w) => ({ roles: [await spareRole(w), "EXECUTIVE"] }),
    ids: { memberId: "workspace" },
  },
  "member.remove": {
    input: (w) => ({ memberId: w.people.spare.member.id }),
    facts: async (w) => ({ roles: [await spareRole(w)] }),
    ids: { memberId: "workspace" },
    stage: 31,
  },

  "invitation.create": { input: () => ({ email: `invited-${fresh()}@example.test`, role: "MANAGER" }) },
  "invitation.list": {},
  "invitation.revoke": { input: (w) => ({ invitationId: w.invitations.pending.id }), ids: { invitationId: "workspace" } },
  "invitation.preview": { input: (w) => ({ token: w.invitations.inviteToken }) },
  "invitation.accept": {
    input: (w) => ({ token: w.invitations.inviteToken, name: "Ivy Invitee", password: "correct-horse-battery-staple" }),
  },

  "passwordReset.request": { input: () => ({ email: `forgetful-${fresh()}@example.test` }) },
  "passwordReset.check": { input: () => ({ token: `made-up-${fresh()}` }) },
  "passwordReset.complete": { input: () => ({ token: `made-up-${fresh()}`, password: "correct-horse-battery-staple" }) },
  "signInLink.request": { input: () => ({ email: `linked-${fresh()}@example.test`, next: "/workspaces" }) },
  "signInLink.check": { input: () => ({ token: `made-up-${fresh()}` }) },

  "partnerOrg.list": {},
  "partnerOrg.choices": {},
  "partnerOrg.search": { input: () => ({ q: "a" }) },
  "partnerOrg.create": { input: () => ({ name: `New Org ${fresh()}` }) },

  // Importing: admins only. The confirm's events are not read here, so it writes nothing.
  "import.mapping": { input: () => ({ kind: "partnerOrgs", headers: ["name", "region"] }) },
  "import.preview": {
    input: () => ({ kind: "partnerOrgs", table: { headers: ["name"], rows: [[`Imported ${fresh()}`]] }, mapping: { name: "name" } }),
  },
  "import.confirm": {
    input: () => ({
      kind: "partnerOrgs",
      table: { headers: ["name"], rows: [[`Imported ${fresh()}`]] },
      mapping: { name: "name" },
      onlyValid: false,
    }),
    stage: 10,
  },
  "import.export": { input: () => ({ kind: "people" }) },

  "partnership.list": {},
  "partnership.search": { input: () => ({ q: "a", sort: "health" }) },
  "partnership.scorecard": { input: a, facts: onA, ids: aIds },
  "partnership.report": { input: a, facts: onA, ids: aIds },
  "partnership.scorecardWork": { input: a, facts: onA, ids: aIds },
  "partnership.scorecardExchange": { input: a, facts: onA, ids: aIds },
  "partnership.workAccess": { input: a, facts: onA, ids: aIds },
  "partnership.scorecardComments": { input: (w) => ({ ...a(w), offset: 0 }), facts: onA, ids: aIds },
  "partnership.create": {
    input: (w) => ({ name: `New Partnership ${fresh()}`, partnerOrgId: w.orgA.id, tier: "CORE", phase: "ACTIVE" }),
    ids: { partnerOrgId: "hidden" },
  },
  // Saves A as it is (its review is open, so it is in the review phase).
  "partnership.update": {
    input: (w) => ({
      ...a(w),
      name: w.partnershipA.name,
      ownerMemberId: w.people.managerOwner.member.id,
      tier: w.partnershipA.tier,
      phase: "RENEWAL_REVIEW",
      renewalDate: w.partnershipA.renewalDate!.toISOString().slice(0, 10),
    }),
    ids: aIds,
  },

  "framework.current": {},
  "framework.versions": {},
  "framework.update": { input: (w) => w.frameworkEdit },

  "cycle.list": {},
  "cycle.create": { input: () => ({ label: `Extra ${fresh()}`, opensAt: day(200), closesAt: day(221) }) },
  "cycle.openingPreview": { input: (w) => ({ cycleId: w.cycles.draft.id }), ids: { cycleId: "workspace" } },
  "cycle.open": { input: (w) => ({ cycleId: w.cycles.draft.id }), ids: { cycleId: "workspace" } },
  // A closed cycle: every call the rules allow is then refused by the domain rule (never deleted),
  // so the matrix's world keeps its cycles.
  "cycle.undoOpen": { input: (w) => ({ cycleId: w.cycles.q0.id }), ids: { cycleId: "workspace" } },
  "cycle.delete": { input: (w) => ({ cycleId: w.cycles.q0.id }), ids: { cycleId: "workspace" } },
  "cycle.extend": { input: (w) => ({ cycleId: w.cycles.current.id, closesAt: day(60) }), ids: { cycleId: "workspace" } },
  "cycle.get": { input: (w) => ({ cycleId: w.cycles.current.id }), ids: { cycleId: "workspace" } },
  "cycle.close": { input: (w) => ({ cycleId: w.cycles.current.id }), ids: { cycleId: "workspace" }, stage: 40 },

  "participant.list": { input: (w) => ({ cycleId: w.cycles.current.id }), ids: { cycleId: "workspace" } },
  "participant.add": {
    input: (w) => ({ ...survey(w), memberId: w.people.spare.member.id }),
    facts: onA,
    ids: { ...surveyIds, memberId: "workspace" },
  },
  "participant.remove": {
    input: (w) => ({ ...survey(w), memberId: w.people.spare.member.id }),
    facts: onA,
    ids: { ...surveyIds, memberId: "workspace" },
    stage: 11,
  },

  // The host team of A: read by the company's people; Sam Spare joins it, then leaves it again.
  "team.list": { input: a, ids: aIds },
  "team.add": {
    input: (w) => ({ ...a(w), memberId: w.people.spare.member.id }),
    facts: onA,
    ids: { ...aIds, memberId: "workspace" },
  },
  "team.remove": {
    input: (w) => ({ ...a(w), memberId: w.people.spare.member.id }),
    facts: onA,
    ids: { ...aIds, memberId: "workspace" },
    stage: 11,
  },

  "response.owed": {},
  "response.form": { input: survey, facts: (w, actor) => askedFacts(w, actor, true), ids: surveyIds },
  "response.saveDraft": {
    input: (w) => ({ ...survey(w), answers: w.answers.slice(0, 2), comments: [], baseVersion: null }),
    facts: (w, actor) => askedFacts(w, actor, true),
    ids: surveyIds,
  },
  "response.submit": {
    input: (w) => ({ ...survey(w), answers: w.answers, comments: [] }),
    facts: (w, actor) => askedFacts(w, actor, true),
    ids: surveyIds,
    stage: 11,
  },
  "response.muteReminders": {
    input: (w) => ({ cycleId: w.cycles.current.id, muted: true }),
    facts: (w, actor) => askedFacts(w, actor, false),
    ids: { cycleId: "workspace" },
  },

  // Only with a personal survey link (survey-link-access.test.ts); a session alone is refused.
  "surveyLink.open": { stage: 11 },
  "surveyLink.overview": {},

  "portfolio.overview": {},
  "portfolio.export": {},
  "outbox.list": {},
  "outbox.failedCount": {},
  // No email of the world was given up on: an admin's call is refused by the service (CONFLICT),
  // everyone else's by the access step first.
  "outbox.sendAgain": { input: () => ({ emailId: "no-such-email" }) },

  "audit.list": { input: () => ({ action: "settings.updated", text: "threshold" }) },
  "audit.people": {},
  "apiToken.list": {},
  "apiToken.create": { input: () => ({ name: `Matrix ${fresh()}`, scope: "READ", role: "EXECUTIVE" }), stage: 10 },
  // No such token: an admin's call is refused by the service as not found.
  "apiToken.revoke": { input: () => ({ tokenId: "no-such-token" }), facts: () => ({ missing: true }), stage: 10 },
  "chatIntegration.list": {},
  // Refused for an admin by the service (BAD_REQUEST: not a Slack address), for others by the step.
  "chatIntegration.save": { input: () => ({ platform: "SLACK", url: "https://example.com/not-slack" }), stage: 10 },
  // Nothing saved in the world: an admin's call is refused as not found, or as "save one first".
  "chatIntegration.remove": { input: () => ({ platform: "TEAMS" }), facts: () => ({ missing: true }), stage: 10 },
  "chatIntegration.test": { input: () => ({ platform: "TEAMS" }), stage: 10 },
  "webhook.list": {},
  "webhook.create": {
    input: () => ({ url: `https://hooks.example.test/${fresh()}`, description: "Matrix", events: ["cycle.opened"] }),
    stage: 10,
  },
  // No such endpoint or delivery: an admin's call is refused by the service as not found.
  "webhook.update": { input: () => ({ endpointId: "no-such-endpoint", enabled: false }), facts: () => ({ missing: true }), stage: 10 },
  "webhook.rotateSecret": { input: () => ({ endpointId: "no-such-endpoint" }), facts: () => ({ missing: true }), stage: 10 },
  "webhook.remove": { input: () => ({ endpointId: "no-such-endpoint" }), facts: () => ({ missing: true }), stage: 10 },
  "webhook.sendTest": { input: () => ({ endpointId: "no-such-endpoint" }), facts: () => ({ missing: true }), stage: 10 },
  "webhook.deliveries": { input: () => ({ endpointId: "no-such-endpoint" }), facts: () => ({ missing: true }) },
  "webhook.redeliver": { input: () => ({ deliveryId: "no-such-delivery" }), facts: () => ({ missing: true }), stage: 10 },
  "audit.export": { input: (w) => ({ memberId: w.people.admin.member.id }), ids: { memberId: "workspace" } },
  "sso.get": {},
  // Reaches discovery only for an admin, where an unresolvable issuer is refused (BAD_REQUEST).
  "sso.save": {
    input: () => ({
      issuer: "https://sso.invalid/",
      clientId: "matrix",
      clientSecret: "matrix-secret",
      domains: ["example.test"],
      required: false,
      joinByDomain: false,
      joinRole: "MANAGER",
    }),
  },
  "sso.remove": {},

  "retro.list": { input: a, facts: onA, ids: aIds },
  "retro.get": { input: (w) => ({ retroId: w.retros.gathering.id }), facts: onA, ids: { retroId: "hidden" } },
  "retro.summary": { input: (w) => ({ retroId: w.retros.closed.id }), facts: onA, ids: { retroId: "hidden" } },
  "retro.open": {
    input: (w) => ({ ...a(w), cycleId: w.cycles.current.id, groundRules: "Be kind, be specific." }),
    facts: onA,
    ids: { ...aIds, cycleId: "workspace" },
  },
  "retro.addItem": {
    input: (w) => ({ retroId: w.retros.gathering.id, list: "STOP_DOING", text: "Late price lists" }),
    facts: onA,
    ids: { retroId: "hidden" },
  },
  "retro.editItem": {
    input: (w) => ({ itemId: w.items.ownItem.id, text: "Quick, clear answers from support" }),
    facts: (w) => ({ ...onA(w), itemAuthorId: w.items.ownItem.authorId }),
    ids: { itemId: "hidden" },
    stage: 11,
  },
  "retro.withdrawItem": {
    input: (w) => ({ itemId: w.items.ownItem.id }),
    facts: (w) => ({ ...onA(w), itemAuthorId: w.items.ownItem.authorId }),
    ids: { itemId: "hidden" },
    stage: 12,
  },
  // Gathering -> voting, once the gathering retro's items are done with.
  "retro.advance": {
    input: (w) => ({ retroId: w.retros.gathering.id, version: w.retros.gathering.version }),
    facts: onA,
    ids: { retroId: "hidden" },
    stage: 13,
  },
  "retro.vote": { input: (w) => ({ itemId: w.items.voteItem.id }), facts: onA, ids: { itemId: "hidden" } },
  "retro.moveVote": {
    input: (w) => ({ itemId: w.items.voteItem.id, toItemId: w.items.otherVoteItem.id }),
    facts: onA,
    ids: { itemId: "hidden", toItemId: "hidden" },
    stage: 11,
  },
  "retro.unvote": { input: (w) => ({ itemId: w.items.otherVoteItem.id }), facts: onA, ids: { itemId: "hidden" }, stage: 12 },
  "retro.volunteer": {
    input: (w) => ({ actionId: w.actions.volunteerAction.id, dueDate: day(30) }),
    facts: onA,
    ids: { actionId: "hidden" },
  },
  "retro.makeAsk": { input: (w) => ({ itemId: w.items.voteItem.id }), facts: onA, ids: { itemId: "hidden" } },
  "retro.assign": {
    input: (w) => ({
      actionId: w.actions.assignAction.id,
      memberId: w.people.contactA.member.id,
      dueDate: day(30),
      version: w.actions.assignAction.version,
    }),
    facts: onA,
    ids: { actionId: "hidden", memberId: "workspace" },
  },

  "action.list": { input: a, facts: onA, ids: aIds },
  "action.mine": {},
  "action.get": { input: (w) => ({ actionId: w.actions.action.id }), facts: onA, ids: { actionId: "hidden" } },
  "action.create": {
    input: (w) => ({ ...a(w), title: "Weekly pipeline call", ownerMemberId: w.people.contactA.member.id, dueDate: day(20) }),
    facts: onA,
    ids: { ...aIds, ownerMemberId: "workspace" },
  },
  // Status only: anyone who may write says how the work stands.
  "action.update": {
    input: (w) => ({ actionId: w.actions.action.id, version: w.actions.action.version, status: "IN_PROGRESS" }),
    facts: onA,
    ids: { actionId: "hidden" },
  },

  "goal.list": { input: a, facts: onA, ids: aIds },
  "goal.behind": {},
  "goal.portfolio": { input: () => ({ show: "all" }) },
  "goal.create": {
    input: (w) => ({ ...a(w), title: "Two joint webinars", measure: "Webinars held", unit: "webinars", targetValue: 2, dueDate: day(90) }),
    facts: onA,
    ids: aIds,
  },
  "goal.update": {
    input: (w) => ({ goalId: w.goal.id, version: w.goal.version, title: "Twelve joint deals" }),
    facts: (w) => ({ ...onA(w), goal: w.goal }),
    ids: { goalId: "hidden" },
  },
  "goal.checkIn": {
    input: (w) => ({ goalId: w.goal.id, cycleId: w.cycles.current.id, value: 4, note: "Four so far" }),
    facts: onA,
    ids: { goalId: "hidden", cycleId: "workspace" },
    stage: 11,
  },

  "exchange.list": { input: a, facts: onA, ids: aIds },
  "exchange.balance": { input: a, facts: onA, ids: aIds },
  "exchange.create": {
    input: (w) => ({ ...a(w), kind: "OFFER", title: "Two speaker slots at our summit", dueDate: day(20) }),
    facts: onA,
    ids: aIds,
  },
  "exchange.accept": { input: (w) => ({ itemId: w.exchange.open.id, note: "" }), facts: onExchange, ids: itemIds },
  "exchange.decline": { input: (w) => ({ itemId: w.exchange.open.id, reason: "Not this quarter" }), facts: onExchange, ids: itemIds },
  "exchange.clarify": { input: (w) => ({ itemId: w.exchange.open.id, question: "Which retailers?" }), facts: onExchange, ids: itemIds },
  "exchange.withdraw": { input: (w) => ({ itemId: w.exchange.open.id, note: "" }), facts: onExchange, ids: itemIds },
  "exchange.answer": { input: (w) => ({ itemId: w.exchange.clarify.id, answer: "Grocery chains" }), facts: onExchange, ids: itemIds },
  "exchange.deliver": { input: (w) => ({ itemId: w.exchange.accepted.id, rating: 4, note: "" }), facts: onExchange, ids: itemIds },
  "exchange.lapse": { input: (w) => ({ itemId: w.exchange.accepted.id, note: "" }), facts: onA, ids: itemIds },
  "exchange.toAction": { input: (w) => ({ itemId: w.exchange.accepted.id }), facts: onA, ids: itemIds },

  "lifecycle.review": { input: a, facts: onA, ids: aIds },
  "lifecycle.history": { input: a, facts: onA, ids: aIds },
  // A's review is open: deciding it renews A, which then moves on, and a new review opens.
  "lifecycle.decide": {
    input: (w) => ({ ...a(w), reviewId: w.review.id, decision: "RENEW", reasons: "Both sides invest", nextRenewalDate: day(400) }),
    facts: onA,
    ids: { ...aIds, reviewId: "hidden" },
    stage: 20,
  },
  "lifecycle.changePhase": { input: (w) => ({ ...a(w), phase: "ACTIVE" }), facts: onA, ids: aIds, stage: 21 },
  "lifecycle.openReview": { input: a, facts: onA, ids: aIds, stage: 22 },
  // A is not archived: a domain refusal after access.
  "lifecycle.restore": { input: a, facts: onA, ids: aIds, stage: 23 },

  "notification.list": {},
  "notification.unreadCount": {},
  "notification.markRead": {
    input: (w) => ({ notificationId: w.notification.id }),
    facts: (w) => ({ ownerMemberId: w.notification.memberId }),
    ids: { notificationId: "hidden" },
  },
  "notification.markAllRead": { stage: 11 },
};
