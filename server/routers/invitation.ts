import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../password";
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, revokeInvitation } from "../services/invitations";
import { adminProcedure, publicProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { roleSchema } from "./member";

const token = z.string().min(20).max(200);

export const invitationRouter = router({
  create: adminProcedure
    .input(z.object({ email: z.email("enter a valid email address").max(200), role: roleSchema, partnerOrgId: z.string().nullish() }))
    .mutation(({ ctx, input }) => createInvitation(ctx, input)),
  list: adminProcedure.query(({ ctx }) => listInvitations(ctx)),
  revoke: adminProcedure
    .input(z.object({ invitationId: z.string().min(1) }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input.invitationId)),

  // The invitee is not signed in yet: the token is their only credential.
  // Any string: a mangled link gets the same "not valid" answer as an unknown one.
  preview: publicProcedure
    .input(z.object({ token: z.string().max(500) }))
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  accept: publicProcedure
    .input(
      z
        .object({
          token,
          name: z.string().trim().max(80).optional(),
          password: z.string().min(1, "please enter a password").max(200),
          // A new person chooses a password here; an existing account only confirms its own.
          newAccount: z.boolean(),
        })
        .refine((v) => !v.newAccount || v.password.length >= MIN_PASSWORD_LENGTH, {
          path: ["password"],
          message: `at least ${MIN_PASSWORD_LENGTH} characters`,
        }),
    )
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, { address: ctx.address })),
});
