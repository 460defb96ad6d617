// The snapshot of the workspace the planners compare a file with (state.ts), read in a handful
// of queries however long the file is.
import type { WorkspaceCtx } from "../../access/context";
import { capabilitiesOf } from "../../access/roles";
import type { TenantClient } from "../../db/tenant";
import type { ImportKind } from "./kinds";
import type { ImportState, MemberState, OrgState, PartnershipState } from "./state";
import { matchKey } from "./text-match";

export async function loadImportState(ctx: WorkspaceCtx, db: TenantClient, kind: ImportKind, now = new Date()): Promise<ImportState> {
  const [orgs, partnerships, members, invitations] = await Promise.all([
    db.partnerOrg.findMany({ select: { id: true, name: true, region: true, industry: true, website: true } }),
    kind === "partnerships"
      ? db.partnership.findMany({
          select: {
            id: true,
            name: true,
            partnerOrgId: true,
            tier: true,
            phase: true,
            ownerMemberId: true,
            renewalDate: true,
            archivedAt: true,
            team: { select: { memberId: true } },
          },
        })
      : [],
    db.member.findMany({
      select: { id: true, role: true, partnerOrgId: true, removedAt: true, user: { select: { email: true, name: true } } },
    }),
    kind === "people"
      ? db.invitation.findMany({
          where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          select: { email: true, role: true, partnerOrgId: true, name: true },
          orderBy: { createdAt: "asc" },
        })
      : [],
  ]);
  const orgStates: OrgState[] = orgs;
  const partnershipStates = partnerships.map((p): PartnershipState => ({
    id: p.id,
    name: p.name,
    partnerOrgId: p.partnerOrgId,
    tier: p.tier,
    phase: p.phase,
    ownerMemberId: p.ownerMemberId,
    renewalDate: p.renewalDate ? p.renewalDate.toISOString().slice(0, 10) : null,
    team: new Set(p.team.map((t) => t.memberId)),
    archived: p.archivedAt !== null,
  }));
  const memberStates = members.map((m): MemberState => ({
    id: m.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    partnerOrgId: m.partnerOrgId,
    removed: m.removedAt !== null,
  }));
  return {
    orgs: new Map(orgStates.map((o) => [matchKey(o.name), o])),
    orgById: new Map(orgStates.map((o) => [o.id, o])),
    partnerships: new Map(partnershipStates.map((p) => [matchKey(p.name), p])),
    // A current membership wins over a removed one of the same person.
    members: new Map(memberStates.sort((a, b) => Number(b.removed) - Number(a.removed)).map((m) => [m.email, m])),
    invitations: new Map(invitations.map((i) => [i.email, i])),
    mayGrantOwner: capabilitiesOf(ctx.role).grantOwner,
  };
}
