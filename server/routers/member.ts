import { z } from "zod";
import { changeRole, listMembers, removeMember } from "../services/members";
import { adminProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const roleSchema = z.enum(["OWNER", "ADMIN", "MANAGER", "EXECUTIVE", "PARTNER"]);

export const memberRouter = router({
  list: adminProcedure.query(({ ctx }) => listMembers(ctx)),
  changeRole: adminProcedure
    .input(z.object({ memberId: z.string().min(1), role: roleSchema, partnerOrgId: z.string().nullish() }))
    .mutation(({ ctx, input }) => changeRole(ctx, input)),
  remove: adminProcedure.input(z.object({ memberId: z.string().min(1) })).mutation(({ ctx, input }) => removeMember(ctx, input.memberId)),
});
