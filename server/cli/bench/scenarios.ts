// What the benchmark times, each next to its floor: the plainest SQL that reads (or, for the
// submit, writes) the same stored figures through the same driver, without Prisma or shaping.
import type { PrismaClient } from "../../db/generated/client";
import type { SqlDriver } from "../../db/sql-driver";
import { forWorkspace } from "../../db/tenant";
import { refreshCycleAggregates } from "../../services/aggregates";
import { createContextFor } from "../../trpc/context";
import { createCaller } from "../../trpc/root";
import { seededRandom } from "../scale/random";
import type { Scenario } from "./measure";

export class BenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchError";
  }
}

const callerFor = (db: PrismaClient, userId: string) => createCaller(createContextFor(userId, db));

export interface BenchWorld {
  workspaceId: string;
  slug: string;
  executiveUserId: string;
  managerUserId: string;
  partnershipIds: string[];
  scoredCycleIds: string[];
  openCycleId: string;
}

export async function loadWorld(db: PrismaClient, slug: string): Promise<BenchWorld> {
  const ws = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!ws) throw new BenchError(`The benchmark workspace "${slug}" does not exist.`);
  const workspaceId = ws.id;
  // The app's client, held to one workspace by row-level security on PostgreSQL: read through it.
  const scoped = forWorkspace(db, workspaceId);
  const [executive, manager, partnerships, cycles] = await Promise.all([
    scoped.member.findFirst({
      where: { workspaceId, role: "EXECUTIVE", removedAt: null },
      orderBy: { id: "asc" },
      select: { userId: true },
    }),
    scoped.member.findFirst({
      where: { workspaceId, role: "MANAGER", removedAt: null, owns: { some: {} } },
      orderBy: { id: "asc" },
      select: { userId: true },
    }),
    scoped.partnership.findMany({ where: { workspaceId, phase: { not: "EXITED" } }, orderBy: { id: "asc" }, select: { id: true } }),
    scoped.cycle.findMany({
      where: { workspaceId, status: { in: ["OPEN", "CLOSED"] } },
      orderBy: { opensAt: "asc" },
      select: { id: true, status: true },
    }),
  ]);
  const open = cycles.findLast((c) => c.status === "OPEN");
  if (!executive || !manager || partnerships.length === 0) throw new BenchError(`"${slug}" lacks an executive, a manager or partnerships.`);
  if (!open) throw new BenchError(`"${slug}" has no open cycle to submit answers to; generate it again with --replace.`);
  return {
    workspaceId,
    slug,
    executiveUserId: executive.userId,
    managerUserId: manager.userId,
    partnershipIds: partnerships.map((p) => p.id),
    scoredCycleIds: cycles.map((c) => c.id),
    openCycleId: open.id,
  };
}

// The portfolio's stored figures: every active partnership, the health and response counts of
// every partnership and cycle (the band distribution, spread and movers across cycles), and the
// pillar scores of the newest cycles (the heatmap and the perception gaps, which come from the
// open cycle or the last closed one). Older cycles' pillar rows are left out: the portfolio reads
// those only for one page of rows.
export function portfolioScenario(db: PrismaClient, sql: SqlDriver, world: BenchWorld): Scenario {
  const api = callerFor(db, world.executiveUserId);
  const newest = world.scoredCycleIds.slice(-2);
  const page = world.partnershipIds.slice(0, 50);
  return {
    procedure: () => api.portfolio.overview({ workspaceSlug: world.slug }),
    // What the portfolio reads, as plain rows: the partnerships, every stored health, response
    // count and largest gap, the people asked in the open cycle, and the pillar rows of one page
    // of the heatmap (its current and previous cycles).
    async floor() {
      const ws = world.workspaceId;
      await sql.query(
        `SELECT id, name, tier, phase, "ownerMemberId", "partnerOrgId" FROM "Partnership" WHERE "workspaceId" = $1 AND phase <> 'EXITED'`,
        [ws],
      );
      await sql.query(
        `SELECT "partnershipId", "cycleId", health, "hostResponses", "partnerResponses", "hostScored", "partnerScored",
                "minHostScored", "minPartnerScored", gap, "gapPillarKey", "gapHigher"
         FROM "PartnershipCycleScore" WHERE "workspaceId" = $1`,
        [ws],
      );
      await sql.query(
        `SELECT "partnershipId", count(*) FROM "CycleParticipant" WHERE "workspaceId" = $1 AND "cycleId" = $2 AND NOT excluded
         GROUP BY "partnershipId"`,
        [ws, world.openCycleId],
      );
      await sql.query(
        `SELECT "partnershipId", "cycleId", "pillarKey", host, partner, combined, "hostScored", "partnerScored" FROM "PillarCycleScore"
         WHERE "workspaceId" = $1 AND "cycleId" = ANY($2) AND "partnershipId" = ANY($3)`,
        [ws, newest, page],
      );
    },
  };
}

