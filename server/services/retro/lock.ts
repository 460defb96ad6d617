// The row lock every change of a retro takes, and who took part.
import type { Side } from "../../db/generated/client";
import type { RetroCtx } from "../../access/context";
import { notFound } from "../../access/errors";
import { WORKSPACE, type TenantTx } from "../../db/tenant";
import type { RetroPhase } from "./rules";

// The retro's current phase and version, read under a lock on its row. Votes and phase changes
// take it exclusively ("update"): a person's votes are counted and a phase left one at a time, so
// two votes at once cannot make a fourth and no vote lands after its voting closed. Adding items
// and volunteering take it shared: they run side by side, but never across a phase change.
export async function lockRetro(tx: TenantTx, retroId: string, mode: "update" | "share") {
  const rows =
    mode === "update"
      ? await tx.$queryScoped<{ phase: RetroPhase; version: number }[]>`
          SELECT phase::text AS phase, version FROM "Retro" WHERE id = ${retroId} AND "workspaceId" = ${WORKSPACE} FOR UPDATE`
      : await tx.$queryScoped<{ phase: RetroPhase; version: number }[]>`
          SELECT phase::text AS phase, version FROM "Retro" WHERE id = ${retroId} AND "workspaceId" = ${WORKSPACE} FOR SHARE`;
  const row = rows[0];
  if (!row) throw notFound("Retro");
  return row;
}

// Who took part is recorded the first time a person adds an item, votes or volunteers.
export async function recordAttendee(tx: TenantTx, retroId: string, memberId: string, side: Side) {
  await tx.retroAttendee.createMany({ data: [{ workspaceId: tx.$workspaceId, retroId, memberId, side }], skipDuplicates: true });
}

export const attend = (tx: TenantTx, ctx: Pick<RetroCtx, "retro" | "work">) =>
  recordAttendee(tx, ctx.retro.id, ctx.work.viewer.memberId, ctx.work.viewer.side);
