// The audit log's events in groups, for the page's event filter. An event name not listed here
// (added later) still shows, under "Other".
import { AUDIT_ACTIONS, type AuditAction } from "~/server/services/accounts/audit";

const GROUPS: { label: string; actions: AuditAction[] }[] = [
  {
    label: "Sign-in and accounts",
    actions: [
      "signin.succeeded",
      "signin.failed",
      "signin.link_sent",
      "sso.signin",
      "signout",
      "sessions.ended",
      "password.reset_requested",
      "password.reset",
      "password.changed",
      "email.change_requested",
      "email.changed",
      "account.created",
      "account.updated",
      "survey_link.used",
    ],
  },
  {
    label: "Members and invitations",
    actions: ["invitation.sent", "invitation.revoked", "invitation.accepted", "sso.joined", "member.role_changed", "member.removed"],
  },
  { label: "Settings", actions: ["settings.updated", "sharing.updated", "sso.updated", "sso.removed", "chat.updated", "chat.removed"] },
  { label: "Downloads", actions: ["export.downloaded"] },
  { label: "REST API", actions: ["api_token.created", "api_token.revoked", "api.write"] },
  { label: "Webhooks", actions: ["webhook.created", "webhook.updated", "webhook.secret_rotated", "webhook.deleted", "webhook.disabled"] },
];

export function actionGroups() {
  const listed = new Set(GROUPS.flatMap((g) => g.actions));
  const other = (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => !listed.has(a));
  return [...GROUPS, ...(other.length ? [{ label: "Other", actions: other }] : [])].map((g) => ({
    label: g.label,
    options: g.actions.filter((a) => Object.hasOwn(AUDIT_ACTIONS, a)).map((a) => ({ value: a, label: AUDIT_ACTIONS[a] })),
  }));
}
