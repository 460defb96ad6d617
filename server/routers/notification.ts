// Each member's own in-app notifications (alerts, renewal reviews): list, unread count, mark read.
import { z } from "zod";
import { listNotifications, markRead, unreadCount } from "../services/notifications";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const notificationRouter = router({
  list: workspaceProcedure
    .input(z.object({ cursor: z.string().min(1).max(64).optional(), limit: z.number().int().min(1).max(100).optional() }))
    .query(({ ctx, input }) => listNotifications(ctx, input)),

  unreadCount: workspaceProcedure.query(({ ctx }) => unreadCount(ctx)),

  // One notification, or (without an id) all of the member's unread ones.
  markRead: workspaceProcedure
    .input(z.object({ notificationId: z.string().min(1).max(64).optional() }))
    .mutation(({ ctx, input }) => markRead(ctx, input)),
});
