import { z } from "zod";
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, revokeInvitation } from "../services/invitations";
import { adminProcedure, publicProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { roleSchema } from "./member";

const token = z.string().min(20).max(200);

export const invitationRouter = router({
  create: adminProcedure
    .input(
      z.object({
        email: z.email("Enter an email address, like name@example.com.").max(200),
        role: roleSchema,
        partnerOrgId: z.string().nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createInvitation(ctx, input)),
  list: adminProcedure.query(({ ctx }) => listInvitations(ctx)),
  revoke: adminProcedure
    .input(z.object({ invitationId: z.string().min(1) }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input.invitationId)),

  // The invitee is not signed in yet: the token is their only credential.
  // Any string: a mangled link gets the same "not valid" answer as an unknown one.
  // The session, if any, only tells the page whether the invitation is for the signed-in account.
  preview: publicProcedure
    .input(z.object({ token: z.string().max(500) }))
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token, ctx.userId)),
  // No password needed: a new person gives a name (and a password only if they want one); an
  // existing account joins once signed in. The rules are the service's (acceptInvitation).
  accept: publicProcedure
    .input(
      z.object({
        token,
        name: z.string().trim().max(80).optional(),
        // Empty: no password; the account signs in by emailed link (or sets one later by reset).
        password: z.string().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input, { userId: ctx.userId, address: ctx.address })),
});
