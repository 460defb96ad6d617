// What each role may do, in the words of the roles table in DESIGN.md, for the invite and
// change-role forms.
export type Role = "OWNER" | "ADMIN" | "MANAGER" | "EXECUTIVE" | "PARTNER";

export const ROLES: Role[] = ["OWNER", "ADMIN", "MANAGER", "EXECUTIVE", "PARTNER"];

export const ROLE_DESCRIPTION: Record<Role, string> = {
  OWNER: "Everything an admin can do, and can make or change other owners.",
  ADMIN: "Sees everything; sets up members, partners, the framework and survey cycles.",
  MANAGER: "Sees every partnership's scorecard and runs the partnerships they own: actions, retros, lifecycle.",
  EXECUTIVE: "Sees the portfolio and every scorecard, read-only.",
  PARTNER: "Someone at a partner organisation: answers its surveys and sees only its own partnerships' shared results.",
};

// Only an owner may grant the owner role; the server refuses it for admins.
export const grantableRoles = (isOwner: boolean) => ROLES.filter((r) => isOwner || r !== "OWNER");

export const isAdminRole = (role: Role) => role === "OWNER" || role === "ADMIN";