// A manager opening scorecards of random partnerships: the procedure and its floor read the same
// partnership in each run.
export function scorecardScenario(db: PrismaClient, sql: SqlDriver, world: BenchWorld, seed: number): Scenario {
  const api = callerFor(db, world.managerUserId);
  const random = seededRandom(seed);
  let current = world.partnershipIds[0]!;
  return {
    procedure: () => {
      current = random.pick(world.partnershipIds);
      return api.partnership.scorecard({ workspaceSlug: world.slug, partnershipId: current });
    },
    // What the scorecard shows, as plain rows: the partnership, the cycles and their pillars, its
    // stored health, pillar and statement figures (statements of the two newest cycles, with
    // their wording), the comments of the three newest cycles, the people asked and answering
    // in the newest, and how many were asked in each cycle.
    async floor() {
      const ws = world.workspaceId;
      const params = [ws, current, world.scoredCycleIds];
      const where = `WHERE "workspaceId" = $1 AND "partnershipId" = $2 AND "cycleId" = ANY($3)`;
      await sql.query(
        `SELECT p.id, p.name, p.tier, p.phase, p."renewalDate", o.name FROM "Partnership" p
         JOIN "PartnerOrg" o ON o."workspaceId" = p."workspaceId" AND o.id = p."partnerOrgId" WHERE p."workspaceId" = $1 AND p.id = $2`,
        [ws, current],
      );
      await sql.query(
        `SELECT c.id, c.label, c.status, p.key, p.name, p.weight FROM "Cycle" c
         JOIN "Pillar" p ON p."workspaceId" = c."workspaceId" AND p."versionId" = c."frameworkVersionId"
         WHERE c."workspaceId" = $1 AND c.status <> 'DRAFT'`,
        [ws],
      );
      await sql.query(
        `SELECT "cycleId", health, "hostResponses", "partnerResponses", "hostScored", "partnerScored" FROM "PartnershipCycleScore" ${where}`,
        params,
      );
      await sql.query(
        `SELECT "cycleId", "pillarKey", host, partner, combined, "hostScored", "partnerScored" FROM "PillarCycleScore" ${where}`,
        params,
      );
      await sql.query(`SELECT "cycleId", "statementId", side, score, answered, "dontKnow" FROM "StatementCycleScore" ${where}`, [
        ws,
        current,
        world.scoredCycleIds.slice(-2),
      ]);
      await sql.query(
        `SELECT r."cycleId", r.side, c."pillarId", c.text FROM "PillarComment" c
         JOIN "Response" r ON r."workspaceId" = c."workspaceId" AND r.id = c."responseId"
         WHERE r."workspaceId" = $1 AND r."partnershipId" = $2 AND r."cycleId" = ANY($3)`,
        [ws, current, world.scoredCycleIds.slice(-3)],
      );
      await sql.query(
        `SELECT s.id, s.key, s.text, s."pillarId" FROM "Statement" s
         WHERE s."workspaceId" = $1 AND s."versionId" IN (SELECT "frameworkVersionId" FROM "Cycle" WHERE "workspaceId" = $1 AND status <> 'DRAFT')`,
        [ws],
      );
      await sql.query(`SELECT "memberId", side FROM "Response" ${where}`, [ws, current, world.scoredCycleIds.slice(-1)]);
      await sql.query(`SELECT side, count(*) FROM "CycleParticipant" ${where} AND NOT excluded GROUP BY side`, [
        ws,
        current,
        world.scoredCycleIds.slice(-1),
      ]);
      // The people asked per cycle, for "too few responses (n of N)" where a cycle is withheld.
      await sql.query(`SELECT "cycleId", count(*) FROM "CycleParticipant" ${where} AND NOT excluded GROUP BY "cycleId"`, params);
    },
  };
}

