// Who may do what, as pure decisions: facts in, a decision out. Nothing here reads the database or
// throws. The ladder's resource steps (load.ts and its neighbours) gather the facts and act on the
// decision; services ask the finer ones (who may change what an action agreed); the access tests
// ask the same functions what every procedure should answer to every role.
import type { Actor, Need } from "./context";
import { capabilitiesOf, sideOfRole, speaksForHost, speaksForPartner, type Role, type Side } from "./roles";
import { sideRefusal, type ExchangeKind, type SideNames, type SidedMove } from "../services/exchange/life";

export type Refusal = { ok: false; code: "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST"; message: string };
export type Decision = { ok: true } | Refusal;

export const ALLOW: Decision = { ok: true };
const notFound = (what: string): Refusal => ({ ok: false, code: "NOT_FOUND", message: `${what} not found.` });
const forbidden = (message: string): Refusal => ({ ok: false, code: "FORBIDDEN", message });
const readOnly = (message: string): Refusal => ({ ok: false, code: "BAD_REQUEST", message });

export const ARCHIVED_MESSAGE = "This partnership is archived and read-only. Restore it to make changes.";

// The name of the access rule a procedure is built on (its step sets it as the procedure's meta),
// so the access tests can ask what each procedure should answer without a list of their own.
export type Rule =
  | "public"
  | "signedIn"
  | "member"
  | "host"
  | "admin"
  | "partnership"
  | `work:${Need}`
  | `item:${Need}`
  | `lifecycle:${Exclude<Need, "write">}`
  | "retroItem:author"
  | "goal:edit"
  | `exchange:${SidedMove}`
  | "participants:edit"
  | "team:edit"
  | "survey"
  | "asked"
  | "surveyLink"
  | "own";

// What is known of a partnership when deciding: `teamMemberIds` needs to hold only the actor, if
// they are on its host team.
export interface PartnershipFacts {
  partnerOrgId: string;
  ownerMemberId: string | null;
  teamMemberIds: readonly string[];
  archived: boolean;
}

// Role-only rules: what the roles table says, whatever the resource.
export function decideRole(role: Role, rule: "member" | "host" | "admin"): Decision {
  const can = capabilitiesOf(role);
  if (rule === "host" && !can.seeAllPartnerships) return forbidden("Only the workspace's own members can see this.");
  if (rule === "admin" && !can.administer) return forbidden("Only workspace admins can do this.");
  return ALLOW;
}

// A partner contact sees only their own organisation's partnerships, and must not learn that
// others exist: another organisation's partnership answers like a missing one.
export function seePartnership(actor: Actor, p: Pick<PartnershipFacts, "partnerOrgId">): Decision {
  if (!capabilitiesOf(actor.role).seeAllPartnerships && actor.partnerOrgId !== p.partnerOrgId) return notFound("Partnership");
  return ALLOW;
}

// Whether the actor works on the partnership: its owner or host team on the company's side, its
// organisation's contacts on the partner's.
export function worksOn(actor: Actor, p: PartnershipFacts): boolean {
  if (!capabilitiesOf(actor.role).seeAllPartnerships) return actor.partnerOrgId === p.partnerOrgId;
  return p.ownerMemberId === actor.id || p.teamMemberIds.includes(actor.id);
}

// A partnership's shared work (retros, actions, goals). Its people read and write it; owners and
// admins act for anyone; executives read everything and change nothing; a manager who does not
// work on it sees its scorecard, not its working papers. The owner (or an admin) facilitates. An
// archived partnership is read-only, but for being restored.
export function decideWork(actor: Actor, p: PartnershipFacts, need: Need): Decision {
  const seen = seePartnership(actor, p);
  if (!seen.ok) return seen;
  const can = capabilitiesOf(actor.role);
  const participant = worksOn(actor, p);
  if (!participant && !can.readAllWork && !can.actForAnyone) {
    return forbidden("Only the people who work on this partnership can see its retros, actions and goals.");
  }
  if (need === "read") return ALLOW;
  if (!can.write) return forbidden("Executives can read a partnership's work but not change it.");
  const leads = p.ownerMemberId === actor.id || can.actForAnyone;
  if (need === "restore") return leads ? ALLOW : forbidden("Only the partnership's owner (or a workspace admin) can restore it.");
  if (p.archived) return readOnly(ARCHIVED_MESSAGE);
  if (need === "facilitate" && !leads) return forbidden("Only the partnership's owner (or a workspace admin) can do this.");
  return ALLOW;
}

// Something inside a partnership's work (a retro, one of its items, an action, a goal), asked for
// by its own id. Whoever may not read the partnership's work may not learn that it exists either:
// it answers "not found", exactly like a random id. Beyond reading, the partnership's rule.
export function decideWorkItem(actor: Actor, p: PartnershipFacts, need: Need): Decision {
  const read = decideWork(actor, p, "read");
  if (!read.ok) return read.code === "FORBIDDEN" ? notFound("Partnership") : read;
  return need === "read" ? read : decideWork(actor, p, need);
}

// The lifecycle and renewal review are the company's own deliberation: to a partner contact they
// do not exist. Otherwise the rule of the partnership's work.
export function decideLifecycle(actor: Actor, p: PartnershipFacts, need: Exclude<Need, "write">): Decision {
  if (!capabilitiesOf(actor.role).seeLifecycle) return notFound("Partnership");
  return decideWork(actor, p, need);
}

// What the viewer may do with a partnership's work, for the tab bar and the pages' buttons.
export function workAbilities(actor: Actor, p: PartnershipFacts) {
  return {
    work: decideWork(actor, p, "read").ok,
    renewal: decideLifecycle(actor, p, "read").ok,
    canWrite: decideWork(actor, p, "write").ok,
    canFacilitate: decideWork(actor, p, "facilitate").ok,
  };
}

