// Test helpers: the real database, a tRPC caller acting as a given user, and a small world
// (a workspace with one member of every role) built from the shared factories.
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { addMember, createCycle, createPartnerOrg, createPartnership, createWorkspaceWithOwner } from "../../prisma/factories";
import { getDb, getMaintenanceDb } from "../../server/db/client";
import { createContextFor } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";

// Fixtures and assertions span workspaces: they use the maintenance client (on PostgreSQL the
// owner, crossing workspaces), while the app code under test runs on getDb(), as the app role
// under row-level security, as in production.
export const db = () => getMaintenanceDb();
// The app's client, for calling services directly the way a request or a job does.
export const appDb = () => getDb();

// A tenant row's unique key for the unscoped client: every tenant table's primary key is
// (workspaceId, id).
export const keyOf = (row: { workspaceId: string; id: string }) => ({ workspaceId_id: { workspaceId: row.workspaceId, id: row.id } });

export const callerFor = (userId: string | null) => createCaller(createContextFor(userId, getDb()));

// A workspace with an owner, an admin, a manager (owning partnership A), an executive, two
// partner organisations (A and B) with a contact each, and an open cycle.
export async function buildWorld() {
  const d = getMaintenanceDb();
  const { workspace, user: owner, member: ownerMember } = await createWorkspaceWithOwner(d);
  const ws = workspace.id;
  const admin = await addMember(d, ws, { role: "ADMIN" });
  const manager = await addMember(d, ws, { role: "MANAGER" });
  const executive = await addMember(d, ws, { role: "EXECUTIVE" });
  const orgA = await createPartnerOrg(d, ws);
  const orgB = await createPartnerOrg(d, ws);
  const contactA = await addMember(d, ws, { role: "PARTNER", partnerOrgId: orgA.id });
  const contactB = await addMember(d, ws, { role: "PARTNER", partnerOrgId: orgB.id });
  const partnershipA = await createPartnership(d, ws, { partnerOrgId: orgA.id, ownerMemberId: manager.member.id });
  const partnershipB = await createPartnership(d, ws, { partnerOrgId: orgB.id, ownerMemberId: manager.member.id });
  const cycle = await createCycle(d, ws, { status: "OPEN" });
  const slug = workspace.slug;
  return {
    workspace,
    slug,
    owner: { user: owner, member: ownerMember, api: callerFor(owner.id) },
    admin: { ...admin, api: callerFor(admin.user.id) },
    manager: { ...manager, api: callerFor(manager.user.id) },
    executive: { ...executive, api: callerFor(executive.user.id) },
    contactA: { ...contactA, api: callerFor(contactA.user.id) },
    contactB: { ...contactB, api: callerFor(contactB.user.id) },
    orgA,
    orgB,
    partnershipA,
    partnershipB,
    cycle,
  };
}

// A closed cycle for a past quarter ("2020-Q3"), open for the quarter's first month, so tests
// can lay out a partnership's history in order.
export function closedQuarter(workspaceId: string, label: string) {
  const [, year, quarter] = /^(\d{4})-Q([1-4])$/.exec(label)!;
  const month = (Number(quarter) - 1) * 3;
  return createCycle(getMaintenanceDb(), workspaceId, {
    label,
    status: "CLOSED",
    opensAt: new Date(Date.UTC(Number(year), month, 1)),
    closesAt: new Date(Date.UTC(Number(year), month + 1, 0)),
  });
}

// Every statement of a cycle's framework answered with `value` (or per statement via a function).
export async function fullAnswers(cycleId: string, value: number | null | ((key: string) => number | null) = 4) {
  const d = getMaintenanceDb();
  const cycle = await d.cycle.findFirstOrThrow({ where: { id: cycleId } });
  const statements = await d.statement.findMany({
    where: { workspaceId: cycle.workspaceId, versionId: cycle.frameworkVersionId },
    orderBy: [{ pillar: { position: "asc" } }, { position: "asc" }],
  });
  return statements.map((s) => ({ statementId: s.id, value: typeof value === "function" ? value(s.key) : value }));
}

export async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}
