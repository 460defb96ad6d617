import { z } from "zod";
import { createCycle, cycleDetail, extendCycle, listCycles, setCycleStatus } from "../services/cycles";
import { adminProcedure, hostProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use the format YYYY-MM-DD")
  .transform((v) => new Date(`${v}T00:00:00.000Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "not a real date");

const cycleId = z.object({ cycleId: z.string().min(1) });

export const cycleRouter = router({
  list: workspaceProcedure.query(({ ctx }) => listCycles(ctx)),
  create: adminProcedure
    .input(z.object({ label: z.string().trim().min(1, "please enter a label, such as 2026-Q4").max(40), opensAt: day, closesAt: day }))
    .mutation(({ ctx, input }) => createCycle(ctx, input)),
  open: adminProcedure.input(cycleId).mutation(({ ctx, input }) => setCycleStatus(ctx, input.cycleId, "OPEN")),
  close: adminProcedure.input(cycleId).mutation(({ ctx, input }) => setCycleStatus(ctx, input.cycleId, "CLOSED")),
  extend: adminProcedure
    .input(z.object({ cycleId: z.string().min(1), closesAt: day }))
    .mutation(({ ctx, input }) => extendCycle(ctx, input.cycleId, input.closesAt)),
  get: hostProcedure.input(cycleId).query(({ ctx, input }) => cycleDetail(ctx, input.cycleId)),
});
