// The workspace's Slack and Teams integrations, for its admins: the list (never the URLs
// themselves), saving or replacing a URL, removing one, and the test button.
import { z } from "zod";
import {
  CHAT_PLATFORMS,
  listChatIntegrations,
  removeChatIntegration,
  saveChatIntegration,
  sendChatTest,
} from "../services/chat/integrations";
import { adminProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const platform = z.enum(CHAT_PLATFORMS, { error: "choose Slack or Microsoft Teams" });

export const chatIntegrationRouter = router({
  list: adminProcedure.query(({ ctx }) => listChatIntegrations(ctx)),
  save: adminProcedure
    .input(
      z.object({
        platform,
        url: z.string().trim().min(1, "paste the incoming webhook's address").max(2000, "at most 2,000 characters"),
      }),
    )
    .mutation(({ ctx, input }) => saveChatIntegration(ctx, input)),
  remove: adminProcedure.input(z.object({ platform })).mutation(({ ctx, input }) => removeChatIntegration(ctx, input.platform)),
  test: adminProcedure.input(z.object({ platform })).mutation(({ ctx, input }) => sendChatTest(ctx, input.platform)),
});
