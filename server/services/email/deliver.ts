// The delivery job: sends what one workspace's outbox holds through SMTP (server/jobs/run.ts goes
// through the workspaces). Safe to run on several instances
// at once: each email is claimed with one conditional update, and only the run whose update
// matched sends it. A claim older than CLAIM_TIMEOUT_MS is taken to belong to a run that died.
import type { Prisma } from "../../db/generated/client";
import type { TenantDb } from "../../db/tenant";
import { env } from "../../env";
import { defaultTransport, type MailTransport } from "./transport";

export const DEFAULT_MAX_ATTEMPTS = 5;
export const CLAIM_TIMEOUT_MS = 5 * 60 * 1000;
const DEFAULT_LIMIT = 50;

export interface DeliverOptions {
  // Fixes the clock (tests); each claim otherwise reads the current time.
  now?: Date;
  // Unset: the SMTP server of the environment; null or no SMTP_HOST: nothing is sent.
  transport?: MailTransport | null;
  limit?: number;
  maxAttempts?: number;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

export async function deliverOutbox(db: TenantDb, options: DeliverOptions = {}): Promise<{ sent: number; failed: number }> {
  const transport = options.transport === undefined ? defaultTransport() : options.transport;
  const result = { sent: 0, failed: 0 };
  if (!transport) return result;
  const clock = () => options.now ?? new Date();
  const claimable = (at: Date): Prisma.OutboxEmailWhereInput => ({
    sentAt: null,
    attempts: { lt: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS },
    OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(at.getTime() - CLAIM_TIMEOUT_MS) } }],
  });

  const due = await db.outboxEmail.findMany({
    where: claimable(clock()),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.limit ?? DEFAULT_LIMIT,
    select: { id: true, to: true, subject: true, text: true },
  });
  for (const email of due) {
    const at = clock();
    const claim = await db.outboxEmail.updateMany({ where: { id: email.id, ...claimable(at) }, data: { claimedAt: at } });
    if (claim.count !== 1) continue;
    try {
      await transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.text });
    } catch (error) {
      // Released, so the next run retries it, until maxAttempts.
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { attempts: { increment: 1 }, lastError: errorText(error), claimedAt: null },
      });
      result.failed++;
      continue;
    }
    await db.outboxEmail.update({ where: { id: email.id }, data: { sentAt: clock() } });
    result.sent++;
  }
  return result;
}
