// The procedure ladder, defined once: public -> authenticated -> workspace member -> role steps.
// The workspace member step resolves the membership from the session and the URL's workspace
// slug and replaces ctx.db with a client scoped to that workspace (server/db/tenant.ts), so
// handlers never see rows of another workspace and never take a workspace id from the client.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Member, PrismaClient, Role, User, Workspace } from "../db/generated/client";
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
// goes through here, several times, so it is the app's hottest path, written as plain SQL (a
// Prisma query with its joins costs three times as long here). The result is typed as the
// models it reads, so a column added to them fails to compile until it is read here too.
interface MembershipRow {
  member: Omit<Member, "createdAt" | "removedAt">;
  user: Pick<User, "id" | "email" | "name">;
  workspace: Workspace;
}

async function findMembership(db: PrismaClient, userId: string, slug: string): Promise<MembershipRow | null> {
  const rows = await db.$queryRaw<(Record<string, unknown> & { w_createdAt: Date })[]>`
    SELECT m.id AS m_id, m."workspaceId" AS "m_workspaceId", m."userId" AS "m_userId", m.role::text AS m_role,
           m."partnerOrgId" AS "m_partnerOrgId",
           u.email AS u_email, u.name AS u_name,
           w.id AS w_id, w.slug AS w_slug, w.name AS w_name, w."surveyMode"::text AS "w_surveyMode",
           w."confidentialityThreshold" AS "w_confidentialityThreshold", w.cadence::text AS w_cadence,
           w."cycleOpenDay" AS "w_cycleOpenDay", w."cycleLengthDays" AS "w_cycleLengthDays", w."autoSchedule" AS "w_autoSchedule",
           w."partnerSeesScores" AS "w_partnerSeesScores", w."partnerSeesTrends" AS "w_partnerSeesTrends",
           w."partnerSeesComments" AS "w_partnerSeesComments", w."partnerSeesSides" AS "w_partnerSeesSides",
           w."partnerSeesStatements" AS "w_partnerSeesStatements",
           w."renewalReviewDays" AS "w_renewalReviewDays", w."createdAt" AS "w_createdAt"
    FROM "Member" m
    JOIN "Workspace" w ON w.id = m."workspaceId"
    JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = ${userId} AND m."removedAt" IS NULL AND w.slug = ${slug}
    LIMIT 1`;
  const r = rows[0];
  if (!r) return null;
  return {
    member: {
      id: r.m_id as string,
      workspaceId: r.m_workspaceId as string,
      userId: r.m_userId as string,
      role: r.m_role as Role,
      partnerOrgId: r.m_partnerOrgId as string | null,
    },
    user: { id: r.m_userId as string, email: r.u_email as string, name: r.u_name as string },
    workspace: {
      id: r.w_id as string,
      slug: r.w_slug as string,
      name: r.w_name as string,
      surveyMode: r.w_surveyMode as Workspace["surveyMode"],
      confidentialityThreshold: r.w_confidentialityThreshold as number,
      cadence: r.w_cadence as Workspace["cadence"],
      cycleOpenDay: r.w_cycleOpenDay as number,
      cycleLengthDays: r.w_cycleLengthDays as number,
      autoSchedule: r.w_autoSchedule as boolean,
      partnerSeesScores: r.w_partnerSeesScores as boolean,
      partnerSeesTrends: r.w_partnerSeesTrends as boolean,
      partnerSeesComments: r.w_partnerSeesComments as boolean,
      partnerSeesSides: r.w_partnerSeesSides as boolean,
      partnerSeesStatements: r.w_partnerSeesStatements as boolean,
      renewalReviewDays: r.w_renewalReviewDays as number,
      createdAt: r.w_createdAt,
    } satisfies Record<keyof Workspace, unknown>,
  };
}

export const workspaceProcedure = baseProcedure.input(z.object({ workspaceSlug: z.string().max(64) })).use(async ({ ctx, input, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const found = await findMembership(ctx.db, ctx.userId, input.workspaceSlug);
  if (!found) {
    const exists = await ctx.db.user.count({ where: { id: ctx.userId } });
    if (!exists) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account no longer exists." });
    // Not a member and no such workspace answer alike: nothing reveals that a workspace exists.
    throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
  }
  const { workspace, user, member } = found;
  return next({
    ctx: { ...ctx, user, db: forWorkspace(ctx.db, workspace.id), workspace, member, role: member.role },
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
