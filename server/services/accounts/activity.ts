// The person's own account activity, for their account page: the account-level audit events
// about them (sign-ins and failures, password and email changes, sessions ended), newest first,
// a page at a time. Workspace events are their workspaces' admins' to read, not listed here.
import type { Prisma } from "../../db/generated/client";
import type { AccountRequest } from "./account-request";
import { AUDIT_ACTIONS, type AuditAction } from "./audit";

export const ACTIVITY_PAGE_SIZE = 20;

const METHOD: Record<string, string> = { PASSWORD: "With password", EMAIL_LINK: "With an emailed link", SSO: "With single sign-on" };

const EMAIL_WORDS: Record<string, string> = {
  emailSurveyReminders: "survey reminders",
  emailActionReminders: "action reminders",
  emailAlerts: "alerts",
  emailRetroSummaries: "retro summaries",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Detail = Record<string, unknown>;

function sessionsEnded(d: Detail): string {
  const count = typeof d.count === "number" ? d.count : 0;
  switch (d.reason) {
    case "SIGNED_OUT":
      return `Signed out ${typeof d.device === "string" ? d.device : "a session"}${d.current ? " (this browser)" : ""} from the account page`;
    case "SIGNED_OUT_EVERYWHERE":
      return `Signed out everywhere: ${plural(count, "session", "sessions")} ended`;
    case "REMOVED":
      return `Removed from your last workspace: ${plural(count, "session", "sessions")} ended`;
    default:
      return plural(count, "session ended", "sessions ended");
  }
}

// One line saying what the event's detail holds, in words.
export function describeAccountEvent(action: string, detail: unknown): string {
  const d = (detail && typeof detail === "object" && !Array.isArray(detail) ? detail : {}) as Detail;
  switch (action) {
    case "signin.succeeded":
      return typeof d.method === "string" ? (METHOD[d.method] ?? "") : "";
    case "signin.failed":
      return d.reason === "ceiling"
        ? "Over 100 failed attempts in an hour: a password alone was not accepted"
        : typeof d.reason === "string"
          ? `Refused: ${d.reason}`
          : "";
    case "sessions.ended":
      return sessionsEnded(d);
    case "password.changed": {
      const ended = typeof d.otherSessionsEnded === "number" ? d.otherSessionsEnded : 0;
      const what = d.firstPassword ? "Password chosen" : "Password changed";
      return `${what}; ${plural(ended, "other session", "other sessions")} signed out`;
    }
    case "password.check_failed":
      return "A wrong current password was typed on the account page";
    case "email.change_requested":
      return typeof d.newEmail === "string" ? `Asked to change it to ${d.newEmail}` : "";
    case "email.changed":
      return typeof d.from === "string" && typeof d.to === "string" ? `From ${d.from} to ${d.to}` : "";
    case "account.updated": {
      const parts: string[] = [];
      const name = d.name as { from?: unknown; to?: unknown } | undefined;
      if (name && typeof name.to === "string") parts.push(`Name changed to ${name.to}`);
      const emails = d.emails as Record<string, unknown> | undefined;
      if (emails && typeof emails === "object") {
        const turned = Object.entries(emails)
          .filter(([field]) => field in EMAIL_WORDS)
          .map(([field, on]) => `${EMAIL_WORDS[field]} ${on ? "on" : "off"}`);
        if (turned.length) parts.push(`Emails: ${turned.join(", ")}`);
      }
      return parts.join("; ");
    }
    default:
      return "";
  }
}

export async function accountActivity(a: AccountRequest, input: { before?: string | null } = {}) {
  const mine: Prisma.AccountAuditEventWhereInput = { userId: a.userId };
  let after: Prisma.AccountAuditEventWhereInput = {};
  if (input.before) {
    const from = await a.db.accountAuditEvent.findFirst({ where: { ...mine, id: input.before }, select: { id: true, createdAt: true } });
    // Not one of this person's events: an empty page, as if it were the last.
    if (!from) return { events: [], nextBefore: null };
    after = { OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }] };
  }
  const rows = await a.db.accountAuditEvent.findMany({
    where: { ...mine, ...after },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACTIVITY_PAGE_SIZE + 1,
    select: { id: true, action: true, createdAt: true, address: true, detail: true, actorUserId: true },
  });
  const page = rows.slice(0, ACTIVITY_PAGE_SIZE);
  return {
    events: page.map((e) => ({
      id: e.id,
      action: e.action,
      label: AUDIT_ACTIONS[e.action as AuditAction] ?? e.action,
      description: describeAccountEvent(e.action, e.detail),
      at: e.createdAt,
      address: e.address,
      // Done by someone else (an admin's removal): the page says so.
      byOther: e.actorUserId !== null && e.actorUserId !== a.userId,
    })),
    nextBefore: rows.length > ACTIVITY_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}
