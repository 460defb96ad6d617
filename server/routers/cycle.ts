import { z } from "zod";
import { dateOnly } from "./inputs";
import { createCycle, cycleDetail, extendCycle, listCycles, setCycleStatus } from "../services/cycles";
import { adminProcedure, hostProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const cycleId = z.object({ cycleId: z.string().min(1) });

export const cycleRouter = router({
  list: workspaceProcedure.query(({ ctx }) => listCycles(ctx)),
  create: adminProcedure
    .input(
      z.object({ label: z.string().trim().min(1, "please enter a label, such as 2026-Q4").max(40), opensAt: dateOnly, closesAt: dateOnly }),
    )
    .mutation(({ ctx, input }) => createCycle(ctx, input)),
  open: adminProcedure.input(cycleId).mutation(({ ctx, input }) => setCycleStatus(ctx, input.cycleId, "OPEN")),
  close: adminProcedure.input(cycleId).mutation(({ ctx, input }) => setCycleStatus(ctx, input.cycleId, "CLOSED")),
  extend: adminProcedure
    .input(z.object({ cycleId: z.string().min(1), closesAt: dateOnly }))
    .mutation(({ ctx, input }) => extendCycle(ctx, input.cycleId, input.closesAt)),
  get: hostProcedure.input(cycleId).query(({ ctx, input }) => cycleDetail(ctx, input.cycleId)),
});
