// The database after the load: every survey submit answered 200 is there exactly once with what it
// sent, drafts are as their last answered save left them, no email was queued twice, and the job
// queue left nothing behind. Each check gives its failures as sentences; none means it passed.
import type { PrismaClient } from "../../db/generated/client";
import type { WriteRecord, WriterState } from "./scenarios";
import type { Survey } from "./users";

export interface Check {
  name: string;
  failures: string[];
  notes: string[];
}

const check = (name: string): Check => ({ name, failures: [], notes: [] });

// The writes after the last answered one were cut: the database may hold either outcome of those.
function lastAnswered(writes: WriteRecord[]) {
  let last: WriteRecord | null = null;
  for (const w of writes) if (w.status === 200) last = w;
  return last;
}

export async function checkResponses(db: PrismaClient, survey: Survey, states: WriterState[], since: Date): Promise<Check[]> {
  const responses = check("responses: every acknowledged submit stored once, with what it sent");
  const drafts = check("drafts: as the last acknowledged save left them");
  const statements = survey.pillars.reduce((n, p) => n + p.statements.length, 0);
  const members = states.map((s) => s.writer.memberId);
  const rows = await db.$queryRawUnsafe<
    { memberId: string; partnershipId: string; updatedAt: Date; answers: number; comment: string | null; copies: number }[]
  >(
    `SELECT r."memberId", r."partnershipId", r."updatedAt",
            (SELECT count(*)::int FROM "Answer" a WHERE a."responseId" = r.id) AS answers,
            (SELECT c.text FROM "PillarComment" c WHERE c."responseId" = r.id AND c."pillarId" = $3) AS comment,
            count(*) OVER (PARTITION BY r."memberId", r."partnershipId")::int AS copies
       FROM "Response" r
      WHERE r."workspaceId" = $1 AND r."cycleId" = $2 AND r."memberId" = ANY($4)`,
    survey.workspaceId,
    survey.cycleId,
    survey.pillars[0]!.id,
    members,
  );
  const stored = new Map(rows.map((r) => [`${r.memberId}|${r.partnershipId}`, r]));
  const draftRows = await db.responseDraft.findMany({
    where: { workspaceId: survey.workspaceId, cycleId: survey.cycleId, memberId: { in: members } },
    select: { memberId: true, partnershipId: true, version: true },
  });
  const draftOf = new Map(draftRows.map((d) => [`${d.memberId}|${d.partnershipId}`, d]));

  let acknowledged = 0;
  for (const state of states) {
    const key = `${state.writer.memberId}|${state.writer.partnershipId}`;
    const submits = state.writes.filter((w) => w.kind === "submit");
    const lastSubmit = lastAnswered(submits);
    acknowledged += submits.filter((w) => w.status === 200).length;
    const row = stored.get(key);
    if (lastSubmit) {
      // The stored comment is the last acknowledged submit's, or a later (cut) one's.
      const allowed = new Set(submits.filter((w) => w.seq >= lastSubmit.seq).map((w) => w.marker));
      if (!row) responses.failures.push(`${state.writer.email}: submit ${lastSubmit.marker} was answered 200 but no response is stored.`);
      else if (row.copies !== 1) responses.failures.push(`${state.writer.email}: ${row.copies} responses stored for one survey.`);
      else if (row.updatedAt < since) responses.failures.push(`${state.writer.email}: the stored response predates the run.`);
      else if (row.answers !== statements)
        responses.failures.push(`${state.writer.email}: ${row.answers} answers stored, not ${statements}.`);
      else if (!allowed.has(row.comment))
        responses.failures.push(`${state.writer.email}: stored comment "${row.comment}" is not ${lastSubmit.marker}'s.`);
    }
    const last = lastAnswered(state.writes);
    // Only when nothing was sent after it: a cut write may or may not have happened.
    if (last && last === state.writes.at(-1)) {
      const draft = draftOf.get(key);
      if (last.kind === "submit" && draft) drafts.failures.push(`${state.writer.email}: a draft (v${draft.version}) outlived the submit.`);
      if (last.kind === "draft" && draft?.version !== last.version) {
        drafts.failures.push(`${state.writer.email}: draft v${draft?.version ?? "none"} stored, the last save answered v${last.version}.`);
      }
    }
  }
  responses.notes.push(
    `${acknowledged} submits acknowledged by ${states.filter((s) => s.writes.some((w) => w.kind === "submit")).length} people.`,
  );

  const doubled = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Response" WHERE "workspaceId" = $1
       GROUP BY "cycleId", "partnershipId", "memberId" HAVING count(*) > 1) d`,
    survey.workspaceId,
  );
  if (doubled[0]!.n > 0) responses.failures.push(`${doubled[0]!.n} surveys have more than one response.`);
  const doubledDrafts = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM "ResponseDraft" WHERE "workspaceId" = $1
       GROUP BY "cycleId", "partnershipId", "memberId" HAVING count(*) > 1) d`,
    survey.workspaceId,
  );
  if (doubledDrafts[0]!.n > 0) drafts.failures.push(`${doubledDrafts[0]!.n} surveys have more than one draft.`);

  // The stored figures agree with the responses they count (a lost or doubled write would show).
  const touched = [...new Set(states.filter((s) => s.writes.length).map((s) => s.writer.partnershipId))];
  const mismatched = await db.$queryRawUnsafe<{ partnershipId: string; stored: number; actual: number }[]>(
    `SELECT s."partnershipId", s."partnerResponses" AS stored,
            (SELECT count(*)::int FROM "Response" r WHERE r."workspaceId" = s."workspaceId" AND r."cycleId" = s."cycleId"
               AND r."partnershipId" = s."partnershipId" AND r.side = 'PARTNER') AS actual
       FROM "PartnershipCycleScore" s
      WHERE s."workspaceId" = $1 AND s."cycleId" = $2 AND s."partnershipId" = ANY($3)`,
    survey.workspaceId,
    survey.cycleId,
    touched,
  );
  for (const m of mismatched.filter((r) => r.stored !== r.actual)) {
    responses.failures.push(`partnership ${m.partnershipId}: its scores count ${m.stored} partner responses, ${m.actual} are stored.`);
  }
  return [responses, drafts];
}

