// The job queue (pg-boss) on the real database: each schedule's tick fans out once with three
// workers running at once; a failing email is retried with backoff and lands in the dead-letter
// queue after its last try, for an admin to send again; a killed worker's job is picked up again.
import { randomBytes } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { createCycle, createWorkspaceWithOwner } from "../../prisma/factories";
import type { PrismaClient } from "../../server/db/generated/client";
import { forWorkspace } from "../../server/db/tenant";
import { enqueueEmail } from "../../server/services/email/outbox";
import { sendOutboxEmailAgain } from "../../server/services/email/deliver";
import type { MailTransport } from "../../server/services/email/transport";
import {
  EMAIL_DEAD_LETTER,
  EMAIL_QUEUE,
  emailJobId,
  tickQueue,
  WORKSPACE_WORK,
  workspaceQueue,
  type EmailJob,
} from "../../server/jobs/queues";
import { startJobs, type Jobs, type JobsOptions } from "../../server/jobs/start";
import { startSmtp } from "./loopback-smtp";
import { ownDatabase, type OwnDatabase } from "./own-database";

// Each test's queue lives in a schema of its own, so tests in parallel never take each other's jobs.
const schemaName = () => `pgboss_test_${randomBytes(4).toString("hex")}`;

async function started(own: OwnDatabase, schema: string, options: Partial<JobsOptions> = {}): Promise<Jobs> {
  const jobs = await startJobs({
    workers: true,
    db: own.db,
    schema,
    connectionString: own.url,
    // No schedule of its own fires during a test: ticks are sent by the test.
    intervalSeconds: 3600,
    log: () => {},
    ...options,
  });
  onTestFinished(() => jobs.stop());
  return jobs;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Row = Record<string, unknown>;
const jobsIn = (db: PrismaClient, schema: string, name: string) =>
  db.$queryRawUnsafe<Row[]>(
    `SELECT id, state, data, retry_count, singleton_key FROM ${schema}.job WHERE name = $1
     UNION ALL SELECT id, state, data, retry_count, singleton_key FROM ${schema}.archive WHERE name = $1`,
    name,
  );

async function invitationEmail(db: PrismaClient, workspaceId: string, to: string) {
  return enqueueEmail(forWorkspace(db, workspaceId), {
    workspaceId,
    kind: "INVITATION",
    to,
    recipientMemberId: null,
    partnershipIds: [],
    subject: "You are invited",
    text: "Join us.",
  });
}

// Workers poll, retries wait: more than the default half minute on a busy machine.
describe("the job queue", { timeout: 120_000 }, () => {
  it("fires each schedule's tick once with three workers running at once, one job per workspace", async () => {
    const own = await ownDatabase();
    const a = await createWorkspaceWithOwner(own.fixtures);
    const b = await createWorkspaceWithOwner(own.fixtures);
    // A cycle past its close date in each; B's schedule is off, so only A's is closed by its job.
    await own.fixtures.workspace.update({ where: { id: b.workspace.id }, data: { autoSchedule: false } });
    const past = { status: "OPEN" as const, opensAt: new Date(Date.now() - 30 * 86_400_000), closesAt: new Date(Date.now() - 60_000) };
    const cycleA = await createCycle(own.fixtures, a.workspace.id, past);
    const cycleB = await createCycle(own.fixtures, b.workspace.id, past);
    const schema = schemaName();
    const workers = [await started(own, schema), await started(own, schema), await started(own, schema)];
    // The three send the same tick at once, as three instances' timers (or cron) would.
    await Promise.all(workers.map((w) => w.tick()));

    for (const work of WORKSPACE_WORK) {
      const ticks = await jobsIn(own.fixtures, schema, tickQueue(work));
      expect(ticks, `${work} ticks`).toHaveLength(1);
      const done = await until(`${work} jobs done`, async () => {
        const rows = await jobsIn(own.fixtures, schema, workspaceQueue(work));
        const mine = rows.filter((r) => [a.workspace.id, b.workspace.id].includes((r.data as { workspaceId: string }).workspaceId));
        return mine.length === 2 && mine.every((r) => r.state === "completed") ? mine : null;
      });
      expect(done).toHaveLength(2);
    }
    // One sweep by the tick (the close's nudge may have queued another, keyed apart).
    expect((await jobsIn(own.fixtures, schema, tickQueue("sweep"))).filter((j) => j.singleton_key === "tick")).toHaveLength(1);
    expect(await own.fixtures.cycle.findFirstOrThrow({ where: { id: cycleA.id } })).toMatchObject({ status: "CLOSED" });
    expect(await own.fixtures.cycle.findFirstOrThrow({ where: { id: cycleB.id } })).toMatchObject({ status: "OPEN" });
  });

  it("retries a failing email with backoff, dead-letters it after its last try, and an admin's send-again delivers it", async () => {
    const own = await ownDatabase();
    const smtp = await startSmtp();
    smtp.control.refuseRecipients = true;
    const attempts: number[] = [];
    const transport: MailTransport = {
      sendMail: (message) => {
        attempts.push(Date.now());
        return smtp.transport.sendMail(message);
      },
    };
    const { workspace } = await createWorkspaceWithOwner(own.fixtures);
    const email = await invitationEmail(own.db, workspace.id, "refused@example.test");
    const schema = schemaName();
    const jobs = await started(own, schema, { transport: () => transport, email: { retryLimit: 2, retryDelaySeconds: 1 } });
    await jobs.tick();

    const failed = await until("the email given up on", async () => {
      const row = await own.fixtures.outboxEmail.findFirstOrThrow({ where: { id: email.id } });
      return row.failedAt ? row : null;
    });
    // One try and two retries, each waiting at least the doubled delay (1-2 s, then 2-4 s).
    expect(failed.attempts).toBe(3);
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/550/);
    expect(attempts).toHaveLength(3);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(1000);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(2000);
    const dead = await jobsIn(own.fixtures, schema, EMAIL_DEAD_LETTER);
    expect(dead.map((d) => (d.data as EmailJob).emailId)).toEqual([email.id]);

    // The server accepts mail again; the admin sends it again: delivered once.
    smtp.control.refuseRecipients = false;
    await sendOutboxEmailAgain(forWorkspace(own.db, workspace.id), email.id);
    await until("the email sent", async () => (await own.fixtures.outboxEmail.findFirstOrThrow({ where: { id: email.id } })).sentAt);
    expect(smtp.to("refused@example.test")).toHaveLength(1);
    await expect(sendOutboxEmailAgain(forWorkspace(own.db, workspace.id), email.id)).rejects.toThrow(/not waiting to be sent again/);
  });

  it("takes up the job of a worker killed mid-job once it expires, and sends the email once", async () => {
    const own = await ownDatabase();
    const smtp = await startSmtp();
    const { workspace } = await createWorkspaceWithOwner(own.fixtures);
    const email = await invitationEmail(own.db, workspace.id, "after-a-crash@example.test");
    const schema = schemaName();

    // A worker takes the email's job, claims the email and dies before sending: its job stays
    // active, its claim held.
    const retry = { retryLimit: 2, retryDelaySeconds: 1 };
    const doomed = await started(own, schema, { workers: false, email: retry });
    const data: EmailJob = { workspaceId: workspace.id, emailId: email.id };
    await doomed.boss.insert([{ id: emailJobId(data), name: EMAIL_QUEUE, data, expireInSeconds: 1 }]);
    const [taken] = await doomed.boss.fetch<EmailJob>(EMAIL_QUEUE);
    expect(taken?.id).toBe(emailJobId(data));
    await own.fixtures.outboxEmail.updateMany({ where: { id: email.id }, data: { claimedAt: new Date() } });
    await doomed.stop();

    const survivor = await started(own, schema, { transport: () => smtp.transport, email: retry });
    await new Promise((r) => setTimeout(r, 1100));
    // What the survivor's upkeep does every few minutes: an active job past its expiry is failed
    // and, with retries left, queued again.
    await survivor.boss.expire();
    await until("the email sent", async () => (await own.fixtures.outboxEmail.findFirstOrThrow({ where: { id: email.id } })).sentAt);
    expect(smtp.to("after-a-crash@example.test")).toHaveLength(1);
    const job = await survivor.boss.getJobById<EmailJob>(EMAIL_QUEUE, emailJobId(data), { includeArchive: true });
    expect(job?.retryCount).toBe(1);
  });
});
