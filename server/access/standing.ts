// What a member may still hold of a partnership and still hear about it: asked when their role,
// organisation or membership changes (server/services/member-change/ clears what they may no
// longer hold) and again before a message reaches them (the email delivery job, the notification
// list). The same decisions as everywhere else (decide.ts); this file only says which decision
// each thing a person holds, or is told about, depends on.
import type { EmailKind, NotificationKind } from "../db/generated/client";
import type { Actor } from "./context";
import { answersFor, decideRole, decideWork, seePartnership, type PartnershipFacts } from "./decide";
import { capabilitiesOf, sideOfRole, speaksForHost, type Side } from "./roles";

// Being a partnership's owner.
export const mayOwnPartnerships = (actor: Actor) => capabilitiesOf(actor.role).ownPartnerships;

// Being on a partnership's host team (working on it for the company, besides its owner).
export const mayBeOnHostTeam = (actor: Actor) => speaksForHost(actor.role);

// Owning its actions (and a goal, on the side they speak for): writing its work. An archived
// partnership is read-only to everyone, but who may hold its work is the same.
export const mayHoldWork = (actor: Actor, p: PartnershipFacts) => decideWork(actor, { ...p, archived: false }, "write").ok;

export const mayOwnGoal = (actor: Actor, p: PartnershipFacts, side: Side) => sideOfRole(actor.role) === side && mayHoldWork(actor, p);

// What a message about a partnership is about, and so what its reader must still be allowed:
// - host: the company's own view (alerts on its scores, its renewal review, its ownership);
// - read: the partnership's working papers (a retro's summary);
// - write: work they hold (an action due, an action handed to them);
// - answer: a survey they are asked to answer.
export type Concern = "host" | "read" | "write" | "answer";

export const NOTICE_CONCERN: Record<NotificationKind, Concern> = {
  HEALTH_DROP: "host",
  PILLAR_AT_RISK: "host",
  PERCEPTION_GAP: "host",
  RENEWAL_REVIEW: "host",
  OWNER_NEEDED: "host",
  ACTION_DUE: "write",
  ACTION_HANDED_OVER: "write",
  // An ask or offer concerns everyone who reads the partnership's work, on both sides.
  EXCHANGE: "read",
  // The one-sided alert is the company's own view of the balance, like its other alerts.
  ONE_SIDED_EXCHANGE: "host",
};

// An invitation is for someone who is not a member yet, about no partnership; a webhook endpoint
// turned off is the admins' news, about no partnership either.
export const EMAIL_CONCERN: Record<Exclude<EmailKind, "INVITATION" | "WEBHOOK_DISABLED">, Concern> = {
  ALERT: "host",
  RETRO_SUMMARY: "read",
  ACTION_REMINDER: "write",
  SURVEY_OPEN: "answer",
  REMINDER: "answer",
  EXCHANGE: "read",
};

export const emailConcern = (kind: EmailKind): Concern | null =>
  kind === "INVITATION" || kind === "WEBHOOK_DISABLED" ? null : EMAIL_CONCERN[kind];

// The notification kinds a partner contact may read: none of the company's own view.
export const PARTNER_NOTICE_KINDS = (Object.keys(NOTICE_CONCERN) as NotificationKind[]).filter((k) => NOTICE_CONCERN[k] !== "host");

// Whether the member may still be told this about the partnership. `actor` is null for someone
// no longer a member: they are told nothing.
export function mayHear(actor: Actor | null, p: PartnershipFacts, concern: Concern): boolean {
  if (!actor) return false;
  if (!seePartnership(actor, p).ok) return false;
  switch (concern) {
    case "host":
      return decideRole(actor.role, "host").ok;
    case "read":
      return decideWork(actor, { ...p, archived: false }, "read").ok;
    case "write":
      return mayHoldWork(actor, p);
    case "answer":
      return answersFor(actor, p, sideOfRole(actor.role));
  }
}
