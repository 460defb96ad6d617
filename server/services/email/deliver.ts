// Delivery: sends outbox emails through SMTP. The job queue (server/jobs/) runs one delivery job
// per email, with retries and backoff; deliverOutbox sends a workspace's whole due outbox at once.
// Safe on several instances at once: each email is claimed with one conditional update, and only
// the run whose update matched sends it. A claim older than CLAIM_TIMEOUT_MS is taken to belong to
// a run that died.
// Once claimed, an email is checked against its recipient's current access (whyNotSend) and
// dropped, never sent, when they may no longer receive it.
import type { EmailKind, Prisma } from "../../db/generated/client";
import { byId, type TenantDb } from "../../db/tenant";
import { emailConcern, mayHear } from "../../access/standing";
import { env } from "../../env";
import { turnedOff } from "./preferences";
import { defaultTransport, type MailTransport } from "./transport";
import { hasPersonalLink, hidePersonalLinks } from "../survey-links/redact";
import { background } from "../background";
import { conflict } from "../../access/errors";

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

export const REMOVED_REASON = "Not sent: the recipient is no longer a member of the workspace.";
export const mayNoLongerHear = (partnershipName: string) =>
  `Not sent: the recipient may no longer hear about ${partnershipName} (their role or organisation changed).`;

// Read just before sending, by the access module's rule: an email to someone who has left, of a
// kind they turned off on their account page (preferences.ts), or naming a partnership its
// recipient may no longer hear about, is dropped with the reason instead of sent, whatever the
// clean-up after the change did. Null when it may go.
export async function whyNotSend(
  db: TenantDb,
  email: { kind: EmailKind; recipientMemberId: string | null; about: { partnershipId: string }[] },
): Promise<string | null> {
  if (!email.recipientMemberId) return null;
  const memberId = email.recipientMemberId;
  const [member, partnerships] = await Promise.all([
    db.member.findUnique({
      where: byId(db, memberId),
      select: {
        id: true,
        role: true,
        partnerOrgId: true,
        removedAt: true,
        user: { select: { emailSurveyReminders: true, emailActionReminders: true, emailAlerts: true, emailRetroSummaries: true } },
      },
    }),
    email.about.length
      ? db.partnership.findMany({
          where: { id: { in: email.about.map((a) => a.partnershipId) } },
          select: { name: true, partnerOrgId: true, ownerMemberId: true, team: { where: { memberId }, select: { memberId: true } } },
          orderBy: { name: "asc" },
        })
      : Promise.resolve([]),
  ]);
  if (!member || member.removedAt) return REMOVED_REASON;
  const off = turnedOff(email.kind, member.user);
  if (off) return off;
  const concern = emailConcern(email.kind);
  if (!concern) return null;
  for (const p of partnerships) {
    const facts = { ...p, teamMemberIds: p.team.map((t) => t.memberId), archived: false };
    if (!mayHear(member, facts, concern)) return mayNoLongerHear(p.name);
  }
  return null;
}

// Once an email has gone (or will never go), the stored copy keeps no personal survey link: the
// link's hash in SurveyLink is all that is left of it.
function withoutPersonalLink(email: { text: string; link: string | null }) {
  if (!hasPersonalLink(email.text) && !hasPersonalLink(email.link)) return {};
  return { text: hidePersonalLinks(email.text), link: hidePersonalLinks(email.link) };
}

type Claimed = Pick<
  Prisma.OutboxEmailGetPayload<{ include: { about: true } }>,
  "id" | "kind" | "to" | "recipientMemberId" | "subject" | "text" | "link"
> & {
  about: { partnershipId: string }[];
};

const CLAIMED_SELECT = {
  id: true,
  kind: true,
  to: true,
  recipientMemberId: true,
  subject: true,
  text: true,
  link: true,
  about: { select: { partnershipId: true } },
} as const;

