// Emails about an account rather than a workspace: password reset, sign-in link, email change,
// sign-up. Like workspace emails they are rows first (AccountEmail) and sent by the delivery job,
// so the request that asks for one answers at once and alike whether or not the address has an
// account. `sendSoon` queues the delivery right after the request instead of waiting for the
// next scheduled sweep. Without SMTP the link is printed to the server log (the demo's mailbox).
import type { AccountEmail, AccountEmailKind, Prisma, PrismaClient } from "../../db/generated/client";
import { background } from "../background";
import { env } from "../../env";
import { CLAIM_TIMEOUT_MS, DEFAULT_MAX_ATTEMPTS } from "../email/deliver";
import { defaultTransport, smtpConfigured, type MailTransport } from "../email/transport";

type Writer = Pick<PrismaClient, "accountEmail">;

export interface NewAccountEmail {
  kind: AccountEmailKind;
  to: string;
  subject: string;
  text: string;
  link?: string | null;
}

export async function enqueueAccountEmail(db: Writer, email: NewAccountEmail): Promise<{ id: string }> {
  const row = await db.accountEmail.create({ data: { ...email, link: email.link ?? null }, select: { id: true } });
  if (!smtpConfigured() && env.NODE_ENV !== "test") console.info(`[email] ${email.kind} to ${email.to}: ${email.link ?? email.subject}`);
  return row;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

type Claimed = Pick<AccountEmail, "id" | "to" | "subject" | "text">;

// Sends an email this run has claimed; a failure is recorded, the claim released, the error thrown on.
async function sendClaimed(db: PrismaClient, email: Claimed, transport: MailTransport, clock: () => Date): Promise<void> {
  try {
    await transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.text });
  } catch (error) {
    await db.accountEmail.update({
      where: { id: email.id },
      data: { attempts: { increment: 1 }, lastError: errorText(error), claimedAt: null },
    });
    throw error;
  }
  await db.accountEmail.update({ where: { id: email.id }, data: { sentAt: clock() } });
}

// One email, as its delivery job asks (see deliverOutboxEmail in ../email/deliver.ts).
export async function deliverAccountEmail(
  db: PrismaClient,
  id: string,
  options: { transport: MailTransport; retrying: boolean; now?: Date },
): Promise<"sent" | "done"> {
  const clock = () => options.now ?? new Date();
  const pending: Prisma.AccountEmailWhereInput = { id, sentAt: null, failedAt: null };
  const claim = await db.accountEmail.updateMany({
    where: options.retrying
      ? pending
      : { ...pending, OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(clock().getTime() - CLAIM_TIMEOUT_MS) } }] },
    data: { claimedAt: clock() },
  });
  if (claim.count !== 1) return "done";
  await sendClaimed(db, await db.accountEmail.findUniqueOrThrow({ where: { id } }), options.transport, clock);
  return "sent";
}

// The job queue gave up on it (its dead-letter queue).
export async function markAccountEmailFailed(db: PrismaClient, id: string, now = new Date()): Promise<void> {
  await db.accountEmail.updateMany({ where: { id, sentAt: null }, data: { failedAt: now, claimedAt: null } });
}

export async function deliverAccountEmails(
  db: PrismaClient,
  // `to`: only the emails to these addresses (a test sharing its database with others).
  options: { now?: Date; transport?: MailTransport | null; limit?: number; to?: readonly string[] } = {},
): Promise<{ sent: number; failed: number }> {
  const transport = options.transport === undefined ? defaultTransport() : options.transport;
  const result = { sent: 0, failed: 0 };
  if (!transport) return result;
  const clock = () => options.now ?? new Date();
  const claimable = (at: Date): Prisma.AccountEmailWhereInput => ({
    ...(options.to ? { to: { in: [...options.to] } } : {}),
    sentAt: null,
    failedAt: null,
    attempts: { lt: DEFAULT_MAX_ATTEMPTS },
    OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(at.getTime() - CLAIM_TIMEOUT_MS) } }],
  });
  const due = await db.accountEmail.findMany({
    where: claimable(clock()),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 50,
  });
  for (const email of due) {
    // One conditional update claims it: with several instances running, only one sends it.
    const claim = await db.accountEmail.updateMany({ where: { id: email.id, ...claimable(clock()) }, data: { claimedAt: clock() } });
    if (claim.count !== 1) continue;
    try {
      await sendClaimed(db, email, transport, clock);
      result.sent++;
    } catch {
      result.failed++;
    }
  }
  return result;
}

// After the request: queues its delivery now rather than at the next scheduled sweep.
export function sendSoon(): void {
  if (smtpConfigured()) background.emailsQueued();
}

// Account emails not yet sent or given up on, a page at a time after `after` (the job queue's
// sweep queues a delivery job for each).
export function pendingAccountEmails(db: PrismaClient, after: string | null) {
  return db.accountEmail.findMany({
    where: { sentAt: null, failedAt: null, ...(after ? { id: { gt: after } } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 500,
  });
}