interface OpenResponse {
  id: string;
  partnershipId: string;
  memberId: string;
  side: "HOST" | "PARTNER";
  userId: string;
  answers: { statementId: string; value: number | null }[];
  comments: { pillarId: string; text: string }[];
}

export interface SubmitScenario extends Scenario {
  // How many of the timed submits were new responses and how many resubmissions.
  mix(): { created: number; resubmitted: number };
  // Takes the responses the benchmark created back out (and recomputes their partnerships'
  // figures), so the workspace is the same after every run.
  restore(): Promise<void>;
}

// Participants of the open cycle submitting their answers, alternately: a resubmission of a
// stored response with the same answers (so the figures do not change) and a new response from
// someone who had not answered yet (removed again by restore()).
export async function submitScenario(db: PrismaClient, sql: SqlDriver, world: BenchWorld, seed: number): Promise<SubmitScenario> {
  const ws = world.workspaceId;
  const cycleId = world.openCycleId;
  const random = seededRandom(seed);
  const scoped = forWorkspace(db, ws);
  const [responses, participants, cycle] = await Promise.all([
    scoped.response.findMany({
      where: { workspaceId: ws, cycleId, partnership: { phase: { not: "EXITED" } } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        partnershipId: true,
        memberId: true,
        side: true,
        member: { select: { userId: true } },
        answers: { select: { statementId: true, value: true } },
        comments: { select: { pillarId: true, text: true } },
      },
    }),
    scoped.cycleParticipant.findMany({
      where: { workspaceId: ws, cycleId, excluded: false, partnership: { phase: { not: "EXITED" } } },
      orderBy: [{ partnershipId: "asc" }, { memberId: "asc" }],
      select: { partnershipId: true, memberId: true, member: { select: { userId: true } } },
    }),
    scoped.cycle.findFirstOrThrow({ where: { id: cycleId }, select: { frameworkVersionId: true } }),
  ]);
  const statements = await scoped.statement.findMany({
    where: { workspaceId: ws, versionId: cycle.frameworkVersionId },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const stored: OpenResponse[] = responses.map((r) => ({ ...r, userId: r.member.userId }));
  if (stored.length === 0) throw new BenchError("The open cycle has no responses to resubmit.");
  const answered = new Set(stored.map((r) => `${r.partnershipId}:${r.memberId}`));
  const fresh = participants.filter((p) => !answered.has(`${p.partnershipId}:${p.memberId}`));
  const created: { partnershipId: string; memberId: string }[] = [];
  let resubmitted = 0;
  let createdCount = 0;
  let last: OpenResponse = stored[0]!;

  const resubmit = (r: OpenResponse) =>
    callerFor(db, r.userId).response.submit({
      workspaceSlug: world.slug,
      cycleId,
      partnershipId: r.partnershipId,
      answers: r.answers,
      comments: r.comments,
    });

  // The floor rewrites one stored response exactly as the submit does, with its stored values:
  // its answers and pillar scores, then its partnership's cycle aggregates, under the same lock.
  const floorFor = async (r: OpenResponse) => {
    const key = [ws, r.partnershipId, cycleId];
    const [scores, total, pillars, statementScores] = await Promise.all([
      scoped.responsePillarScore.findMany({ where: { workspaceId: ws, responseId: r.id } }),
      scoped.partnershipCycleScore.findMany({ where: { workspaceId: ws, partnershipId: r.partnershipId, cycleId } }),
      scoped.pillarCycleScore.findMany({ where: { workspaceId: ws, partnershipId: r.partnershipId, cycleId } }),
      scoped.statementCycleScore.findMany({ where: { workspaceId: ws, partnershipId: r.partnershipId, cycleId } }),
    ]);
    // "($1, $2, $3, $k, ...)" per row: the key, then `width` parameters of the row.
    const values = (n: number, width: number, offset: number, keyed: boolean) =>
      Array.from({ length: n }, (_, i) => {
        const own = Array.from({ length: width }, (_, j) => `$${offset + i * width + j + 1}`);
        return `(${[...(keyed ? ["$1", "$2", "$3"] : []), ...own].join(", ")})`;
      }).join(", ");
    return async () => {
      await sql.query("BEGIN");
      try {
        await sql.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`cycle-aggregates:${ws}:${r.partnershipId}:${cycleId}`]);
        await sql.query(`DELETE FROM "Answer" WHERE "workspaceId" = $1 AND "responseId" = $2`, [ws, r.id]);
        await sql.query(`DELETE FROM "ResponsePillarScore" WHERE "workspaceId" = $1 AND "responseId" = $2`, [ws, r.id]);
        await sql.query(
          `INSERT INTO "Answer" ("workspaceId", "responseId", "statementId", value) VALUES ${values(r.answers.length, 4, 0, false)}`,
          r.answers.flatMap((a) => [ws, r.id, a.statementId, a.value]),
        );
        await sql.query(
          `INSERT INTO "ResponsePillarScore" ("workspaceId", "responseId", "pillarId", score) VALUES ${values(scores.length, 4, 0, false)}`,
          scores.flatMap((s) => [ws, r.id, s.pillarId, s.score]),
        );
        for (const table of ["StatementCycleScore", "PillarCycleScore", "PartnershipCycleScore"]) {
          await sql.query(`DELETE FROM "${table}" WHERE "workspaceId" = $1 AND "partnershipId" = $2 AND "cycleId" = $3`, key);
        }
        for (const t of total) {
          await sql.query(
            `INSERT INTO "PartnershipCycleScore" ("workspaceId", "partnershipId", "cycleId", health, "hostResponses", "partnerResponses",
                                                 "hostScored", "partnerScored", "minHostScored", "minPartnerScored", "updatedAt")
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
            [...key, t.health, t.hostResponses, t.partnerResponses, t.hostScored, t.partnerScored, t.minHostScored, t.minPartnerScored],
          );
        }
        if (pillars.length) {
          await sql.query(
            `INSERT INTO "PillarCycleScore" ("workspaceId", "partnershipId", "cycleId", "pillarId", "pillarKey", host, partner, combined,
                                            "hostScored", "partnerScored")
             VALUES ${values(pillars.length, 7, 3, true)}`,
            [...key, ...pillars.flatMap((p) => [p.pillarId, p.pillarKey, p.host, p.partner, p.combined, p.hostScored, p.partnerScored])],
          );
        }
        if (statementScores.length) {
          await sql.query(
            `INSERT INTO "StatementCycleScore" ("workspaceId", "partnershipId", "cycleId", "statementId", side, score, answered, "dontKnow")
             VALUES ${values(statementScores.length, 5, 3, true)}`,
            [...key, ...statementScores.flatMap((s) => [s.statementId, s.side, s.score, s.answered, s.dontKnow])],
          );
        }
        await sql.query("COMMIT");
      } catch (error) {
        await sql.query("ROLLBACK");
        throw error;
      }
    };
  };
  let nextFloor = await floorFor(last);

  let submit: () => Promise<unknown> = () => resubmit(last);

  return {
    // Warm-up runs and every other timed run resubmit; the rest are new responses while people
    // who have not answered remain.
    async prepare(run) {
      last = random.pick(stored);
      nextFloor = await floorFor(last);
      if (run < 0 || run % 2 === 0 || fresh.length === 0) {
        const target = last;
        if (run >= 0) resubmitted++;
        submit = () => resubmit(target);
        return;
      }
      const p = fresh.splice(Math.floor(random() * fresh.length), 1)[0]!;
      created.push({ partnershipId: p.partnershipId, memberId: p.memberId });
      createdCount++;
      const answers = statements.map((s) => ({ statementId: s.id, value: random.chance(0.04) ? null : random.int(2, 5) }));
      submit = () =>
        callerFor(db, p.member.userId).response.submit({
          workspaceSlug: world.slug,
          cycleId,
          partnershipId: p.partnershipId,
          answers,
          comments: [],
        });
    },
    procedure: () => submit(),
    floor: () => nextFloor(),
    mix: () => ({ created: createdCount, resubmitted }),
    async restore() {
      for (const c of created) {
        await forWorkspace(db, ws).$transaction(async (tx) => {
          await tx.response.deleteMany({ where: { cycleId, partnershipId: c.partnershipId, memberId: c.memberId } });
          await refreshCycleAggregates(tx, { partnershipId: c.partnershipId, cycleId });
        });
      }
      created.length = 0;
    },
  };
}
