// Surveys: what a person owes, the form, and submitting answers. Who is asked about which
// partnership is the cycle's participant list (participants.ts).
import { z } from "zod";
import type { SurveyCtx, SurveyTarget, WorkspaceCtx } from "../access/context";
import { badRequest } from "../access/errors";
import { answerableBy, visiblePartnerships } from "../access/filters";
import { actorOf } from "../access/partnership";
import { isUniqueViolation } from "../db/errors";
import { lockCycleAggregates, refreshCycleAggregates } from "./aggregates";
import { loadFramework } from "./framework";
import { responsePillarScore } from "./scoring";
import { byId } from "../db/tenant";
import { emitWebhookEvent } from "./webhooks/emit";
import { cycleRef, partnershipRef } from "./webhooks/refs";

// The surveys the member is asked to answer in open cycles, read through their current access: a
// row made before their role or organisation changed owes nothing.
export async function owedSurveys(ctx: WorkspaceCtx) {
  const rows = await ctx.db.cycleParticipant.findMany({
    where: {
      memberId: ctx.member.id,
      excluded: false,
      cycle: { status: "OPEN" },
      partnership: { AND: [{ phase: { not: "EXITED" }, archivedAt: null }, visiblePartnerships(ctx.member)] },
      AND: [answerableBy(actorOf(ctx))],
    },
    include: {
      cycle: { select: { id: true, label: true, closesAt: true } },
      partnership: { select: { id: true, name: true, partnerOrg: { select: { name: true } } } },
    },
  });
  const responses = await ctx.db.response.findMany({
    where: { memberId: ctx.member.id, cycleId: { in: [...new Set(rows.map((r) => r.cycleId))] } },
    select: { cycleId: true, partnershipId: true, updatedAt: true },
  });
  return rows
    .map((r) => ({
      cycleId: r.cycle.id,
      cycleLabel: r.cycle.label,
      closesAt: r.cycle.closesAt,
      partnershipId: r.partnership.id,
      partnershipName: r.partnership.name,
      partnerName: r.partnership.partnerOrg.name,
      submittedAt: responses.find((x) => x.cycleId === r.cycleId && x.partnershipId === r.partnershipId)?.updatedAt ?? null,
    }))
    .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime() || a.partnershipName.localeCompare(b.partnershipName));
}

type Cycle = SurveyTarget["cycle"];
type Pillars = NonNullable<Awaited<ReturnType<typeof loadFramework>>>["pillars"];

export function assertOpen(cycle: Cycle) {
  if (cycle.status === "DRAFT") throw badRequest(`The ${cycle.label} survey has not opened yet.`);
  if (cycle.status === "CLOSED") throw badRequest(`The ${cycle.label} survey has closed; answers can no longer be changed.`);
}

// A draft's JSON as stored, read defensively: a row written by hand or by older code must not
// break the form.
export function draftAnswers(json: unknown): Record<string, number | null> {
  if (typeof json !== "object" || json === null) return {};
  return Object.fromEntries(
    Object.entries(json).filter(([, v]) => v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5)),
  ) as Record<string, number | null>;
}

