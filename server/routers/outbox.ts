import { z } from "zod";
import { EmailKind } from "../db/generated/enums";
import { listOutbox } from "../services/email/outbox";
import { adminProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const emailKindSchema = z.enum(EmailKind);

export const outboxRouter = router({
  list: adminProcedure
    .input(z.object({ cursor: z.string().min(1).max(100).optional(), kind: emailKindSchema.optional() }))
    .query(({ ctx, input }) => listOutbox(ctx, input)),
});
