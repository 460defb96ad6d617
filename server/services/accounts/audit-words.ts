// Words the audit log's records are written in: what the app calls each role, and a person as
// the log names them (name and email, since names repeat and emails change).
import type { Role } from "../../db/generated/client";

export const ROLE_NAME: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MANAGER: "Alliance manager",
  EXECUTIVE: "Executive",
  PARTNER: "Partner contact",
};

export const personLabel = (p: { name: string; email: string }) => `${p.name} (${p.email})`;

// "Partner contact (Globex)"
export const roleLabel = (role: Role, partnerOrgName?: string | null) =>
  partnerOrgName ? `${ROLE_NAME[role]} (${partnerOrgName})` : ROLE_NAME[role];
