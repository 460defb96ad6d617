import { z } from "zod";
import { addParticipant, listParticipants, removeParticipant } from "../services/participants";
import { cycleProcedure, id, participantsProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const person = z.object({ memberId: id });

export const participantRouter = router({
  list: cycleProcedure.query(({ ctx }) => listParticipants(ctx)),
  add: participantsProcedure.input(person).mutation(({ ctx, input }) => addParticipant(ctx, input)),
  remove: participantsProcedure.input(person).mutation(({ ctx, input }) => removeParticipant(ctx, input)),
});
