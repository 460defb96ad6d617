import { z } from "zod";
import { addParticipant, listParticipants, removeParticipant } from "../services/participants";
import { hostProcedure, managerProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const entry = z.object({ cycleId: z.string().min(1), partnershipId: z.string().min(1), memberId: z.string().min(1) });

export const participantRouter = router({
  list: hostProcedure.input(z.object({ cycleId: z.string().min(1) })).query(({ ctx, input }) => listParticipants(ctx, input.cycleId)),
  add: managerProcedure.input(entry).mutation(({ ctx, input }) => addParticipant(ctx, input)),
  remove: managerProcedure.input(entry).mutation(({ ctx, input }) => removeParticipant(ctx, input)),
});
