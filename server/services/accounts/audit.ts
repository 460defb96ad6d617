// The audit log: who did what, when, from which address. Append-only (database triggers refuse
// UPDATE, DELETE and TRUNCATE on both of its tables). Workspace events go to AuditEvent through the
// workspace's scoped client; account-level events (sign-ins, password and email changes, sessions
// ended) have no workspace and go to the global AccountAuditEvent table: their owner reads them on
// the account page, and each workspace's admins read those of the workspace's members, from the
// day they joined, beside the workspace's own. (Two tables, because a table distributed by
// workspace cannot hold rows without one: docs/scale-out.md.)
import type { Prisma, PrismaClient } from "../../db/generated/client";
import type { TenantDb } from "../../db/tenant";

// The actions recorded, by name; the log page filters on these.
export const AUDIT_ACTIONS = {
  "signin.succeeded": "Signed in",
  "signin.failed": "Sign-in failed",
  "signin.link_sent": "Sign-in link sent",
  signout: "Signed out",
  "sessions.ended": "Sessions ended",
  "password.reset_requested": "Password reset asked for",
  "password.reset": "Password reset",
  "password.changed": "Password changed",
  "password.check_failed": "Current password wrong",
  "email.change_requested": "Email change asked for",
  "email.changed": "Email changed",
  "account.created": "Account created",
  "account.updated": "Account updated",
  "sso.updated": "Single sign-on changed",
  "sso.removed": "Single sign-on removed",
  "sso.signin": "Signed in with SSO",
  "sso.joined": "Joined by SSO domain rule",
  "invitation.sent": "Invitation sent",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "settings.updated": "Settings changed",
  "sharing.updated": "Sharing changed",
  "export.downloaded": "Export downloaded",
  "survey_link.used": "Personal survey link used",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "api.write": "Changed through the API",
  "chat.updated": "Slack or Teams connected",
  "chat.removed": "Slack or Teams disconnected",
  "webhook.created": "Webhook endpoint added",
  "webhook.updated": "Webhook endpoint changed",
  "webhook.secret_rotated": "Webhook secret rotated",
  "webhook.deleted": "Webhook endpoint removed",
  "webhook.disabled": "Webhook endpoint turned off after failing",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntry {
  action: AuditAction;
  // The account the event is about, and who did it (the same person for their own sign-in).
  userId?: string | null;
  actorUserId?: string | null;
  email?: string | null;
  target?: string | null;
  detail?: Prisma.InputJsonValue;
  address?: string | null;
}

const row = (entry: AuditEntry) => ({
  action: entry.action,
  userId: entry.userId ?? null,
  actorUserId: entry.actorUserId ?? null,
  email: entry.email ?? null,
  target: entry.target?.slice(0, 300) ?? null,
  ...(entry.detail === undefined ? {} : { detail: entry.detail }),
  address: entry.address ?? null,
});

// A workspace's event: the scoped client stamps the workspace.
export async function audit(db: Pick<TenantDb, "auditEvent">, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: row(entry) as Prisma.AuditEventUncheckedCreateInput });
}

// Many of a workspace's events at once (an import's invitations), in one statement.
export async function auditMany(db: Pick<TenantDb, "auditEvent">, entries: AuditEntry[]): Promise<void> {
  if (entries.length) await db.auditEvent.createMany({ data: entries.map(row) as Prisma.AuditEventCreateManyInput[] });
}

// An account's event, in no workspace: the global account audit table.
export async function auditAccount(db: Pick<PrismaClient, "accountAuditEvent">, entry: AuditEntry): Promise<void> {
  await db.accountAuditEvent.create({ data: row(entry) });
}
