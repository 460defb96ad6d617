// The procedure ladder, defined once: public -> authenticated -> workspace member -> role steps.
// The workspace member step resolves the membership from the session and the URL's workspace
// slug and replaces ctx.db with a client scoped to that workspace (server/db/tenant.ts), so
// handlers never see rows of another workspace and never take a workspace id from the client.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Role } from "../db/generated/client";
import { forWorkspace } from "../db/tenant";
import { baseProcedure } from "./init";

export const publicProcedure = baseProcedure;

export const authedProcedure = baseProcedure.use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const user = await ctx.db.user.findUnique({
    where: { id: ctx.userId },
    select: { id: true, email: true, name: true },
  });
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account no longer exists." });
  return next({ ctx: { ...ctx, user } });
});

export const workspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, "3-40 lowercase letters, digits or hyphens");

// One query resolves the person, the membership and the workspace together: every page load
// goes through here, several times, so it is the app's hottest path.
export const workspaceProcedure = baseProcedure.input(z.object({ workspaceSlug: z.string().max(64) })).use(async ({ ctx, input, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const member = await ctx.db.member.findFirst({
    where: { userId: ctx.userId, removedAt: null, workspace: { slug: input.workspaceSlug } },
    include: { workspace: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!member) {
    const exists = await ctx.db.user.count({ where: { id: ctx.userId } });
    if (!exists) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account no longer exists." });
    // Not a member and no such workspace answer alike: nothing reveals that a workspace exists.
    throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
  }
  const { workspace, user, ...membership } = member;
  return next({
    ctx: { ...ctx, user, db: forWorkspace(ctx.db, workspace.id), workspace, member: membership, role: member.role },
  });
});

export const HOST_ROLES: readonly Role[] = ["OWNER", "ADMIN", "MANAGER", "EXECUTIVE"];
export const MANAGER_ROLES: readonly Role[] = ["OWNER", "ADMIN", "MANAGER"];
export const ADMIN_ROLES: readonly Role[] = ["OWNER", "ADMIN"];

function requireRole(roles: readonly Role[], message: string) {
  return workspaceProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.role)) throw new TRPCError({ code: "FORBIDDEN", message });
    return next();
  });
}

// The company's own people: every partnership's scorecard and the portfolio.
export const hostProcedure = requireRole(HOST_ROLES, "Only the workspace's own members can see this.");
// People who run partnerships: the writes of day-to-day partnership work.
export const managerProcedure = requireRole(MANAGER_ROLES, "Only alliance managers and admins can do this.");
// Workspace setup: members, partners, framework, cycles.
export const adminProcedure = requireRole(ADMIN_ROLES, "Only workspace admins can do this.");

export type WorkspaceCtx = {
  db: ReturnType<typeof forWorkspace>;
  workspace: { id: string; slug: string; name: string; surveyMode: "CONFIDENTIAL" | "ATTRIBUTED"; confidentialityThreshold: number };
  member: { id: string; role: Role; partnerOrgId: string | null; userId: string };
  role: Role;
};
