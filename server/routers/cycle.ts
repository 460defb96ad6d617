import { z } from "zod";
import { dateOnly } from "./inputs";
import { createCycle, cycleDetail, extendCycle, listCycles, openingPreview, setCycleStatus } from "../services/cycles";
import { deleteCycle, undoOpening } from "../services/cycle-undo";
import { adminCycleProcedure, adminProcedure, cycleProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const cycleRouter = router({
  // Every member: a partner contact sees the cycles, counted over their own partnerships only.
  list: workspaceProcedure.query(({ ctx }) => listCycles(ctx)),
  create: adminProcedure
    .input(
      z.object({
        label: z.string().trim().min(1, "Give the cycle a label, such as 2026-Q4.").max(40),
        opensAt: dateOnly,
        closesAt: dateOnly,
      }),
    )
    .mutation(({ ctx, input }) => createCycle(ctx, input)),
  // What opening will do (how many people are emailed), for the confirmation before it.
  openingPreview: adminCycleProcedure.query(({ ctx }) => openingPreview(ctx)),
  open: adminCycleProcedure.mutation(({ ctx }) => setCycleStatus(ctx, "OPEN")),
  // A cycle made or opened by mistake, taken back while nobody has answered it.
  undoOpen: adminCycleProcedure.mutation(({ ctx }) => undoOpening(ctx)),
  delete: adminCycleProcedure.mutation(({ ctx }) => deleteCycle(ctx)),
  close: adminCycleProcedure.mutation(({ ctx }) => setCycleStatus(ctx, "CLOSED")),
  extend: adminCycleProcedure.input(z.object({ closesAt: dateOnly })).mutation(({ ctx, input }) => extendCycle(ctx, input.closesAt)),
  get: cycleProcedure.query(({ ctx }) => cycleDetail(ctx)),
});
