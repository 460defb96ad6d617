import { z } from "zod";
import { dateOnly } from "./inputs";
import { badRequest, conflict, isUniqueViolation, notFound } from "../services/errors";
import { syncCurrentCycles } from "../services/participants";
import { workAccess } from "../services/participation";
import { buildScorecard, buildScorecardComments, commentsPageSchema, scorecardOutput } from "../services/scorecard";
import { buildScorecardWork } from "../services/scorecard/work";
import { visiblePartnerships } from "../services/visibility";
import { adminProcedure, MANAGER_ROLES, workspaceProcedure } from "../trpc/procedures";
import type { WorkspaceCtx } from "../trpc/procedures";
import { router } from "../trpc/init";

const tier = z.enum(["STRATEGIC", "CORE", "EMERGING"]);
const phase = z.enum(["EXPLORING", "ONBOARDING", "ACTIVE", "RENEWAL_REVIEW", "RENEWED", "EXITED"]);
const fields = {
  name: z.string().trim().min(1, "please name the partnership").max(120),
  ownerMemberId: z.string().min(1).nullish(),
  tier,
  phase,
  renewalDate: dateOnly.nullish(),
};

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
    .input(z.object({ ...fields, partnerOrgId: z.string().min(1, "choose a partner organisation") }))
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

  update: adminProcedure.input(z.object({ ...fields, partnershipId: z.string().min(1) })).mutation(async ({ ctx, input }) => {
    const existing = await ctx.db.partnership.findUnique({ where: { id: input.partnershipId } });
    if (!existing) throw notFound("Partnership");
    // An unchanged owner stays even if no longer a manager, so other fields can still be edited.
    const ownerMemberId =
      input.ownerMemberId === existing.ownerMemberId ? existing.ownerMemberId : await checkOwner(ctx, input.ownerMemberId);
    try {
      const updated = await ctx.db.partnership.update({
        where: { id: existing.id },
        data: { name: input.name, ownerMemberId, tier: input.tier, phase: input.phase, renewalDate: input.renewalDate ?? null },
      });
      if (updated.ownerMemberId !== existing.ownerMemberId) await syncCurrentCycles(ctx.db, ctx.workspace.id);
      return updated;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A partnership named "${input.name}" already exists.`);
      throw error;
    }
  }),
});
