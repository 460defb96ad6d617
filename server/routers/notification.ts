// Each member's own in-app notifications (alerts, renewal reviews): list, unread count, mark read.
import { z } from "zod";
import { listNotifications, markAllRead, markRead, unreadCount } from "../services/notifications";
import { id, notificationProcedure, workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const notificationRouter = router({
  list: workspaceProcedure
    .input(z.object({ cursor: id.optional(), limit: z.number().int().min(1).max(100).optional() }))
    .query(({ ctx, input }) => listNotifications(ctx, input)),

  unreadCount: workspaceProcedure.query(({ ctx }) => unreadCount(ctx)),

  markRead: notificationProcedure.mutation(({ ctx }) => markRead(ctx)),

  markAllRead: workspaceProcedure.mutation(({ ctx }) => markAllRead(ctx)),
});
