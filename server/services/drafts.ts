// Survey drafts: answers saved as they are given, so nothing is lost between tabs, devices and
// reloads, and reminder mutes. A draft carries a version: each save names the version it was
// based on, and a save based on an older one is refused instead of overwriting what another tab
// or device saved in between.
import { z } from "zod";
import type { CycleCtx, SurveyCtx } from "../access/context";
import { conflict } from "../access/errors";
import { isUniqueViolation } from "../db/errors";
import { loadFramework } from "./framework";
import { answerInput, assertOpen, checkAnswers } from "./survey";

export const STALE_DRAFT = "This survey was changed in another tab or on another device.";

export const saveDraftInput = z.object({
  answers: z.array(answerInput).max(200),
  // Not trimmed: what someone is still typing comes back exactly as they left it.
  comments: z
    .array(z.object({ pillarId: z.string().min(1), text: z.string().max(2000, "Keep a comment to 2,000 characters or fewer.") }))
    .max(50),
  // null: there is no draft yet, and this save creates it.
  baseVersion: z.number().int().min(1).max(2_147_483_647).nullable(),
});
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

export async function saveDraft(ctx: SurveyCtx, input: SaveDraftInput) {
  const { cycle, partnership } = ctx.survey;
  assertOpen(cycle);
  const framework = await loadFramework(ctx.db, cycle.frameworkVersionId);
  const checked = checkAnswers(framework?.pillars ?? [], input.answers, input.comments);
  const answers = Object.fromEntries(checked.given);
  const comments = Object.fromEntries(checked.comments.map((c) => [c.pillarId, c.text]));
  const key = { cycleId: cycle.id, partnershipId: partnership.id, memberId: ctx.member.id };

  if (input.baseVersion === null) {
    try {
      const row = await ctx.db.responseDraft.create({ data: { workspaceId: ctx.workspace.id, ...key, answers, comments } });
      return { version: row.version, savedAt: row.updatedAt };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(STALE_DRAFT);
      throw error;
    }
  }
  // One conditional update: of two saves based on the same version exactly one matches.
  const rows = await ctx.db.responseDraft.updateManyAndReturn({
    where: { ...key, version: input.baseVersion },
    data: { answers, comments, version: { increment: 1 } },
  });
  if (rows.length === 0) throw conflict(STALE_DRAFT);
  return { version: rows[0]!.version, savedAt: rows[0]!.updatedAt };
}

export const muteRemindersInput = z.object({ muted: z.boolean() });

// The cycle step ("asked") found that the cycle asks this person.
export async function muteReminders(ctx: CycleCtx, input: z.infer<typeof muteRemindersInput>) {
  const { cycle } = ctx;
  const key = { workspaceId: ctx.workspace.id, cycleId: cycle.id, memberId: ctx.member.id };
  if (input.muted) await ctx.db.reminderMute.createMany({ data: [key], skipDuplicates: true });
  else await ctx.db.reminderMute.deleteMany({ where: { cycleId: key.cycleId, memberId: key.memberId } });
  return { muted: input.muted };
}
