import { z } from "zod";
import { dateOnly } from "./inputs";
import { badRequest, conflict, isUniqueViolation, notFound } from "../services/errors";
import { requestPhaseTx } from "../services/lifecycle";
import { PHASES, RESTING_PHASES } from "../services/lifecycle/phase-rules";
import { syncCurrentCycles } from "../services/participants";
import { ARCHIVED_MESSAGE, workAccess } from "../services/participation";
import { buildScorecard, buildScorecardComments, commentsPageSchema, scorecardOutput } from "../services/scorecard";
import { buildScorecardWork } from "../services/scorecard/work";
import { visiblePartnerships } from "../services/visibility";
import { adminProcedure, MANAGER_ROLES, workspaceProcedure } from "../trpc/procedures";
import type { WorkspaceCtx } from "../trpc/procedures";
import { router } from "../trpc/init";

const tier = z.enum(["STRATEGIC", "CORE", "EMERGING"]);
const fields = {
  name: z.string().trim().min(1, "please name the partnership").max(120),
  ownerMemberId: z.string().min(1).nullish(),
  tier,
  phase: z.enum(PHASES),
  renewalDate: dateOnly.nullish(),
};
// A new partnership starts in a resting phase: a renewal review is opened for a renewal date,
// and an exit archives a partnership that existed.
const startPhase = z.enum(RESTING_PHASES, { error: "a new partnership starts as exploring, onboarding, active or renewed" });

// The owner runs the partnership, so must be one of the workspace's alliance managers or admins.
async function checkOwner(ctx: WorkspaceCtx, ownerMemberId: string | null | undefined) {
  if (!ownerMemberId) return null;
  const owner = await ctx.db.member.findFirst({ where: { id: ownerMemberId, removedAt: null, role: { in: [...MANAGER_ROLES] } } });
  if (!owner) throw badRequest("The owner must be a current manager, admin or owner of this workspace.");
  return owner.id;
}

export const partnershipRouter = router({
  list: workspaceProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.partnership.findMany({
      where: visiblePartnerships(ctx),
      include: { partnerOrg: { select: { name: true } }, owner: { select: { user: { select: { name: true } } } } },
      orderBy: { name: "asc" },
    });
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      partnerOrgId: p.partnerOrgId,
      partnerName: p.partnerOrg.name,
      ownerMemberId: p.ownerMemberId,
      ownerName: p.owner?.user.name ?? null,
      tier: p.tier,
      phase: p.phase,
      renewalDate: p.renewalDate,
      archivedAt: p.archivedAt,
    }));
  }),

  scorecard: workspaceProcedure
    .input(z.object({ partnershipId: z.string().min(1) }))
    .output(scorecardOutput)
    .query(({ ctx, input }) => buildScorecard(ctx, input.partnershipId)),

  // The partnership's work beside its scores (retros, open actions, actions done per pillar);
  // null for a reader who does not work on it. Apart from the scorecard, which it does not slow.
  scorecardWork: workspaceProcedure
    .input(z.object({ partnershipId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => buildScorecardWork(ctx, input.partnershipId)),

  // Which of the partnership's working pages (retro, actions, goals, renewal) this person may open.
  workAccess: workspaceProcedure
    .input(z.object({ partnershipId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => workAccess(ctx, input.partnershipId)),

  // Older comments of a scorecard, a few cycles per page (the scorecard carries the first page).
  scorecardComments: workspaceProcedure
    .input(z.object({ partnershipId: z.string().min(1), offset: z.number().int().min(0).max(10_000) }))
    .output(commentsPageSchema.nullable())
    .query(({ ctx, input }) => buildScorecardComments(ctx, input.partnershipId, input.offset)),

  create: adminProcedure
    .input(z.object({ ...fields, phase: startPhase, partnerOrgId: z.string().min(1, "choose a partner organisation") }))
    .mutation(async ({ ctx, input }) => {
      const org = await ctx.db.partnerOrg.findUnique({ where: { id: input.partnerOrgId } });
      if (!org) throw notFound("Partner organisation");
      const ownerMemberId = await checkOwner(ctx, input.ownerMemberId);
      try {
        const partnership = await ctx.db.partnership.create({
          data: {
            workspaceId: ctx.workspace.id,
            partnerOrgId: org.id,
            name: input.name,
            ownerMemberId,
            tier: input.tier,
            phase: input.phase,
            renewalDate: input.renewalDate ?? null,
          },
        });
        await syncCurrentCycles(ctx.db, ctx.workspace.id);
        return partnership;
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`A partnership named "${input.name}" already exists.`);
        throw error;
      }
    }),

  // A changed phase goes through the lifecycle (services/lifecycle), in the same transaction: its
  // history is recorded, "Renewal review" opens a review and "Exited" archives.
  update: adminProcedure.input(z.object({ ...fields, partnershipId: z.string().min(1) })).mutation(async ({ ctx, input }) => {
    const existing = await ctx.db.partnership.findUnique({ where: { id: input.partnershipId } });
    if (!existing) throw notFound("Partnership");
    if (existing.archivedAt) throw badRequest(ARCHIVED_MESSAGE);
    // An unchanged owner stays even if no longer a manager, so other fields can still be edited.
    const ownerMemberId =
      input.ownerMemberId === existing.ownerMemberId ? existing.ownerMemberId : await checkOwner(ctx, input.ownerMemberId);
    try {
      const updated = await ctx.db.$transaction(async (tx) => {
        const row = await tx.partnership.update({
          where: { id: existing.id },
          data: { name: input.name, ownerMemberId, tier: input.tier, renewalDate: input.renewalDate ?? null },
        });
        const reason = "Changed in the partnership's settings.";
        await requestPhaseTx(tx, ctx.workspace, row, input.phase, ctx.member.id, reason, new Date());
        return tx.partnership.findUniqueOrThrow({ where: { id: existing.id } });
      });
      if (updated.ownerMemberId !== existing.ownerMemberId) await syncCurrentCycles(ctx.db, ctx.workspace.id);
      return updated;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A partnership named "${input.name}" already exists.`);
      throw error;
    }
  }),
});
