import { z } from "zod";
import { checkSignInLink, requestSignInLink } from "../services/accounts/sign-in-link";
import { TOKEN_LIFETIME_MS } from "../services/accounts/tokens";
import { publicProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

// "Email me a sign-in link". Signing in with the link is next-auth's "email-link" provider
// (server/auth.ts); these ask for one and show what a link opens before it is used.
export const signInLinkRouter = router({
  // The same answer for every address, with an account or without. `next`: where the link leads
  // once signed in (a path of this site; anything else is dropped).
  request: publicProcedure
    .input(z.object({ email: z.email("Enter an email address, like name@example.com.").max(200), next: z.string().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => {
      await requestSignInLink(ctx.db, input.email, { address: ctx.address, next: input.next });
      return { expiresInMinutes: TOKEN_LIFETIME_MS.SIGN_IN / 60_000 };
    }),
  // Whose account a link signs in to, for the page's "Sign in as ..." button; looking does not use it.
  check: publicProcedure.input(z.object({ token: z.string().max(500) })).query(({ ctx, input }) => checkSignInLink(ctx.db, input.token)),
});