export async function checkOutbox(db: PrismaClient, since: Date): Promise<Check> {
  const outbox = check("outbox: no email queued twice");
  const dupes = await db.$queryRawUnsafe<{ kind: string; to: string; subject: string; n: number }[]>(
    `SELECT kind::text, "to", subject, count(*)::int AS n FROM "OutboxEmail" WHERE "createdAt" >= $1
      GROUP BY "workspaceId", kind, "to", subject, coalesce(link, '') HAVING count(*) > 1`,
    since,
  );
  for (const d of dupes) outbox.failures.push(`${d.n} copies of ${d.kind} "${d.subject}" to ${d.to}.`);
  const made = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "OutboxEmail" WHERE "createdAt" >= $1`, since);
  outbox.notes.push(`${made[0]!.n} emails queued during the run.`);
  return outbox;
}

// Jobs still to do while a worker is up: waiting (created, or retry once due), or running in a live
// worker (started after `liveSince`, when the killed worker's jobs were left behind).
export async function pendingJobs(db: PrismaClient, liveSince: Date | null): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pgboss.job
      WHERE (state IN ('created', 'retry') AND start_after < now())
         OR (state = 'active' AND ($1::timestamptz IS NULL OR started_on > $1))`,
    liveSince,
  );
  return rows[0]!.n;
}

// `clusterStartedAt`: no worker ran before it, so a job active since earlier was left by an earlier
// run's worker (stopped or killed then), and pg-boss hands it on once it expires, as it does the
// killed worker's.
export async function checkJobs(
  db: PrismaClient,
  since: Date,
  workerKilledAt: Date | null,
  graceSeconds: number,
  clusterStartedAt: Date,
): Promise<Check> {
  const jobs = check("jobs: each run once, none left behind");
  const left = await db.$queryRawUnsafe<{ name: string; state: string; n: number }[]>(
    `SELECT name, state::text, count(*)::int AS n FROM pgboss.job
      WHERE state IN ('created', 'retry') AND start_after < now() - make_interval(secs => $1)
      GROUP BY name, state ORDER BY name`,
    graceSeconds,
  );
  for (const l of left) jobs.failures.push(`${l.n} ${l.name} job(s) still ${l.state}, due more than ${graceSeconds} s ago.`);
  const active = await db.$queryRawUnsafe<{ name: string; startedOn: Date; expiresAt: Date }[]>(
    `SELECT name, started_on AS "startedOn", started_on + expire_in AS "expiresAt" FROM pgboss.job WHERE state = 'active'`,
  );
  for (const a of active) {
    // The killed worker's job: pg-boss hands it to a live worker once it expires.
    if (workerKilledAt && a.startedOn <= workerKilledAt && a.expiresAt > new Date()) {
      jobs.notes.push(`${a.name}: was running in the killed worker; pg-boss retries it after ${a.expiresAt.toISOString()}.`);
    } else if (a.startedOn <= clusterStartedAt && a.expiresAt > new Date()) {
      jobs.notes.push(`${a.name}: left running by an earlier run's worker; pg-boss retries it after ${a.expiresAt.toISOString()}.`);
    } else jobs.failures.push(`${a.name}: still running since ${a.startedOn.toISOString()} after the wait for the worker to catch up.`);
  }
  const doubled = await db.$queryRawUnsafe<{ name: string; slot: Date; n: number }[]>(
    `SELECT name, singleton_on AS slot, count(*)::int AS n FROM pgboss.job
      WHERE name LIKE 'tick.%' AND created_on >= $1 AND singleton_on IS NOT NULL
      GROUP BY name, singleton_key, singleton_on HAVING count(*) > 1`,
    since,
  );
  for (const d of doubled) jobs.failures.push(`${d.name} fired ${d.n} times for the slot ${d.slot.toISOString()}.`);
  const ran = await db.$queryRawUnsafe<{ state: string; n: number }[]>(
    `SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE created_on >= $1 GROUP BY state ORDER BY state`,
    since,
  );
  jobs.notes.push(`jobs since the start: ${ran.map((r) => `${r.n} ${r.state}`).join(", ") || "none"}.`);
  return jobs;
}
