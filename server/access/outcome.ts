// What a procedure built on a rule answers a caller, as the ladder decides it: signed in, then a
// member of the URL's workspace, then the rule's own decision from decide.ts on the facts its step
// loads. Pure; the access tests ask it what every procedure should answer to every caller instead
// of keeping a table of their own.
import type { Actor } from "./context";
import {
  decideAsked,
  decideExchangeMove,
  decideGoalEdit,
  decideItemAuthor,
  decideLifecycle,
  decideOwn,
  decideParticipantsEdit,
  decideRole,
  decideRoleChange,
  decideSurvey,
  decideTeamEdit,
  decideWork,
  decideWorkItem,
  seePartnership,
  ALLOW,
  type Decision,
  type PartnershipFacts,
  type Rule,
} from "./decide";
import type { Role, Side } from "./roles";
import type { ExchangeKind, SideNames, SidedMove } from "../services/exchange/life";
import { LINK_NEEDED, outsideLink } from "./survey-link-words";

export type Outcome = Decision | { ok: false; code: "UNAUTHORIZED"; message: string };

// Who calls: nobody signed in, someone signed in who is not a member of the URL's workspace, or a
// member of it.
export type Caller = "signedOut" | "outsider" | Actor;

// What the procedure's step finds before deciding. `missing`: what the input names does not
// exist in the caller's workspace (a random id, or another workspace's). Each rule reads only the
// facts its step loads.
export interface RuleFacts {
  missing?: boolean;
  partnership?: PartnershipFacts & { name: string };
  // retroItem:author
  itemAuthorId?: string;
  // goal:edit
  goal?: { hostOwnerId: string | null; partnerOwnerId: string | null; createdById: string };
  // exchange:<move>: the ask or offer's kind and the side that made it, and the sides' names
  exchange?: { kind: ExchangeKind; side: Side; names: SideNames };
  // survey (asked about the partnership in the cycle) and asked (about any partnership in it)
  cycle?: { label: string };
  asked?: boolean;
  // own: the member a thing (a notification) belongs to
  ownerMemberId?: string;
  // admin, for a change of someone's role: the member's role and the role given
  roles?: readonly Role[];
}

const NOT_FOUND = (what: string): Decision => ({ ok: false, code: "NOT_FOUND", message: `${what} not found.` });

function need<T>(value: T | undefined, rule: Rule, fact: string): T {
  if (value === undefined) throw new Error(`The rule ${rule} is decided on the fact "${fact}", which was not given.`);
  return value;
}

const SIGN_IN: Outcome = { ok: false, code: "UNAUTHORIZED", message: "Please sign in." };

export function expectedOutcome(rule: Rule, caller: Caller, facts: RuleFacts = {}): Outcome {
  if (rule === "public") return ALLOW;
  if (caller === "signedOut") return SIGN_IN;
  // A personal survey link's own procedures answer nobody without one, signed in or not.
  if (rule === "surveyLink") return { ok: false, code: "UNAUTHORIZED", message: LINK_NEEDED };
  if (rule === "signedIn") return ALLOW;
  // Not a member and no such workspace answer alike.
  if (caller === "outsider") return NOT_FOUND("Workspace");
  const actor = caller;

  // Role steps decide on the role first; a resource the handler then looks up may be missing.
  if (rule === "member" || rule === "host" || rule === "admin") {
    const byRole = rule === "admin" && facts.roles ? decideRoleChange(actor, facts.roles) : decideRole(actor.role, rule);
    if (!byRole.ok) return byRole;
    return facts.missing ? NOT_FOUND("Resource") : ALLOW;
  }
  // Resource steps look the resource up first: a missing one is not found whoever asks.
  if (facts.missing) return NOT_FOUND("Resource");
  const p = () => need(facts.partnership, rule, "partnership");
  switch (rule) {
    case "partnership":
      return seePartnership(actor, p());
    case "work:read":
    case "work:write":
    case "work:facilitate":
    case "work:restore":
      return decideWork(actor, p(), rule.slice("work:".length) as "read" | "write" | "facilitate" | "restore");
    case "item:read":
    case "item:write":
    case "item:facilitate":
    case "item:restore":
      return decideWorkItem(actor, p(), rule.slice("item:".length) as "read" | "write" | "facilitate" | "restore");
    case "lifecycle:read":
    case "lifecycle:facilitate":
    case "lifecycle:restore":
      return decideLifecycle(actor, p(), rule.slice("lifecycle:".length) as "read" | "facilitate" | "restore");
    case "retroItem:author":
      return decideItemAuthor(actor, p(), need(facts.itemAuthorId, rule, "itemAuthorId"));
    case "goal:edit":
      return decideGoalEdit(actor, p(), need(facts.goal, rule, "goal"));
    case "exchange:accept":
    case "exchange:decline":
    case "exchange:clarify":
    case "exchange:answer":
    case "exchange:withdraw":
    case "exchange:deliver": {
      const x = need(facts.exchange, rule, "exchange");
      return decideExchangeMove(actor, p(), x, rule.slice("exchange:".length) as SidedMove, x.names);
    }
    case "participants:edit":
      return decideParticipantsEdit(actor, p());
    case "team:edit":
      return decideTeamEdit(actor, p());
    case "survey":
      return decideSurvey(actor, p(), need(facts.cycle, rule, "cycle"), need(facts.asked, rule, "asked"));
    case "asked":
      return decideAsked(need(facts.cycle, rule, "cycle"), need(facts.asked, rule, "asked"));
    case "own":
      return decideOwn(actor, need(facts.ownerMemberId, rule, "ownerMemberId"), "Notification");
  }
}

// The rules whose steps take a personal survey link in place of a sign-in: the survey a person
// answers, the reminders of a cycle that asks them, and the link's own procedures.
export const LINK_RULES: ReadonlySet<Rule> = new Set<Rule>(["survey", "asked", "surveyLink"]);

// What a procedure answers a request that carries a valid personal survey link and nothing else
// (the link's endpoint never reads a session): the steps of LINK_RULES allow what lies within the
// link (`withinLink`: its workspace and cycle, and for a survey a partnership its person is asked
// about) and refuse the rest as outside it; every other step reads the request as signed out.
export function expectedLinkOutcome(rule: Rule, facts: { withinLink?: boolean; linkCycle?: { label: string } } = {}): Outcome {
  if (!LINK_RULES.has(rule)) return expectedOutcome(rule, "signedOut");
  if (rule === "surveyLink") return ALLOW;
  if (need(facts.withinLink, rule, "withinLink")) return ALLOW;
  return { ok: false, code: "UNAUTHORIZED", message: outsideLink(need(facts.linkCycle, rule, "linkCycle").label) };
}
