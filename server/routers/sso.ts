// A workspace's single sign-on connection, for its admins. The client secret goes in and never
// comes back out: the page is told only that one is stored.
import { z } from "zod";
import { JOIN_ROLES, readSsoConnection, removeSsoConnection, saveSsoConnection } from "../services/sso/connection";
import { ssoRedirectUri } from "../services/sso/flow";
import { adminProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const ssoRouter = router({
  get: adminProcedure.query(async ({ ctx }) => ({
    connection: await readSsoConnection(ctx),
    // What to register with the identity provider as this application's redirect URI.
    redirectUri: ssoRedirectUri(),
  })),

  save: adminProcedure
    .input(
      z.object({
        issuer: z.string().trim().min(1, "Enter the issuer address.").max(500),
        clientId: z.string().trim().min(1, "Enter the client ID.").max(255),
        // Empty or absent: keep the stored secret.
        clientSecret: z.string().max(1000).nullish(),
        domains: z.array(z.string().max(253)).min(1, "Enter at least one email domain.").max(20, "List at most 20 domains."),
        required: z.boolean(),
        joinByDomain: z.boolean(),
        joinRole: z.enum(JOIN_ROLES),
      }),
    )
    .mutation(({ ctx, input }) => saveSsoConnection(ctx, input)),

  remove: adminProcedure.mutation(({ ctx }) => removeSsoConnection(ctx)),
});
