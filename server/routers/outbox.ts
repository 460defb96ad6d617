import { z } from "zod";
import { EmailKind } from "../db/generated/enums";
import { countFailedEmails, listOutbox } from "../services/email/outbox";
import { sendOutboxEmailAgain } from "../services/email/deliver";
import { adminProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const emailKindSchema = z.enum(EmailKind);

export const outboxRouter = router({
  list: adminProcedure
    .input(
      z.object({ cursor: z.string().min(1).max(100).optional(), kind: emailKindSchema.optional(), failedOnly: z.boolean().optional() }),
    )
    .query(({ ctx, input }) => listOutbox(ctx, input)),
  failedCount: adminProcedure.query(({ ctx }) => countFailedEmails(ctx)),
  // An email the job queue gave up on goes back on it, with fresh tries.
  sendAgain: adminProcedure
    .input(z.object({ emailId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => sendOutboxEmailAgain(ctx.db, input.emailId)),
});
