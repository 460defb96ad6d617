// Every email the app sends is first a row in the outbox. Callers write it inside their own
// transaction, so an email exists exactly when the change it reports was committed; the delivery
// job (deliver.ts) sends it later, or, with no SMTP configured, admins read it in the app.
import type { EmailKind, Prisma } from "../../db/generated/client";
import { env } from "../../env";
import type { WorkspaceCtx } from "../../access/context";
import { DEFAULT_MAX_ATTEMPTS } from "./deliver";
import { smtpConfigured } from "./transport";
import { hasPersonalLink, hidePersonalLinks } from "../survey-links/redact";
import { background } from "../background";
import { byId } from "../../db/tenant";

// A PrismaClient, a transaction client, or the workspace-scoped client: anything that can
// create an outbox row.
export interface OutboxWriter {
  outboxEmail: { create(args: { data: Prisma.OutboxEmailUncheckedCreateInput; select: { id: true } }): PromiseLike<{ id: string }> };
}

export interface NewEmail {
  workspaceId: string;
  kind: EmailKind;
  to: string;
  // The member it is for (null for an invitation, whose recipient is not a member yet), and the
  // partnerships it names: until it is sent, it reaches them only while they may still hear of
  // those partnerships (server/access/standing.ts).
  recipientMemberId: string | null;
  partnershipIds: readonly string[];
  subject: string;
  text: string;
  link?: string | null;
  // The cycle a survey email is about, so taking the cycle back drops it while unsent.
  cycleId?: string | null;
}

export async function enqueueEmail(db: OutboxWriter, email: NewEmail): Promise<{ id: string }> {
  const { partnershipIds, ...fields } = email;
  const about = [...new Set(partnershipIds)].map((partnershipId) => ({ partnershipId }));
  const row = await db.outboxEmail.create({
    data: { ...fields, link: email.link ?? null, ...(about.length ? { about: { createMany: { data: about } } } : {}) },
    select: { id: true },
  });
  // Without a mail server the link would otherwise reach nobody: the demo's log shows it.
  if (!smtpConfigured() && env.NODE_ENV !== "test") {
    console.info(`[email] ${email.kind} to ${email.to}: ${email.link ?? email.subject}`);
  }
  // Usually inside the caller's transaction: the sweep the nudge queues finds the row once it is
  // committed, or the next scheduled sweep does.
  background.emailsQueued();
  return row;
}

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxStatus = "SENT" | "DROPPED" | "FAILED" | "PENDING" | "STORED";

function statusOf(
  e: { sentAt: Date | null; droppedAt: Date | null; failedAt: Date | null; attempts: number },
  smtp: boolean,
): OutboxStatus {
  if (e.sentAt) return "SENT";
  if (e.droppedAt) return "DROPPED";
  if (e.failedAt || e.attempts > 0) return "FAILED";
  return smtp ? "PENDING" : "STORED";
}

export async function listOutbox(ctx: WorkspaceCtx, input: { cursor?: string; kind?: EmailKind; failedOnly?: boolean }) {
  const smtp = smtpConfigured();
  const rows = await ctx.db.outboxEmail.findMany({
    where: {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.failedOnly ? { failedAt: { not: null }, sentAt: null, droppedAt: null } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: byId(ctx.db, input.cursor), skip: 1 } : {}),
  });
  const page = rows.slice(0, OUTBOX_PAGE_SIZE);
  return {
    smtpConfigured: smtp,
    nextCursor: rows.length > OUTBOX_PAGE_SIZE ? page[page.length - 1]!.id : null,
    emails: page.map((e) => ({
      id: e.id,
      kind: e.kind,
      to: e.to,
      subject: e.subject,
      // A personal survey link is its recipient's alone: admins read the email without it.
      text: hidePersonalLinks(e.text),
      link: hasPersonalLink(e.link) ? null : e.link,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
      attempts: e.attempts,
      lastError: e.lastError,
      droppedAt: e.droppedAt,
      dropReason: e.dropReason,
      status: statusOf(e, smtp),
      // Given up on by the job queue (its dead-letter queue): an admin may send it again.
      gaveUp: !e.sentAt && !e.droppedAt && (e.failedAt !== null || e.attempts >= DEFAULT_MAX_ATTEMPTS),
      failedAt: e.failedAt,
    })),
  };
}

// How many emails the job queue has given up on, for the outbox's heading and the admin's notice.
export function countFailedEmails(ctx: WorkspaceCtx): Promise<number> {
  return ctx.db.outboxEmail.count({ where: { failedAt: { not: null }, sentAt: null, droppedAt: null } });
}
