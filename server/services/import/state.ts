// What the workspace holds that an import is compared with, as plain data: the planners are pure
// functions of the file and this snapshot. Keys are matchKey(name) for organisations and
// partnerships, and the normalised email for people.
import type { Phase, Role, Tier } from "../../db/generated/client";

export interface OrgState {
  id: string;
  name: string;
  region: string | null;
  industry: string | null;
  website: string | null;
}

export interface PartnershipState {
  id: string;
  name: string;
  partnerOrgId: string;
  tier: Tier;
  phase: Phase;
  ownerMemberId: string | null;
  renewalDate: string | null;
  team: Set<string>;
  archived: boolean;
}

export interface MemberState {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerOrgId: string | null;
  // A removed member is no longer in the workspace: importing them invites them again.
  removed: boolean;
}

export interface InvitationState {
  email: string;
  role: Role;
  partnerOrgId: string | null;
  name: string | null;
}

export interface ImportState {
  orgs: Map<string, OrgState>;
  orgById: Map<string, OrgState>;
  partnerships: Map<string, PartnershipState>;
  members: Map<string, MemberState>;
  // Pending invitations (not accepted, revoked or expired), by email.
  invitations: Map<string, InvitationState>;
  // The importing admin may grant the owner role only if they are an owner.
  mayGrantOwner: boolean;
}
