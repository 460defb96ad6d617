// In-app notifications: writing them once per person and event (with the email that goes with
// them), and each member's own list. A member only ever reads and marks their own.
import type { NotificationKind, Prisma, PrismaClient } from "../db/generated/client";
import type { TenantDb, TenantTx } from "../db/tenant";
import type { WorkspaceCtx } from "../trpc/procedures";
import { enqueueEmail } from "./email/outbox";
import type { Email } from "./email/templates";
import { notFound } from "./errors";

type AnyDb = PrismaClient | Prisma.TransactionClient | TenantDb | TenantTx;

export interface Recipient {
  memberId: string;
  name: string;
  email: string;
}

const HOST_ROLES = ["OWNER", "ADMIN", "MANAGER", "EXECUTIVE"] as const;

// Who hears about a partnership: its owner, or when it has none (or the owner has left or is no
// longer on the company's side), the workspace's owners and admins, so an alert never goes unread.
export async function partnershipRecipients(db: AnyDb, workspaceId: string, ownerMemberId: string | null): Promise<Recipient[]> {
  const select = { id: true, user: { select: { name: true, email: true } } } as const;
  const owner = ownerMemberId
    ? await db.member.findFirst({ where: { workspaceId, id: ownerMemberId, removedAt: null, role: { in: [...HOST_ROLES] } }, select })
    : null;
  const members = owner
    ? [owner]
    : await db.member.findMany({
        where: { workspaceId, removedAt: null, role: { in: ["OWNER", "ADMIN"] } },
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
// Returns the notices that were new.
export async function notifyOnce(
  db: AnyDb,
  workspaceId: string,
  recipient: Recipient,
  notices: readonly Notice[],
  email: (fresh: Notice[]) => Email,
): Promise<Notice[]> {
  if (notices.length === 0) return [];
  // ON CONFLICT DO NOTHING on (workspace, member, dedupeKey): a second evaluation, or a racing
  // one, inserts nothing and so emails nothing, without aborting the transaction.
  const created = await db.notification.createManyAndReturn({
    data: notices.map((n) => ({ ...n, workspaceId, memberId: recipient.memberId })),
    skipDuplicates: true,
    select: { dedupeKey: true },
  });
  const fresh = new Set(created.map((c) => c.dedupeKey));
  const newNotices = notices.filter((n) => fresh.has(n.dedupeKey));
  if (newNotices.length > 0) {
    await enqueueEmail(db, { workspaceId, kind: "ALERT", to: recipient.email, ...email(newNotices) });
  }
  return newNotices;
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

export async function listNotifications(ctx: WorkspaceCtx, input: { cursor?: string; limit?: number }) {
  const limit = input.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const rows = await ctx.db.notification.findMany({
    where: { memberId: ctx.member.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { workspaceId_id: { workspaceId: ctx.workspace.id, id: input.cursor } }, skip: 1 } : {}),
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true, partnershipId: true },
  });
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

export function unreadCount(ctx: WorkspaceCtx) {
  return ctx.db.notification.count({ where: { memberId: ctx.member.id, readAt: null } });
}

// One notification, or all of the member's. Marking one already read is fine; someone else's
// answers NOT_FOUND like one that does not exist.
export async function markRead(ctx: WorkspaceCtx, input: { notificationId?: string }, now = new Date()) {
  if (!input.notificationId) {
    const { count } = await ctx.db.notification.updateMany({ where: { memberId: ctx.member.id, readAt: null }, data: { readAt: now } });
    return { marked: count };
  }
  const { count } = await ctx.db.notification.updateMany({
    where: { id: input.notificationId, memberId: ctx.member.id, readAt: null },
    data: { readAt: now },
  });
  if (count === 0) {
    const mine = await ctx.db.notification.count({ where: { id: input.notificationId, memberId: ctx.member.id } });
    if (!mine) throw notFound("Notification");
  }
  return { marked: count };
}
