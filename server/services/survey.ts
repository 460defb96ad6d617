// Surveys: who is asked about which partnership, what they owe, and submitting answers.
// HOST side: the partnership's owner and its host team. PARTNER side: every contact of the
// partner organisation. Executives read; they are not asked.
import { z } from "zod";
import type { Prisma, Role } from "../db/generated/client";
import type { WorkspaceCtx } from "../trpc/procedures";
import { badRequest, forbidden, isUniqueViolation, notFound } from "./errors";
import { loadFramework } from "./framework";
import { responsePillarScore, type Side } from "./scoring";
import { visiblePartnerships } from "./visibility";

type Member = WorkspaceCtx["member"];

export function respondentSide(role: Role): Side | null {
  if (role === "PARTNER") return "PARTNER";
  if (role === "EXECUTIVE") return null;
  return "HOST";
}

// The partnerships this member is asked about (exited partnerships are not surveyed).
export function participantPartnerships(member: Member): Prisma.PartnershipWhereInput | null {
  const side = respondentSide(member.role);
  if (side === null) return null;
  const active = { phase: { not: "EXITED" as const } };
  if (side === "PARTNER") return { ...active, partnerOrgId: member.partnerOrgId ?? "__none__" };
  return { ...active, OR: [{ ownerMemberId: member.id }, { team: { some: { memberId: member.id } } }] };
}

export async function owedSurveys(ctx: WorkspaceCtx) {
  const where = participantPartnerships(ctx.member);
  if (!where) return [];
  const [cycles, partnerships, responses] = await Promise.all([
    ctx.db.cycle.findMany({ where: { status: "OPEN" }, orderBy: { closesAt: "asc" } }),
    ctx.db.partnership.findMany({ where, include: { partnerOrg: { select: { name: true } } }, orderBy: { name: "asc" } }),
    ctx.db.response.findMany({
      where: { memberId: ctx.member.id, cycle: { status: "OPEN" } },
      select: { cycleId: true, partnershipId: true, submittedAt: true, updatedAt: true },
    }),
  ]);
  return cycles.flatMap((cycle) =>
    partnerships.map((p) => {
      const response = responses.find((r) => r.cycleId === cycle.id && r.partnershipId === p.id);
      return {
        cycleId: cycle.id,
        cycleLabel: cycle.label,
        closesAt: cycle.closesAt,
        partnershipId: p.id,
        partnershipName: p.name,
        partnerName: p.partnerOrg.name,
        submittedAt: response?.updatedAt ?? null,
      };
    }),
  );
}

// The cycle and partnership a member answers for, or a clear refusal.
async function loadSurveyTarget(ctx: WorkspaceCtx, cycleId: string, partnershipId: string) {
  const partnership = await ctx.db.partnership.findFirst({
    where: { AND: [{ id: partnershipId }, visiblePartnerships(ctx)] },
    include: { partnerOrg: { select: { name: true } } },
  });
  if (!partnership) throw notFound("Partnership");
  const cycle = await ctx.db.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle) throw notFound("Cycle");
  const where = participantPartnerships(ctx.member);
  const asked = where && (await ctx.db.partnership.count({ where: { AND: [{ id: partnershipId }, where] } })) > 0;
  if (!asked) throw forbidden(`You are not asked to answer the survey about ${partnership.name}.`);
  return { partnership, cycle, side: respondentSide(ctx.member.role)! };
}

export async function surveyForm(ctx: WorkspaceCtx, cycleId: string, partnershipId: string) {
  const { partnership, cycle, side } = await loadSurveyTarget(ctx, cycleId, partnershipId);
  const framework = await loadFramework(ctx.db, cycle.frameworkVersionId);
  const response = await ctx.db.response.findUnique({
    where: {
      workspaceId_cycleId_partnershipId_memberId: {
        workspaceId: ctx.workspace.id,
        cycleId,
        partnershipId,
        memberId: ctx.member.id,
      },
    },
    include: { answers: true, comments: true },
  });
  return {
    cycle: { id: cycle.id, label: cycle.label, status: cycle.status, closesAt: cycle.closesAt },
    partnership: { id: partnership.id, name: partnership.name, partnerName: partnership.partnerOrg.name },
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
  };
}

export const submitInput = z.object({
  cycleId: z.string().min(1),
  partnershipId: z.string().min(1),
  answers: z
    .array(
      z.object({
        statementId: z.string().min(1),
        // null is "Don't know".
        value: z.number().int().min(1, "answers run from 1 to 5").max(5, "answers run from 1 to 5").nullable(),
      }),
    )
    .max(200),
  comments: z
    .array(z.object({ pillarId: z.string().min(1), text: z.string().trim().max(2000, "a comment is at most 2,000 characters") }))
    .max(50)
    .default([]),
});
export type SubmitInput = z.infer<typeof submitInput>;

export async function submitResponse(ctx: WorkspaceCtx, input: SubmitInput) {
  const { cycle, side } = await loadSurveyTarget(ctx, input.cycleId, input.partnershipId);
  if (cycle.status === "DRAFT") throw badRequest(`The ${cycle.label} survey has not opened yet.`);
  if (cycle.status === "CLOSED") throw badRequest(`The ${cycle.label} survey has closed; answers can no longer be changed.`);

  const framework = await loadFramework(ctx.db, cycle.frameworkVersionId);
  const pillars = framework?.pillars ?? [];
  const pillarOf = new Map(pillars.flatMap((p) => p.statements.map((s) => [s.id, p.id] as const)));

  const given = new Map<string, number | null>();
  for (const a of input.answers) {
    if (!pillarOf.has(a.statementId)) throw badRequest("An answer refers to a statement that is not in this survey.");
    if (given.has(a.statementId)) throw badRequest("A statement was answered twice.");
    given.set(a.statementId, a.value);
  }
  const missing = pillarOf.size - given.size;
  if (missing > 0) {
    throw badRequest(`Please answer every statement (choose "Don't know" where you cannot say): ${missing} unanswered.`);
  }
  const pillarIds = new Set(pillars.map((p) => p.id));
  const comments = input.comments.filter((c) => c.text.length > 0);
  for (const c of comments) if (!pillarIds.has(c.pillarId)) throw badRequest("A comment refers to a pillar that is not in this survey.");
  if (new Set(comments.map((c) => c.pillarId)).size !== comments.length) throw badRequest("Only one comment per pillar.");

  const scores = pillars.map((p) => ({
    pillarId: p.id,
    score: responsePillarScore(p.statements.map((s) => given.get(s.id) ?? null)),
  }));

  const workspaceId = ctx.workspace.id;
  const key = { workspaceId, cycleId: cycle.id, partnershipId: input.partnershipId, memberId: ctx.member.id };
  const write = () =>
    ctx.db.$transaction(async (tx) => {
      const existing = await tx.response.findUnique({ where: { workspaceId_cycleId_partnershipId_memberId: key } });
      const response = existing
        ? await tx.response.update({ where: { id: existing.id }, data: { side } })
        : await tx.response.create({ data: { ...key, side } });
      const responseId = response.id;
      await tx.answer.deleteMany({ where: { responseId } });
      await tx.responsePillarScore.deleteMany({ where: { responseId } });
      await tx.pillarComment.deleteMany({ where: { responseId } });
      await tx.answer.createMany({ data: [...given].map(([statementId, value]) => ({ workspaceId, responseId, statementId, value })) });
      await tx.responsePillarScore.createMany({ data: scores.map((s) => ({ workspaceId, responseId, ...s })) });
      if (comments.length) {
        await tx.pillarComment.createMany({ data: comments.map((c) => ({ workspaceId, responseId, ...c })) });
      }
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