// Sends an email this run has claimed, or drops it when its recipient may no longer have it.
// A failed send is recorded (attempts, lastError), the claim released, and the error thrown on.
async function sendClaimed(db: TenantDb, email: Claimed, transport: MailTransport, clock: () => Date): Promise<"sent" | "dropped"> {
  const reason = await whyNotSend(db, email);
  if (reason) {
    await db.outboxEmail.update({
      where: byId(db, email.id),
      data: { droppedAt: clock(), dropReason: reason, ...withoutPersonalLink(email) },
    });
    return "dropped";
  }
  try {
    await transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.text });
  } catch (error) {
    await db.outboxEmail.update({
      where: byId(db, email.id),
      data: { attempts: { increment: 1 }, lastError: errorText(error), claimedAt: null },
    });
    throw error;
  }
  await db.outboxEmail.update({ where: byId(db, email.id), data: { sentAt: clock(), ...withoutPersonalLink(email) } });
  return "sent";
}

// One email, as its delivery job (server/jobs/) asks: the queue holds one job per email and runs
// it on one worker at a time, retrying with backoff when this throws. `retrying`: an earlier try of
// this same job may have died holding the claim (a killed worker), so its claim is taken over.
// "done" when there is nothing to do: already sent, dropped or given up on.
export async function deliverOutboxEmail(
  db: TenantDb,
  id: string,
  options: { transport: MailTransport; retrying: boolean; now?: Date },
): Promise<"sent" | "dropped" | "done"> {
  const clock = () => options.now ?? new Date();
  const pending: Prisma.OutboxEmailWhereInput = { id, sentAt: null, droppedAt: null, failedAt: null };
  const claim = await db.outboxEmail.updateMany({
    where: options.retrying
      ? pending
      : { ...pending, OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(clock().getTime() - CLAIM_TIMEOUT_MS) } }] },
    data: { claimedAt: clock() },
  });
  if (claim.count !== 1) return "done";
  const email = await db.outboxEmail.findUniqueOrThrow({ where: byId(db, id), select: CLAIMED_SELECT });
  return sendClaimed(db, email, options.transport, clock);
}

// The job queue gave up on it (its dead-letter queue): kept, marked, for an admin to see.
export async function markOutboxEmailFailed(db: TenantDb, id: string, now = new Date()): Promise<void> {
  await db.outboxEmail.updateMany({ where: { id, sentAt: null, droppedAt: null }, data: { failedAt: now, claimedAt: null } });
}

// An admin's "send again" for an email given up on: it becomes pending with fresh tries. Refused
// when it was not given up on (sent since, or still being tried), changing nothing.
export async function sendOutboxEmailAgain(db: TenantDb, id: string): Promise<{ ok: true }> {
  const { count } = await db.outboxEmail.updateMany({
    where: { id, sentAt: null, droppedAt: null, failedAt: { not: null } },
    data: { failedAt: null, attempts: 0, claimedAt: null },
  });
  if (count !== 1) throw conflict("That email is not waiting to be sent again: it was sent, dropped, or is still being tried.");
  background.emailsQueued();
  return { ok: true };
}

// The whole due outbox of one workspace in one go (tests; before the job queue, the delivery job).
export async function deliverOutbox(
  db: TenantDb,
  options: DeliverOptions = {},
): Promise<{ sent: number; failed: number; dropped: number }> {
  const transport = options.transport === undefined ? defaultTransport() : options.transport;
  const result = { sent: 0, failed: 0, dropped: 0 };
  if (!transport) return result;
  const clock = () => options.now ?? new Date();
  const claimable = (at: Date): Prisma.OutboxEmailWhereInput => ({
    sentAt: null,
    droppedAt: null,
    failedAt: null,
    attempts: { lt: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS },
    OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(at.getTime() - CLAIM_TIMEOUT_MS) } }],
  });

  const due = await db.outboxEmail.findMany({
    where: claimable(clock()),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.limit ?? DEFAULT_LIMIT,
    select: CLAIMED_SELECT,
  });
  for (const email of due) {
    const claim = await db.outboxEmail.updateMany({ where: { id: email.id, ...claimable(clock()) }, data: { claimedAt: clock() } });
    if (claim.count !== 1) continue;
    try {
      result[(await sendClaimed(db, email, transport, clock)) === "sent" ? "sent" : "dropped"]++;
    } catch {
      // Recorded on the row; the next run retries it, until maxAttempts.
      result.failed++;
    }
  }
  return result;
}
