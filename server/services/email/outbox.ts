// Every email the app sends is first a row in the outbox. Callers write it inside their own
// transaction, so an email exists exactly when the change it reports was committed; the delivery
// job (deliver.ts) sends it later, or, with no SMTP configured, admins read it in the app.
import type { EmailKind, Prisma } from "../../db/generated/client";
import { env } from "../../env";
import type { WorkspaceCtx } from "../../access/context";
import { DEFAULT_MAX_ATTEMPTS } from "./deliver";
import { smtpConfigured } from "./transport";

// A PrismaClient, a transaction client, or the workspace-scoped client: anything that can
// create an outbox row.
export interface OutboxWriter {
  outboxEmail: { create(args: { data: Prisma.OutboxEmailUncheckedCreateInput; select: { id: true } }): PromiseLike<{ id: string }> };
}

export interface NewEmail {
  workspaceId: string;
  kind: EmailKind;
  to: string;
  subject: string;
  text: string;
  link?: string | null;
}

export async function enqueueEmail(db: OutboxWriter, email: NewEmail): Promise<{ id: string }> {
  const row = await db.outboxEmail.create({ data: { ...email, link: email.link ?? null }, select: { id: true } });
  // Without a mail server the link would otherwise reach nobody: the demo's log shows it.
  if (!smtpConfigured() && env.NODE_ENV !== "test") {
    console.info(`[email] ${email.kind} to ${email.to}: ${email.link ?? email.subject}`);
  }
  return row;
}

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxStatus = "SENT" | "FAILED" | "PENDING" | "STORED";

export async function listOutbox(ctx: WorkspaceCtx, input: { cursor?: string; kind?: EmailKind }) {
  const smtp = smtpConfigured();
  const rows = await ctx.db.outboxEmail.findMany({
    where: input.kind ? { kind: input.kind } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
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
      text: e.text,
      link: e.link,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
      attempts: e.attempts,
      lastError: e.lastError,
      status: (e.sentAt ? "SENT" : e.attempts > 0 ? "FAILED" : smtp ? "PENDING" : "STORED") as OutboxStatus,
      gaveUp: !e.sentAt && e.attempts >= DEFAULT_MAX_ATTEMPTS,
    })),
  };
}
