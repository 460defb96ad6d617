import { z } from "zod";
import { checkPasswordReset, requestPasswordReset, resetPassword } from "../services/accounts/password-reset";
import { publicProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

// Any string: a mangled link gets the same "not valid" answer as an unknown one.
const token = z.string().max(500);

// "Forgot your password?", for anyone signed out: the emailed link is the only credential.
export const passwordResetRouter = router({
  // The same answer for every address, with an account or without.
  request: publicProcedure
    .input(z.object({ email: z.email("Enter an email address, like name@example.com.").max(200) }))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input.email, { address: ctx.address })),
  // What the link's page shows; looking does not use the link.
  check: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => checkPasswordReset(ctx.db, input.token)),
  // The password rule is the service's, so the message names the current policy.
  complete: publicProcedure
    .input(z.object({ token, password: z.string().max(200) }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input, { address: ctx.address })),
});
