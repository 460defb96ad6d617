// The resource steps for people: another member an admin manages, and a member's own
// notifications.
import type { Role } from "./roles";
import type { WorkspaceCtx } from "./context";
import { decideOwn, decideRoleChange } from "./decide";
import { notFound } from "./errors";
import { actorOf, enforce } from "./partnership";
import { byId } from "../db/tenant";

// A current member of the workspace, for changing their role or removing them. Whether the actor
// may touch an owner is decided here too; the role they are given is decided by the service with
// mayGrant below.
export async function loadMember(ctx: WorkspaceCtx, memberId: string) {
  const member = await ctx.db.member.findFirst({ where: { id: memberId, removedAt: null } });
  if (!member) throw notFound("Member");
  enforce(decideRoleChange(actorOf(ctx), [member.role]));
  return member;
}

export const mayGrant = (ctx: WorkspaceCtx, role: Role) => enforce(decideRoleChange(actorOf(ctx), [role]));

export async function loadNotification(ctx: WorkspaceCtx, notificationId: string) {
  const notification = await ctx.db.notification.findUnique({ where: byId(ctx.db, notificationId) });
  if (!notification) throw notFound("Notification");
  enforce(decideOwn(actorOf(ctx), notification.memberId, "Notification"));
  return notification;
}
