// Everything one scorecard shows, in one round trip: a single SQL statement in which the database
// checks the partnership is visible to the reader (server/access/filters.ts) and gathers its stored
// figures, participants, responses and comments, and the workspace's cycles with their framework,
// as JSON. A dozen small Prisma reads cost about a millisecond each of the app's own time, which
// kept the card at 5-7x the plain SQL reading the same rows (see `npm run bench`); this keeps it
// close. Every part of the statement is filtered by the scoped client's workspace (${WORKSPACE},
// bound by db.$queryScoped to the resolved membership's, never the client's) and the partnership
// the check found.
import { Prisma } from "../../db/generated/client";
import { WORKSPACE } from "../../db/tenant";
import type { ScoredCycle } from "../cycle-scores";
import { toScoreTable, type StoredPillar, type StoredTotal } from "../cycle-scores";
import type { CycleScore, Side } from "../scoring";
import { notFound } from "../../access/errors";
import { visiblePartnershipSql } from "../../access/filters";
import { minimumResponses, privacyOf } from "../confidentiality";
import { COMMENT_CYCLES_PER_PAGE, type CommentResponse } from "./comments";
import type { WorkspaceCtx } from "../../access/context";
import type { StatementDef, StatementScoreRow } from "./statements";

interface Gathered {
  partnership: {
    id: string;
    name: string;
    tier: string;
    phase: string;
    renewalDate: string | null;
    partnerName: string;
    ownerName: string | null;
  } | null;
  cycles:
    | {
        id: string;
        label: string;
        status: ScoredCycle["status"];
        opensAt: string;
        closesAt: string;
        frameworkVersionId: string;
        answered: boolean;
      }[]
    | null;
  pillars: { id: string; versionId: string; key: string; name: string; weight: number }[] | null;
  statements: StatementDef[] | null;
  totals: Omit<StoredTotal, "partnershipId">[] | null;
  pillarScores: Omit<StoredPillar, "partnershipId">[] | null;
  asked: { cycleId: string; asked: number }[] | null;
  statementScores: StatementScoreRow[] | null;
  participants: { cycleId: string; memberId: string; side: Side }[] | null;
  responses: { id: string; cycleId: string; side: Side; memberId: string; submittedAt: string; author: string | null }[] | null;
  comments: { responseId: string; pillarId: string; text: string }[] | null;
}

// Timestamps come back from JSON without a zone; the database keeps them in UTC.
const utc = (value: string) => new Date(`${value}Z`);

// The partnership's newest `limit` cycles with stored figures (and the extra condition).
const scoredCycles = (ws: typeof WORKSPACE, partnershipId: string, condition: Prisma.Sql, limit: number) => Prisma.sql`
  SELECT t."cycleId" FROM "PartnershipCycleScore" t JOIN "Cycle" c ON c."workspaceId" = t."workspaceId" AND c.id = t."cycleId"
  WHERE t."workspaceId" = ${ws} AND t."partnershipId" = ${partnershipId} AND c.status IN ('OPEN', 'CLOSED') ${condition}
  ORDER BY c."opensAt" DESC LIMIT ${limit}`;