// A retro item is edited or withdrawn by the person who wrote it, and nobody else.
export function decideItemAuthor(actor: Actor, p: PartnershipFacts, authorId: string): Decision {
  const work = decideWorkItem(actor, p, "write");
  if (!work.ok) return work;
  return authorId === actor.id ? ALLOW : forbidden("Only the person who wrote an item can edit or withdraw it.");
}

// What an action agreed (its title, owner, by-when date and pillar) is changed by its owner, the
// person who made it, the partnership's owner and workspace owners/admins; its status and notes by
// anyone who may write, so whoever finishes the work can say so.
export function decideActionDetails(actor: Actor, p: PartnershipFacts, action: { ownerMemberId: string | null; createdById: string }) {
  const work = decideWork(actor, p, "write");
  if (!work.ok) return work;
  const me = actor.id;
  if (capabilitiesOf(actor.role).actForAnyone || action.ownerMemberId === me || action.createdById === me || p.ownerMemberId === me) {
    return ALLOW;
  }
  return forbidden(
    "Only the action's owner, the person who made it, the partnership's owner or an admin can change what was agreed (title, owner, date, pillar). You can change its status and notes.",
  );
}

// What a goal is (title, measure, target, dates, owners, status) is changed by its owners, the
// person who made it, the partnership's owner and workspace owners/admins; anyone who may write
// checks it in.
export function decideGoalEdit(
  actor: Actor,
  p: PartnershipFacts,
  goal: { hostOwnerId: string | null; partnerOwnerId: string | null; createdById: string },
): Decision {
  const work = decideWorkItem(actor, p, "write");
  if (!work.ok) return work;
  const me = actor.id;
  const mine = goal.hostOwnerId === me || goal.partnerOwnerId === me || goal.createdById === me || p.ownerMemberId === me;
  if (capabilitiesOf(actor.role).actForAnyone || mine) return ALLOW;
  return forbidden(
    "Only the goal's owners, the person who made it, the partnership's owner or an admin can change it. You can check it in.",
  );
}

// A move on an ask or offer that only one side makes (server/services/exchange/life.ts): whoever
// may write the partnership's work, speaking for that side. Executives are refused as for any
// work; admins and owners speak for the company's side only. The confidentiality rule does not
// apply: an ask is attributed by nature.
export function decideExchangeMove(
  actor: Actor,
  p: PartnershipFacts,
  item: { kind: ExchangeKind; side: Side },
  move: SidedMove,
  names: SideNames,
): Decision {
  const work = decideWorkItem(actor, p, "write");
  if (!work.ok) return work;
  const refusal = sideRefusal(move, item, sideOfRole(actor.role), names);
  return refusal ? forbidden(refusal) : ALLOW;
}

// Managing a partnership's people (who is asked about it in a cycle, its host team) is for admins,
// for any partnership, and for alliance managers, for those they own. `what` ends the refusal.
function decideManage(actor: Actor, p: PartnershipFacts & { name: string }, what: string): Decision {
  const seen = seePartnership(actor, p);
  if (!seen.ok) return seen;
  const can = capabilitiesOf(actor.role);
  if (!can.ownPartnerships) return forbidden("Only alliance managers and admins can do this.");
  if (!can.actForAnyone && p.ownerMemberId !== actor.id) return forbidden(`Only ${p.name}'s owner or an admin can ${what}.`);
  if (p.archived) return readOnly(ARCHIVED_MESSAGE);
  return ALLOW;
}

export const decideParticipantsEdit = (actor: Actor, p: PartnershipFacts & { name: string }): Decision =>
  decideManage(actor, p, "change who is asked about it");

// The host team (the company's people who work on a partnership besides its owner).
export const decideTeamEdit = (actor: Actor, p: PartnershipFacts & { name: string }): Decision =>
  decideManage(actor, p, "change its host team");

// A survey is answered by the people its cycle asks about the partnership, while the partnership
// is live.
export function decideSurvey(
  actor: Actor,
  p: Pick<PartnershipFacts, "partnerOrgId" | "archived"> & { name: string },
  cycle: { label: string },
  asked: boolean,
): Decision {
  const seen = seePartnership(actor, p);
  if (!seen.ok) return seen;
  if (!asked || p.archived) return forbidden(`You are not asked to answer the ${cycle.label} survey about ${p.name}.`);
  return ALLOW;
}

// Whether a member may answer for a side of a partnership: the company's own people who write for
// its HOST side, its organisation's contacts for its PARTNER side. A participant row made before
// their role or organisation changed does not ask them any more.
export function answersFor(actor: Actor, p: Pick<PartnershipFacts, "partnerOrgId">, side: Side): boolean {
  if (side === "HOST") return speaksForHost(actor.role);
  return speaksForPartner(actor.role) && actor.partnerOrgId === p.partnerOrgId;
}

// A cycle's reminders and notices concern the people it asks, about any partnership.
export function decideAsked(cycle: { label: string }, asked: boolean): Decision {
  return asked ? ALLOW : forbidden(`You are not asked to answer the ${cycle.label} survey, so it sends you no reminders.`);
}

// Granting, changing or removing the owner role is for owners.
export function decideRoleChange(actor: Actor, roles: readonly Role[]): Decision {
  const administer = decideRole(actor.role, "admin");
  if (!administer.ok) return administer;
  if (roles.includes("OWNER") && !capabilitiesOf(actor.role).grantOwner)
    return forbidden("Only an owner can grant or change the owner role.");
  return ALLOW;
}

// Something that belongs to one member (a notification) is theirs alone; to anyone else it does
// not exist.
export function decideOwn(actor: Actor, ownerMemberId: string, what: string): Decision {
  return ownerMemberId === actor.id ? ALLOW : notFound(what);
}
