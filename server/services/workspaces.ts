// Creating a workspace: the workspace, its first OWNER and the default framework, together.
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { conflict, isUniqueViolation } from "./errors";
import { createFrameworkVersion } from "./framework";

// Slugs that would shadow app routes or confuse people.
const RESERVED_SLUGS = new Set(["api", "admin", "new", "signin", "signup", "invite", "settings", "www", "app"]);

// Runs fn in a transaction, or in the caller's when given one (the demo seed is one transaction).
function inTransaction<T>(db: PrismaClient | Prisma.TransactionClient, fn: (tx: Prisma.TransactionClient) => Promise<T>) {
  return "$transaction" in db ? db.$transaction(fn) : fn(db);
}

export async function createWorkspace(db: PrismaClient | Prisma.TransactionClient, input: { userId: string; name: string; slug: string }) {
  if (RESERVED_SLUGS.has(input.slug)) throw conflict(`The address "${input.slug}" is reserved; choose another.`);
  try {
    return await inTransaction(db, async (tx) => {
      const workspace = await tx.workspace.create({ data: { name: input.name, slug: input.slug } });
      await tx.member.create({ data: { workspaceId: workspace.id, userId: input.userId, role: "OWNER" } });
      await createFrameworkVersion(tx, workspace.id);
      return workspace;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The address "${input.slug}" is taken; choose another.`);
    throw error;
  }
}

export async function myWorkspaces(db: PrismaClient, userId: string) {
  const members = await db.member.findMany({
    where: { userId, removedAt: null },
    include: { workspace: { select: { slug: true, name: true } }, partnerOrg: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => ({
    slug: m.workspace.slug,
    name: m.workspace.name,
    role: m.role,
    partnerOrgName: m.partnerOrg?.name ?? null,
  }));
}

// What partner contacts see of their own partnerships' scorecards (server/services/scorecard
// enforces it). Never individual answers, whatever is chosen here.
export interface PartnerSharingSettings {
  partnerSeesScores: boolean;
  partnerSeesTrends: boolean;
  partnerSeesComments: boolean;
  partnerSeesSides: boolean;
  partnerSeesStatements: boolean;
}

export async function updatePartnerSharing(db: PrismaClient | TenantDb, workspaceId: string, settings: PartnerSharingSettings) {
  const updated = await db.workspace.update({
    where: { id: workspaceId },
    data: settings,
    select: {
      partnerSeesScores: true,
      partnerSeesTrends: true,
      partnerSeesComments: true,
      partnerSeesSides: true,
      partnerSeesStatements: true,
    },
  });
  return updated;
}

// A partnership's renewal review opens this many days before its renewal date. Reviews already
// open stay; the next job run opens those that the new lead time makes due.
export async function updateRenewalReviewDays(db: PrismaClient | TenantDb, workspaceId: string, renewalReviewDays: number) {
  return db.workspace.update({ where: { id: workspaceId }, data: { renewalReviewDays }, select: { renewalReviewDays: true } });
}
