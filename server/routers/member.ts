import { z } from "zod";
import { ROLES } from "../access/roles";
import { changeRole, listMembers, removeMember } from "../services/members";
import { adminProcedure, id, memberProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const roleSchema = z.enum(ROLES);

export const memberRouter = router({
  list: adminProcedure.query(({ ctx }) => listMembers(ctx)),
  changeRole: memberProcedure
    .input(z.object({ role: roleSchema, partnerOrgId: id.nullish() }))
    .mutation(({ ctx, input }) => changeRole(ctx, input)),
  remove: memberProcedure.mutation(({ ctx }) => removeMember(ctx)),
});
