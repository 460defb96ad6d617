// The request context, as the procedure ladder builds it: who is asking, in which workspace, with
// which role, and (for procedures built on a resource step) the resource already loaded and
// authorized. Services receive these and never build them: a service holding a WorkCtx knows the
// person may work on that partnership, because the ladder decided so before the handler ran.
import type {
  Action,
  Cycle,
  ExchangeItem,
  Goal,
  Member,
  Phase,
  PrismaClient,
  Retro,
  RetroItem,
  Role,
  Side,
  Workspace,
} from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import type { Capabilities } from "./roles";

// Before any step: the database and the signed-in user's id, if any.
export interface RequestContext {
  db: PrismaClient;
  userId: string | null;
  // The session the request's cookie names (null for in-process callers such as tests and jobs),
  // and the client's address as server/http/client-address.ts decides it, for the audit log.
  sessionId?: string | null;
  address?: string | null;
  // A personal survey link presented with the request: only the link's own endpoint and pages
  // set it (server/trpc/link-context.ts), and never together with a session. Only the survey steps
  // of the ladder read it; to every other step the request is signed out.
  presentedLink?: PresentedLink | null;
  // A REST API call's token, already authenticated and counted (server/services/api-tokens): only
  // the API's own route sets it, and only the API's ladder (server/api-v1/procedures.ts) reads it.
  apiCaller?: ApiCaller | null;
}

// The token (from the followed link, or from the cookie of the link's pages) and, on those pages,
// the link id of their address, which must be the token's own.
export interface PresentedLink {
  token: string | null;
  linkId?: string | null;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export interface MemberRef {
  id: string;
  workspaceId: string;
  userId: string;
  role: Role;
  partnerOrgId: string | null;
}

// A workspace member's request: the client is scoped to the workspace (server/db/tenant.ts), and
// membership and role were read from the database for this request.
export interface WorkspaceCtx {
  db: TenantDb;
  user: SignedInUser;
  workspace: Workspace;
  member: MemberRef;
  role: Role;
  can: Capabilities;
  // The request's client address (RequestContext), which the audit log records beside each change.
  address?: string | null;
}

// The one who acts, as the pure decisions see them.
export type Actor = Pick<MemberRef, "id" | "role" | "partnerOrgId">;

// What may be done with a partnership's shared work: read it; write (add items, vote, own and
// update actions, check in goals); facilitate (run the retro's steps, decide the lifecycle);
// restore (bring an archived partnership back, the one change an archived one takes).
export type Need = "read" | "write" | "facilitate" | "restore";

export interface WorkContext {
  partnership: {
    id: string;
    name: string;
    partnerOrgId: string;
    partnerName: string;
    ownerMemberId: string | null;
    phase: Phase;
    renewalDate: Date | null;
    archivedAt: Date | null;
  };
  viewer: {
    memberId: string;
    // The side this person speaks for in the partnership's work.
    side: Side;
    // On the partnership's host team (not only its owner).
    onTeam: boolean;
    canWrite: boolean;
    canFacilitate: boolean;
  };
}

// Resource steps' contexts: the resource, loaded and authorized for the need the step names.
export type WorkCtx = WorkspaceCtx & { work: WorkContext };
export type RetroCtx = WorkCtx & { retro: Retro };
export type RetroItemCtx = RetroCtx & { item: RetroItem };
export type ActionCtx = WorkCtx & { action: Action };
export type GoalCtx = WorkCtx & { goal: Goal };
export type ExchangeCtx = WorkCtx & { item: ExchangeItem };
export type CycleCtx = WorkspaceCtx & { cycle: Cycle };

// A survey a member is asked to answer: the cycle, the partnership and the side they answer for.
export interface SurveyTarget {
  cycle: Cycle;
  partnership: { id: string; name: string; partnerOrgId: string; partnerName: string };
  side: Side;
}
export type SurveyCtx = WorkspaceCtx & { survey: SurveyTarget };

// A personal survey link, checked: the member context of the person it is for, and the link.
export interface ResolvedLink {
  id: string;
  cycle: Cycle;
  lastUsedAt: Date | null;
}
export type LinkCtx = WorkspaceCtx & { surveyLink: ResolvedLink; address?: string | null };

// Another member, as the member step loaded them for an admin (server/access/members.ts).
export type MemberCtx = WorkspaceCtx & { target: Member };

// A partnership's list of people asked in a cycle, for changing it.
export type ParticipantsCtx = WorkspaceCtx & {
  target: { cycle: Cycle; partnership: { id: string; name: string; partnerOrgId: string } };
};

// An API token, as the API's ladder sees it: the scope decides whether it may write at all.
export interface ApiTokenRef {
  id: string;
  name: string;
  scope: "READ" | "READ_WRITE";
}

// A REST API call: the member context the token acts with, and the token.
export type ApiCaller = WorkspaceCtx & { token: ApiTokenRef };
