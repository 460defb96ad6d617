import { z } from "zod";
import { ROLES } from "../access/roles";
import { changeRole, listMembers, ownerChoices, previewChange, removeMember } from "../services/members";
import { memberSearchInput, searchMembers } from "../services/lists/members";
import { adminProcedure, id, memberProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const roleSchema = z.enum(ROLES);

export const memberRouter = router({
  list: adminProcedure.query(({ ctx }) => listMembers(ctx)),
  // Who may be made a partnership's owner, for the partnership form.
  owners: adminProcedure.query(({ ctx }) => ownerChoices(ctx)),
  // One page of the members (or of the pending invitations), searched and filtered by the database.
  search: adminProcedure.input(memberSearchInput).query(({ ctx, input }) => searchMembers(ctx, input)),
  changeRole: memberProcedure
    .input(z.object({ role: roleSchema, partnerOrgId: id.nullish() }))
    .mutation(({ ctx, input }) => changeRole(ctx, input)),
  remove: memberProcedure.mutation(({ ctx }) => removeMember(ctx)),
  // What a role change or removal would do to what the member holds, before it is confirmed.
  preview: memberProcedure
    .input(z.object({ change: z.enum(["role", "remove"]), role: roleSchema.optional(), partnerOrgId: id.nullish() }))
    .query(({ ctx, input }) => previewChange(ctx, input)),
});