// Statements are read for the two cycles the breakdown compares (the newest two whose figures
// may be shown: enough responses with answers, confidentiality.ts's minimum), participants for
// the newest cycle with a health index, responses and comments for the first page's cycles (all
// of them for "show older").
function gather(ctx: WorkspaceCtx, partnershipId: string, commentCycles: number | "all") {
  // Every part of the statement names the workspace of the scoped client (server/db/tenant.ts).
  const ws: typeof WORKSPACE = WORKSPACE;
  const attributed = ctx.workspace.surveyMode === "ATTRIBUTED";
  const showable = Prisma.sql`AND t.health IS NOT NULL AND t."hostScored" + t."partnerScored" >= ${minimumResponses(privacyOf(ctx.workspace))}`;
  // The card's current cycle (the newest with a health index: response rate), and the cycles of
  // the first page of comments.
  const current = scoredCycles(ws, partnershipId, Prisma.sql`AND t.health IS NOT NULL`, 1);
  const commentPage = scoredCycles(ws, partnershipId, Prisma.empty, commentCycles === "all" ? 0 : commentCycles);
  const versions = Prisma.sql`SELECT "frameworkVersionId" FROM "Cycle" WHERE "workspaceId" = ${ws} AND status IN ('OPEN', 'CLOSED')`;
  return ctx.db.$queryScoped<Gathered[]>`
    SELECT
      (SELECT json_build_object('id', p.id, 'name', p.name, 'tier', p.tier, 'phase', p.phase, 'renewalDate', p."renewalDate",
                                'partnerName', o.name, 'ownerName', u.name)
         FROM "Partnership" p
         JOIN "PartnerOrg" o ON o."workspaceId" = p."workspaceId" AND o.id = p."partnerOrgId"
         LEFT JOIN "Member" m ON m."workspaceId" = p."workspaceId" AND m.id = p."ownerMemberId"
         LEFT JOIN "User" u ON u.id = m."userId"
         WHERE p."workspaceId" = ${ws} AND p.id = ${partnershipId} AND ${visiblePartnershipSql(ctx.member, 'p."partnerOrgId"')}) AS partnership,
      (SELECT json_agg(json_build_object('id', c.id, 'label', c.label, 'status', c.status, 'opensAt', c."opensAt",
                                         'closesAt', c."closesAt", 'frameworkVersionId', c."frameworkVersionId",
                                         'answered', EXISTS (SELECT 1 FROM "Response" r WHERE r."workspaceId" = c."workspaceId" AND r."cycleId" = c.id))
                       ORDER BY c."opensAt")
         FROM "Cycle" c WHERE c."workspaceId" = ${ws} AND c.status IN ('OPEN', 'CLOSED')) AS cycles,
      (SELECT json_agg(json_build_object('id', p.id, 'versionId', p."versionId", 'key', p.key, 'name', p.name, 'weight', p.weight)
                       ORDER BY p.position)
         FROM "Pillar" p WHERE p."workspaceId" = ${ws} AND p."versionId" IN (${versions})) AS pillars,
      (SELECT json_agg(json_build_object('id', s.id, 'key', s.key, 'text', s.text, 'pillarId', s."pillarId", 'position', s.position,
                                         'versionId', s."versionId"))
         FROM "Statement" s WHERE s."workspaceId" = ${ws} AND s."versionId" IN (${versions})) AS statements,
      (SELECT json_agg(json_build_object('cycleId', t."cycleId", 'health', t.health, 'hostResponses', t."hostResponses",
                                         'partnerResponses', t."partnerResponses", 'hostScored', t."hostScored",
                                         'partnerScored', t."partnerScored"))
         FROM "PartnershipCycleScore" t WHERE t."workspaceId" = ${ws} AND t."partnershipId" = ${partnershipId}) AS totals,
      (SELECT json_agg(json_build_object('cycleId', x."cycleId", 'pillarKey', x."pillarKey", 'host', x.host, 'partner', x.partner,
                                         'combined', x.combined, 'hostScored', x."hostScored", 'partnerScored', x."partnerScored"))
         FROM "PillarCycleScore" x WHERE x."workspaceId" = ${ws} AND x."partnershipId" = ${partnershipId}) AS "pillarScores",
      (SELECT json_agg(json_build_object('cycleId', x."cycleId", 'statementId', x."statementId", 'side', x.side, 'score', x.score,
                                         'answered', x.answered, 'dontKnow', x."dontKnow"))
         FROM "StatementCycleScore" x WHERE x."workspaceId" = ${ws} AND x."partnershipId" = ${partnershipId}
          AND x."cycleId" IN (${scoredCycles(ws, partnershipId, showable, 2)})) AS "statementScores",
      (SELECT json_agg(json_build_object('cycleId', x."cycleId", 'memberId', x."memberId", 'side', x.side))
         FROM "CycleParticipant" x WHERE x."workspaceId" = ${ws} AND x."partnershipId" = ${partnershipId} AND NOT x.excluded
          AND x."cycleId" IN (${current})) AS participants,
      -- The people asked per cycle, for "too few responses (n of N)".
      (SELECT json_agg(json_build_object('cycleId', a."cycleId", 'asked', a.asked))
         FROM (SELECT x."cycleId", count(*)::int AS asked FROM "CycleParticipant" x
               WHERE x."workspaceId" = ${ws} AND x."partnershipId" = ${partnershipId} AND NOT x.excluded GROUP BY x."cycleId") a) AS asked,
      (SELECT json_agg(json_build_object('id', r.id, 'cycleId', r."cycleId", 'side', r.side, 'memberId', r."memberId",
                                         'submittedAt', r."submittedAt",
                                         -- Names only where the workspace runs attributed surveys; never read otherwise.
                                         'author', CASE WHEN ${attributed}::boolean THEN (SELECT u.name FROM "Member" m JOIN "User" u ON u.id = m."userId"
                                                                                 WHERE m."workspaceId" = r."workspaceId" AND m.id = r."memberId") END))
         FROM "Response" r WHERE r."workspaceId" = ${ws} AND r."partnershipId" = ${partnershipId}
         ${commentCycles === "all" ? Prisma.empty : Prisma.sql`AND (r."cycleId" IN (${current}) OR r."cycleId" IN (${commentPage}))`}) AS responses,
      (SELECT json_agg(json_build_object('responseId', c."responseId", 'pillarId', c."pillarId", 'text', c.text))
         FROM "PillarComment" c JOIN "Response" r ON r."workspaceId" = c."workspaceId" AND r.id = c."responseId"
         WHERE r."workspaceId" = ${ws} AND r."partnershipId" = ${partnershipId}
           ${commentCycles === "all" ? Prisma.empty : Prisma.sql`AND r."cycleId" IN (${commentPage})`}) AS comments`;
}

