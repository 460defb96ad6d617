import { z } from "zod";
import { addTeamMember, listTeam, removeTeamMember } from "../services/team";
import { hostProcedure, id, teamProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const person = z.object({ memberId: id });

// A partnership's host team: read by the company's own people, changed by its owner or an admin.
export const teamRouter = router({
  list: hostProcedure.input(z.object({ partnershipId: id })).query(({ ctx, input }) => listTeam(ctx, input.partnershipId)),
  add: teamProcedure.input(person).mutation(({ ctx, input }) => addTeamMember(ctx, input)),
  remove: teamProcedure.input(person).mutation(({ ctx, input }) => removeTeamMember(ctx, input)),
});
