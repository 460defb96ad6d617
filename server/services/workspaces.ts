// Creating a workspace: the workspace, its first OWNER and the default framework, together.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { forWorkspace, type TenantClient, type TenantDb } from "../db/tenant";
import { conflict } from "../access/errors";
import { isUniqueViolation } from "../db/errors";
import { createFrameworkVersion } from "./framework";

// Slugs that would shadow app routes or confuse people.
const RESERVED_SLUGS = new Set(["api", "admin", "new", "signin", "signup", "invite", "settings", "www", "app"]);

// Why a workspace cannot have this address, or null when it can. It tells only whether a
// workspace has the address, nothing about any account (sign-up asks it before anything else).
export async function slugProblem(db: Pick<PrismaClient, "workspace">, slug: string): Promise<string | null> {
  if (RESERVED_SLUGS.has(slug)) return `The address "${slug}" is reserved; choose another.`;
  const taken = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  return taken ? `The address "${slug}" is taken; choose another.` : null;
}

// A new workspace's own scoped client: its id is chosen here, so the workspace, its first owner
// and its framework are written in one transaction through the client of the workspace they
// make.
export const newWorkspaceDb = (db: PrismaClient): TenantDb => forWorkspace(db, randomUUID());

// The workspace of `db` (see newWorkspaceDb), its first OWNER and the default framework. Runs in
// the caller's transaction when given one (the demo seed is one transaction).
export async function createWorkspace(db: TenantClient, input: { userId: string; name: string; slug: string }) {
  if (RESERVED_SLUGS.has(input.slug)) throw conflict(`The address "${input.slug}" is reserved; choose another.`);
  const create = async (tx: TenantClient) => {
    const workspace = await tx.workspace.create({ data: { id: tx.$workspaceId, name: input.name, slug: input.slug } });
    await tx.member.create({ data: { workspaceId: workspace.id, userId: input.userId, role: "OWNER" } });
    await createFrameworkVersion(tx);
    return workspace;
  };
  try {
    return await ("$transaction" in db ? db.$transaction(create) : create(db));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The address "${input.slug}" is taken; choose another.`, "slug");
    throw error;
  }
}
