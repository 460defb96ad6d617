// The audit log's records of invitations: sent, revoked, accepted. Each is written by the caller
// inside the transaction that makes the change, so the record and the change stand or fall
// together. Acceptance is its own small call, kept apart from the acceptance flow around it.
import type { Invitation, Role } from "../db/generated/client";
import { byId, type TenantClient } from "../db/tenant";
import { audit, type AuditEntry } from "./accounts/audit";
import { auditSource, type AuditSource } from "./accounts/audit-source";
import { roleLabel } from "./accounts/audit-words";

type Sent = Pick<Invitation, "id" | "email" | "role" | "partnerOrgId" | "expiresAt">;

const invited = (role: Role, partnerOrgName: string | null) => ({ role, ...(partnerOrgName ? { partnerOrg: partnerOrgName } : {}) });

type SentFacts = { invitation: Sent; partnerOrgName: string | null; replaced: number };

export async function auditInvitationSent(tx: TenantClient, by: AuditSource, facts: SentFacts) {
  await audit(tx, invitationSentEntry(by, facts));
}

// The record of one invitation sent, for one call or for an import's many at once.
export function invitationSentEntry(by: AuditSource, { invitation, partnerOrgName, replaced }: SentFacts): AuditEntry {
  return {
    action: "invitation.sent",
    ...auditSource(by),
    email: invitation.email,
    target: `${invitation.email} as ${roleLabel(invitation.role, partnerOrgName)}`,
    detail: {
      invitationId: invitation.id,
      ...invited(invitation.role, partnerOrgName),
      expiresAt: invitation.expiresAt.toISOString(),
      // Pending invitations of the same person this one replaced (their links stopped working).
      ...(replaced ? { replaced } : {}),
    },
  };
}

export async function auditInvitationRevoked(tx: TenantClient, by: AuditSource, invitation: Sent) {
  const org = invitation.partnerOrgId
    ? await tx.partnerOrg.findUnique({ where: byId(tx, invitation.partnerOrgId), select: { name: true } })
    : null;
  await audit(tx, {
    action: "invitation.revoked",
    ...auditSource(by),
    email: invitation.email,
    target: `${invitation.email} as ${roleLabel(invitation.role, org?.name ?? null)}`,
    detail: { invitationId: invitation.id, ...invited(invitation.role, org?.name ?? null) },
  });
}

// The invitee accepted: they are the actor and the account it is about. `tx` is the invitation's
// workspace's client, in the transaction that claims the invitation and makes the membership.
export async function auditInvitationAccepted(
  tx: TenantClient,
  {
    invitation,
    userId,
    address,
  }: {
    invitation: Pick<Invitation, "id" | "email" | "role"> & { partnerOrg?: { name: string } | null };
    userId: string;
    address?: string | null;
  },
) {
  const partnerOrgName = invitation.partnerOrg?.name ?? null;
  await audit(tx, {
    action: "invitation.accepted",
    userId,
    actorUserId: userId,
    address: address ?? null,
    email: invitation.email,
    target: `${invitation.email} joined as ${roleLabel(invitation.role, partnerOrgName)}`,
    detail: { invitationId: invitation.id, ...invited(invitation.role, partnerOrgName) },
  });
}