export function draftComments(json: unknown): Record<string, string> {
  if (typeof json !== "object" || json === null) return {};
  return Object.fromEntries(Object.entries(json).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

export async function surveyForm(ctx: SurveyCtx) {
  const { partnership, cycle, side } = ctx.survey;
  const key = { workspaceId: ctx.workspace.id, cycleId: cycle.id, partnershipId: partnership.id, memberId: ctx.member.id };
  const [framework, response, draft, mute] = await Promise.all([
    loadFramework(ctx.db, cycle.frameworkVersionId),
    ctx.db.response.findUnique({
      where: { workspaceId_cycleId_partnershipId_memberId: key },
      include: { answers: true, comments: true },
    }),
    ctx.db.responseDraft.findUnique({ where: { workspaceId_cycleId_partnershipId_memberId: key } }),
    ctx.db.reminderMute.findUnique({
      where: { workspaceId_cycleId_memberId: { workspaceId: key.workspaceId, cycleId: cycle.id, memberId: key.memberId } },
    }),
  ]);
  return {
    cycle: { id: cycle.id, label: cycle.label, status: cycle.status, closesAt: cycle.closesAt },
    partnership: { id: partnership.id, name: partnership.name, partnerName: partnership.partnerName },
    // Keys the browser's unconfirmed copy of the answers to this person.
    memberId: ctx.member.id,
    side,
    pillars: (framework?.pillars ?? []).map((p) => ({
      id: p.id,
      key: p.key,
      name: p.name,
      description: p.description,
      statements: p.statements.map((s) => ({ id: s.id, text: s.text })),
    })),
    previous: response
      ? {
          submittedAt: response.updatedAt,
          answers: Object.fromEntries(response.answers.map((a) => [a.statementId, a.value])),
          comments: Object.fromEntries(response.comments.map((c) => [c.pillarId, c.text])),
        }
      : null,
    draft: draft
      ? {
          answers: draftAnswers(draft.answers),
          comments: draftComments(draft.comments),
          version: draft.version,
          updatedAt: draft.updatedAt,
        }
      : null,
    remindersMuted: mute !== null,
  };
}

export const answerInput = z.object({
  statementId: z.string().min(1),
  // null is "Don't know".
  value: z.number().int().min(1, "Answers run from 1 to 5.").max(5, "Answers run from 1 to 5.").nullable(),
});

export const submitInput = z.object({
  answers: z.array(answerInput).max(200),
  comments: z
    .array(z.object({ pillarId: z.string().min(1), text: z.string().trim().max(2000, "Keep a comment to 2,000 characters or fewer.") }))
    .max(50)
    .default([]),
});
export type SubmitInput = z.infer<typeof submitInput>;

// Answers and comments checked against the cycle's framework version; complete or not is the
// caller's concern (a draft may be partial, a submit may not).
export function checkAnswers(
  pillars: Pillars,
  answers: readonly { statementId: string; value: number | null }[],
  comments: readonly { pillarId: string; text: string }[],
) {
  const pillarOf = new Map(pillars.flatMap((p) => p.statements.map((s) => [s.id, p.id] as const)));
  const given = new Map<string, number | null>();
  for (const a of answers) {
    if (!pillarOf.has(a.statementId)) throw badRequest("An answer refers to a statement that is not in this survey.");
    if (given.has(a.statementId)) throw badRequest("A statement was answered twice.");
    given.set(a.statementId, a.value);
  }
  const pillarIds = new Set(pillars.map((p) => p.id));
  const kept = comments.filter((c) => c.text.trim().length > 0);
  for (const c of kept) if (!pillarIds.has(c.pillarId)) throw badRequest("A comment refers to a pillar that is not in this survey.");
  if (new Set(kept.map((c) => c.pillarId)).size !== kept.length) throw badRequest("Only one comment per pillar.");
  return { given, comments: kept, missing: pillarOf.size - given.size };
}

export async function submitResponse(ctx: SurveyCtx, input: SubmitInput) {
  const { cycle, side, partnership } = ctx.survey;
  assertOpen(cycle);

  const framework = await loadFramework(ctx.db, cycle.frameworkVersionId);
  const pillars = framework?.pillars ?? [];
  const { given, comments, missing } = checkAnswers(pillars, input.answers, input.comments);
  if (missing > 0) {
    throw badRequest(`Please answer every statement (choose "Don't know" where you cannot say): ${missing} unanswered.`);
  }

  const scores = pillars.map((p) => ({
    pillarId: p.id,
    score: responsePillarScore(p.statements.map((s) => given.get(s.id) ?? null)),
  }));

  const workspaceId = ctx.workspace.id;
  const key = { workspaceId, cycleId: cycle.id, partnershipId: partnership.id, memberId: ctx.member.id };
  const write = () =>
    ctx.db.$transaction(async (tx) => {
      const aggregateKey = { cycleId: cycle.id, partnershipId: partnership.id };
      await lockCycleAggregates(tx, aggregateKey);
      const existing = await tx.response.findUnique({ where: { workspaceId_cycleId_partnershipId_memberId: key } });
      const response = existing
        ? await tx.response.update({ where: byId(tx, existing.id), data: { side } })
        : await tx.response.create({ data: { ...key, side } });
      const responseId = response.id;
      if (existing) {
        await tx.answer.deleteMany({ where: { responseId } });
        await tx.responsePillarScore.deleteMany({ where: { responseId } });
        await tx.pillarComment.deleteMany({ where: { responseId } });
      }
      await tx.answer.createMany({ data: [...given].map(([statementId, value]) => ({ workspaceId, responseId, statementId, value })) });
      await tx.responsePillarScore.createMany({ data: scores.map((s) => ({ workspaceId, responseId, ...s })) });
      if (comments.length) {
        await tx.pillarComment.createMany({ data: comments.map((c) => ({ workspaceId, responseId, ...c })) });
      }
      // The submitted answers supersede the draft; a tab still editing it is told on its next save.
      await tx.responseDraft.deleteMany({ where: { cycleId: key.cycleId, partnershipId: key.partnershipId, memberId: key.memberId } });
      await refreshCycleAggregates(tx, aggregateKey, pillars);
      // Never who answered, nor what: which partnership, which cycle, which side.
      await emitWebhookEvent(tx, "response.submitted", async (s) => ({
        cycle: cycleRef(s, cycle),
        partnership: await partnershipRef(tx, s, partnership.id),
        side,
        resubmitted: existing !== null,
      }));
      return { responseId, updated: existing !== null };
    });

  try {
    return await write();
  } catch (error) {
    // Two submits raced to create the same response: the loser updates the winner's row.
    if (isUniqueViolation(error)) return write();
    throw error;
  }
}
