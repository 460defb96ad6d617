// In-app notifications: writing them once per person and event (with the email that goes with
// them), and each member's own list. A member only ever reads and marks their own.
import type { EmailKind, NotificationKind, Prisma } from "../db/generated/client";
import type { TenantClient } from "../db/tenant";
import type { WorkspaceCtx } from "../access/context";
import { actorOf } from "../access/partnership";
import { noticesFor } from "../access/filters";
import { rolesWith } from "../access/roles";
import { enqueueEmail } from "./email/outbox";
import type { Email } from "./email/templates";

export interface Recipient {
  memberId: string;
  name: string;
  email: string;
}

// Who hears about a partnership: its owner, or when it has none (or the owner has left or is no
// longer on the company's side), the workspace's owners and admins, so an alert never goes unread.
export async function partnershipRecipients(db: TenantClient, ownerMemberId: string | null): Promise<Recipient[]> {
  const select = { id: true, user: { select: { name: true, email: true } } } as const;
  const owner = ownerMemberId
    ? await db.member.findFirst({ where: { id: ownerMemberId, removedAt: null, role: { in: rolesWith("ownPartnerships") } }, select })
    : null;
  const members = owner
    ? [owner]
    : await db.member.findMany({
        where: { removedAt: null, role: { in: rolesWith("administer") } },
        select,
        orderBy: { id: "asc" },
      });
  return members.map((m) => ({ memberId: m.id, name: m.user.name, email: m.user.email }));
}

export interface Notice {
  kind: NotificationKind;
  partnershipId: string | null;
  cycleId: string | null;
  title: string;
  body: string;
  // An app path ("/w/<slug>/partnerships/<id>").
  link: string;
  // Names the event; a person gets each key once.
  dedupeKey: string;
}

// Writes the notices one person does not have yet and, when any was new, one email about those,
// built by `email`. Call inside a transaction so the email exists exactly when its notices do.
// Returns the notices that were new. `emailKind` decides who may still receive the email when it is
// delivered (server/access/standing.ts) and which of their choices can turn it off.
export async function notifyOnce(
  db: TenantClient,
  recipient: Recipient,
  notices: readonly Notice[],
  email: (fresh: Notice[]) => Email,
  emailKind: EmailKind = "ALERT",
): Promise<Notice[]> {
  if (notices.length === 0) return [];
  // ON CONFLICT DO NOTHING on (workspace, member, dedupeKey): a second evaluation, or a racing
  // one, inserts nothing and so emails nothing, without aborting the transaction.
  const created = await db.notification.createManyAndReturn({
    data: notices.map((n) => ({ ...n, workspaceId: db.$workspaceId, memberId: recipient.memberId })),
    skipDuplicates: true,
    select: { dedupeKey: true },
  });
  const fresh = new Set(created.map((c) => c.dedupeKey));
  const newNotices = notices.filter((n) => fresh.has(n.dedupeKey));
  if (newNotices.length > 0) {
    await enqueueEmail(db, {
      workspaceId: db.$workspaceId,
      kind: emailKind,
      to: recipient.email,
      recipientMemberId: recipient.memberId,
      partnershipIds: newNotices.flatMap((n) => (n.partnershipId ? [n.partnershipId] : [])),
      ...email(newNotices),
    });
  }
  return newNotices;
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

// A member's notifications, read again through their current access: one about a partnership
// they can no longer see (a contact moved to another organisation, say), or a company's alert
// kept from an earlier role, is never shown, even if the clean-up that follows such a change
// missed it.
const mine = (ctx: WorkspaceCtx): Prisma.NotificationWhereInput => noticesFor(actorOf(ctx));

export async function listNotifications(ctx: WorkspaceCtx, input: { cursor?: string; limit?: number }) {
  const limit = input.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const rows = await ctx.db.notification.findMany({
    where: mine(ctx),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { workspaceId_id: { workspaceId: ctx.workspace.id, id: input.cursor } }, skip: 1 } : {}),
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true, partnershipId: true },
  });
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

export function unreadCount(ctx: WorkspaceCtx) {
  return ctx.db.notification.count({ where: { ...mine(ctx), readAt: null } });
}

// One of the member's notifications (the notification step found it theirs). Marking one already
// read is fine.
export async function markRead(ctx: WorkspaceCtx & { notification: { id: string } }, now = new Date()) {
  const { count } = await ctx.db.notification.updateMany({ where: { id: ctx.notification.id, readAt: null }, data: { readAt: now } });
  return { marked: count };
}

export async function markAllRead(ctx: WorkspaceCtx, now = new Date()) {
  const { count } = await ctx.db.notification.updateMany({ where: { ...mine(ctx), readAt: null }, data: { readAt: now } });
  return { marked: count };
}
