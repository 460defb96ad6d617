// The audit log's record of a member change: a role (or partner organisation) changed, or a
// removal, with the role before and after and what followed for what the person held. Written in
// the change's own transaction (members.ts), after the change, so one never stands without the
// other.
import type { TenantTx } from "../../db/tenant";
import { audit } from "../accounts/audit";
import { auditSource, type AuditSource } from "../accounts/audit-source";
import { personLabel, roleLabel } from "../accounts/audit-words";
import type { ChangeEffects } from "./describe";
import type { MemberChangePlan } from "./plan";

export async function auditMemberChange(
  tx: TenantTx,
  by: AuditSource,
  { userId, plan, effects }: { userId: string; plan: MemberChangePlan; effects: ChangeEffects },
) {
  const { member, after } = plan;
  // Saving the role a member already has changes nothing, and records nothing.
  if (after && after.role === member.role && after.partnerOrgId === member.partnerOrgId) return;
  const orgIds = [member.partnerOrgId, after?.partnerOrgId].filter((id): id is string => Boolean(id));
  const orgs = orgIds.length ? await tx.partnerOrg.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [];
  const orgName = (id: string | null | undefined) => (id ? (orgs.find((o) => o.id === id)?.name ?? null) : null);
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  const from = roleLabel(member.role, orgName(member.partnerOrgId));
  const to = after ? roleLabel(after.role, orgName(after.partnerOrgId)) : null;
  const { lines, ...counts } = effects;
  await audit(tx, {
    action: after ? "member.role_changed" : "member.removed",
    ...auditSource(by),
    userId,
    email: user.email,
    target: to ? `${personLabel(user)}: ${from} → ${to}` : `${personLabel(user)}, ${from}`,
    detail: {
      memberId: member.id,
      before: { role: member.role, partnerOrg: orgName(member.partnerOrgId) },
      after: after ? { role: after.role, partnerOrg: orgName(after.partnerOrgId) } : null,
      // What the change did to what they held, as the admin's dialog described it.
      effects: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
      ...(lines.length ? { effectLines: lines } : {}),
    },
  });
}
