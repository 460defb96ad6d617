// Who a verified SSO sign-in is, and whether it joins the workspace whose connection vouched for
// it. An account is found by its email, or created without a password. A person who is not yet a
// member joins by a pending invitation for that email (its role and partner organisation), or, if
// the admin turned the domain rule on, with the rule's role. Someone removed from the workspace
// comes back only by a new invitation, never by the domain rule. Someone with an account
// elsewhere who neither is invited nor matches a rule signs in without joining; someone with no
// account and no way in is refused, and nothing is created.
import type { PrismaClient, SsoConnection } from "../../db/generated/client";
import { forWorkspace, type TenantTx } from "../../db/tenant";
import { audit } from "../accounts/audit";
import { syncCurrentCycles } from "../participants";
import { JOIN_ROLES } from "./connection";
import { SsoRefusal } from "./refusals";

export type Joined = "invitation" | "domain" | null;

export interface Admitted {
  user: { id: string; email: string; name: string };
  created: boolean;
  joined: Joined;
  member: boolean;
}

const MAX_NAME = 80;

export async function admitSsoUser(
  db: PrismaClient,
  connection: SsoConnection,
  person: { email: string; name: string },
  opts: { now?: Date; address?: string | null } = {},
): Promise<Admitted> {
  const now = opts.now ?? new Date();
  const { email } = person;
  const name = person.name.trim().slice(0, MAX_NAME) || email.split("@")[0]!;
  return forWorkspace(db, connection.workspaceId).$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
    const member = existing
      ? await tx.member.findUnique({ where: { workspaceId_userId: { workspaceId: connection.workspaceId, userId: existing.id } } })
      : null;
    if (member && !member.removedAt) return { user: existing!, created: false, joined: null, member: true };

    const account = async (): Promise<Admitted["user"]> =>
      existing ?? (await tx.user.create({ data: { email, name, passwordHash: null }, select: { id: true, email: true, name: true } }));

    const invitation = await tx.invitation.findFirst({
      where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
    });
    if (invitation) {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count === 1) {
        const user = await account();
        await join(tx, connection.workspaceId, user.id, { role: invitation.role, partnerOrgId: invitation.partnerOrgId });
        await audit(tx, {
          action: "invitation.accepted",
          userId: user.id,
          actorUserId: user.id,
          email,
          address: opts.address,
          detail: { via: "SSO", role: invitation.role },
        });
        return { user, created: !existing, joined: "invitation", member: true };
      }
    }

    const rule = connection.joinByDomain && (JOIN_ROLES as readonly string[]).includes(connection.joinRole);
    if (rule && !member) {
      const user = await account();
      await join(tx, connection.workspaceId, user.id, { role: connection.joinRole, partnerOrgId: null });
      await audit(tx, {
        action: "sso.joined",
        userId: user.id,
        actorUserId: user.id,
        email,
        address: opts.address,
        detail: { role: connection.joinRole },
      });
      return { user, created: !existing, joined: "domain", member: true };
    }

    if (existing) return { user: existing, created: false, joined: null, member: false };
    throw new SsoRefusal("not_invited");
  });
}

async function join(
  tx: TenantTx,
  workspaceId: string,
  userId: string,
  membership: { role: SsoConnection["joinRole"]; partnerOrgId: string | null },
) {
  await tx.member.upsert({
    where: { workspaceId_userId: { workspaceId, userId } },
    create: { workspaceId, userId, ...membership },
    update: { ...membership, removedAt: null },
  });
  // Someone who joins while a cycle is open is asked what the defaults ask of their role.
  await syncCurrentCycles(tx);
}
