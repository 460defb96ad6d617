// What each role may do, in the words of the roles table in DESIGN.md, for the invite and
// change-role forms. Which role may do what is the access module's table (server/access/roles.ts).
import { capabilitiesOf, ROLES, type Role } from "~/server/access/roles";

export type { Role };

export const ROLE_DESCRIPTION: Record<Role, string> = {
  OWNER: "Everything an admin can do, and can make or change other owners.",
  ADMIN: "Sees everything; sets up members, partners, the framework and survey cycles.",
  MANAGER: "Sees every partnership's scorecard and runs the partnerships they own: actions, retros, lifecycle.",
  EXECUTIVE: "Sees the portfolio and every scorecard, read-only.",
  PARTNER: "Someone at a partner organisation: answers its surveys and sees only its own partnerships' shared results.",
};

// The roles a person may give: the owner role only by someone who may grant it (the server
// refuses it otherwise).
export const grantableRoles = (canGrantOwner: boolean) => ROLES.filter((r) => canGrantOwner || !capabilitiesOf(r).grantOwner);

// Whether someone in this role still reaches the admin pages (a person demoting themselves is
// sent back to the workspace's start).
export const administers = (role: Role) => capabilitiesOf(role).administer;

// A role that sees only one partner organisation's partnerships needs that organisation.
export const needsPartnerOrg = (role: Role) => !capabilitiesOf(role).seeAllPartnerships;
