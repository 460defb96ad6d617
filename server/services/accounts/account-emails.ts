// Emails about an account rather than a workspace: password reset, sign-in link, email change,
// sign-up. Like workspace emails they are rows first (AccountEmail) and sent by the delivery job,
// so the request that asks for one answers at once and alike whether or not the address has an
// account. `sendSoon` starts a delivery right after the request instead of waiting for the
// next job run. Without SMTP the link is printed to the server log (the demo's mailbox).
import type { AccountEmailKind, Prisma, PrismaClient } from "../../db/generated/client";
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
    attempts: { lt: DEFAULT_MAX_ATTEMPTS },
    OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(at.getTime() - CLAIM_TIMEOUT_MS) } }],
  });
  const due = await db.accountEmail.findMany({
    where: claimable(clock()),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 50,
  });
  for (const email of due) {
    const at = clock();
    // One conditional update claims it: with several instances running, only one sends it.
    const claim = await db.accountEmail.updateMany({ where: { id: email.id, ...claimable(at) }, data: { claimedAt: at } });
    if (claim.count !== 1) continue;
    try {
      await transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.text });
    } catch (error) {
      await db.accountEmail.update({
        where: { id: email.id },
        data: { attempts: { increment: 1 }, lastError: errorText(error), claimedAt: null },
      });
      result.failed++;
      continue;
    }
    await db.accountEmail.update({ where: { id: email.id }, data: { sentAt: clock() } });
    result.sent++;
  }
  return result;
}

// After the response: a failure here is retried by the next job run.
export function sendSoon(db: PrismaClient): void {
  if (!smtpConfigured()) return;
  setTimeout(() => {
    deliverAccountEmails(db).catch((error) => console.error("[email] account email delivery failed:", error));
  }, 0);
}