export async function loadScorecard(ctx: WorkspaceCtx, partnershipId: string, commentCycles: number | "all" = COMMENT_CYCLES_PER_PAGE) {
  const [g] = await gather(ctx, partnershipId, commentCycles);
  // The figures were gathered beside the visibility check and are used only if it passed.
  const found = g!.partnership;
  if (!found) throw notFound("Partnership");
  const partnership = {
    id: found.id,
    name: found.name,
    tier: found.tier,
    phase: found.phase,
    renewalDate: found.renewalDate === null ? null : utc(found.renewalDate),
    partnerOrg: { name: found.partnerName },
    owner: found.ownerName === null ? null : { user: { name: found.ownerName } },
  };

  const pillarsOf = new Map<string, ScoredCycle["pillars"]>();
  for (const p of g!.pillars ?? []) {
    const list = pillarsOf.get(p.versionId) ?? [];
    pillarsOf.set(p.versionId, list);
    list.push({ id: p.id, key: p.key, name: p.name, weight: p.weight });
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- answered is returned apart, below
  const cycles: ScoredCycle[] = (g!.cycles ?? []).map(({ answered, ...c }) => ({
    ...c,
    opensAt: utc(c.opensAt),
    closesAt: utc(c.closesAt),
    pillars: pillarsOf.get(c.frameworkVersionId) ?? [],
  }));
  const scores =
    toScoreTable(cycles, {
      totals: (g!.totals ?? []).map((t) => ({ ...t, partnershipId: partnership.id })),
      pillars: (g!.pillarScores ?? []).map((p) => ({ ...p, partnershipId: partnership.id })),
    }).get(partnership.id) ?? new Map<string, CycleScore>();

  const commentsOf = new Map<string, CommentResponse["comments"]>();
  for (const c of g!.comments ?? []) {
    const list = commentsOf.get(c.responseId) ?? [];
    commentsOf.set(c.responseId, list);
    list.push({ pillarId: c.pillarId, text: c.text });
  }
  const responses = (g!.responses ?? []).map((r) => ({
    ...r,
    submittedAt: utc(r.submittedAt),
    comments: commentsOf.get(r.id) ?? [],
  }));
  return {
    partnership,
    cycles,
    // Cycles anyone in the workspace has answered: the others (just opened, or made by mistake) are
    // no column of a trend.
    answered: new Set((g!.cycles ?? []).filter((c) => c.answered).map((c) => c.id)),
    scores,
    statementDefs: g!.statements ?? [],
    statementRows: g!.statementScores ?? [],
    participants: g!.participants ?? [],
    asked: new Map((g!.asked ?? []).map((a) => [a.cycleId, a.asked])),
    responses,
  };
}
