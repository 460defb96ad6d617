// The reads that deliberately span workspaces, named here and nowhere else. Everything else a
// request or a job does goes through a client scoped to one workspace (tenant.ts): these are the
// few questions that must be asked before there is a workspace to scope to.
//
// - the membership lookup: which workspace a person is asking about, and in which role;
// - a person's own workspaces, for the workspace switcher;
// - an invitation by its token, before the invitee belongs anywhere;
// - a personal survey link by its token, before the request has a workspace (the link names it);
// - an API token by its hash, before the request has a workspace (the token names it), counting
//   the call in the same statement;
// - the background jobs' list of workspaces, each then worked on through its own scoped client;
// - the job queue's sweep: emails waiting to be sent and closes whose alerts are due, by id only,
//   each then handled by a job through its workspace's scoped client;
// - a person's own account events in the audit log, which belong to no workspace (they live in the
//   global AccountAuditEvent table, so this reads no tenant table);
// - single sign-on by email domain: which workspace's connection covers a domain (at sign-in, and
//   for the "SSO required" check of a password or emailed-link sign-in), and, when an admin saves
//   a connection, whether another workspace already claims one of its domains;
// - whether someone removed from a workspace still belongs to any other (none: their sessions end);
// - recording a person's account-level event (an audit row of no workspace), and a workspace's
//   admins reading those of its members (services/accounts/audit-log.ts).
//
// On PostgreSQL row-level security holds every tenant row to the transaction's workspace
// (prisma/migrations/20261205000000_row_level_security), so each read here runs through
// `acrossWorkspaces`, the one path that turns on app.cross_workspace, for its own transaction
// only. No other file may name that setting (tests/unit/cross-workspace-setting.test.ts).
import type { Member, Prisma, PrismaClient, Role, SsoConnection, User, Workspace } from "./generated/client";
import type { TenantDb } from "./tenant";

type PrismaPromise<T> = Prisma.PrismaPromise<T>;
type Client = Pick<PrismaClient, "$executeRaw">;

const crossOn = (db: Client) => db.$executeRaw`SELECT set_config('app.cross_workspace', 'on', true)`;
const crossOff = (db: Client) => db.$executeRaw`SELECT set_config('app.cross_workspace', '', true)`;

// For operator tools that legitimately span workspaces (migrations, seeds, the scale generator,
// the benchmark's data and its plain-SQL floor, backups): the whole session crosses. They connect
// as the tables' owner, which FORCE ROW LEVEL SECURITY holds to the policy too. Never the app.
export const MAINTENANCE_SESSION_OPTIONS = "-c app.cross_workspace=on";

// The named path. On the unscoped client (outside any transaction), one query runs in a batch
// transaction after the setting. On a scoped client, in an interactive transaction of its own (the
// statement keeps its explicit ${WORKSPACE} filter; the crossing is for rows of no workspace).
// Inside a transaction (the caller's, scoped or not), the setting is turned on for the query and
// off again after it, so the rest of that transaction stays held. A query that fails aborts its
// transaction on PostgreSQL, so nothing runs after it with the setting left on.
export async function acrossWorkspaces<D extends Client, T>(db: D, query: (db: D) => PrismaPromise<T> | Promise<T>): Promise<T> {
  const own = (db as { $transaction?: unknown }).$transaction;
  if (typeof own === "function" && "$workspaceId" in db) {
    return (db as unknown as TenantDb).$transaction(async (tx) => {
      await crossOn(tx);
      return query(tx as unknown as D);
    });
  }
  if (typeof own === "function") {
    const client = db as unknown as PrismaClient;
    const [, result] = await client.$transaction([crossOn(client), query(db) as PrismaPromise<T>]);
    return result;
  }
  await crossOn(db);
  const result = await query(db);
  await crossOff(db);
  return result;
}

// One query resolves the person, the membership and the workspace together: every page load
// goes through here, several times, so it is the app's hottest path, written as plain SQL (a
// Prisma query with its joins costs three times as long here). The result is typed as the
// models it reads, so a column added to them fails to compile until it is read here too.
export interface MembershipRow {
  member: Omit<Member, "createdAt" | "removedAt">;
  user: Pick<User, "id" | "email" | "name">;
  workspace: Workspace;
}

export async function findMembership(db: PrismaClient, userId: string, slug: string): Promise<MembershipRow | null> {
  const rows = await acrossWorkspaces(
    db,
    (c) => c.$queryRaw<(Record<string, unknown> & { w_createdAt: Date })[]>`
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
    LIMIT 1`,
  );
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

// A person's current memberships, oldest first, for the workspace switcher.
export async function membershipsOf(db: PrismaClient, userId: string) {
  const members = await acrossWorkspaces(db, (c) =>
    c.member.findMany({
      where: { userId, removedAt: null },
      include: { workspace: { select: { slug: true, name: true } }, partnerOrg: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  );
  return members.map((m) => ({
    slug: m.workspace.slug,
    name: m.workspace.name,
    role: m.role,
    partnerOrgName: m.partnerOrg?.name ?? null,
  }));
}

// An invitation by the hash of its token, with the workspace it is for. The hash is unique per
// workspace (every key of a tenant table names its workspace) and found through its own index;
// tokens are 256 random bits, so it is never in two workspaces.
export function invitationByTokenHash(db: PrismaClient, tokenHash: string) {
  return acrossWorkspaces(db, (c) =>
    c.invitation.findFirst({
      where: { tokenHash },
      include: { workspace: { select: { id: true, name: true, slug: true } }, partnerOrg: { select: { name: true } } },
    }),
  );
}

// A personal survey link by the hash of its token, with what it is checked against on every use:
// its workspace, its person (and their account) and its cycle. Found by the token's index, like an
// invitation's: a 256-bit random token is never in two workspaces.
export function surveyLinkByTokenHash(db: PrismaClient, tokenHash: string) {
  return acrossWorkspaces(db, (c) =>
    c.surveyLink.findFirst({
      where: { tokenHash },
      include: {
        workspace: true,
        member: { include: { user: { select: { id: true, email: true, name: true } } } },
        cycle: true,
      },
    }),
  );
}

// The workspaces a background job run works through, each then through its own scoped client.
// `only` limits a run to some workspaces (tests, or one workspace's "run now"). Workspace is a
// global table, outside row-level security: this needs no crossing.
export function workspacesForJobs(db: PrismaClient, only?: readonly string[]) {
  return db.workspace.findMany({ where: only ? { id: { in: [...only] } } : {}, orderBy: { createdAt: "asc" } });
}

// A person's own account-level events (sign-ins, password and email changes, sessions ended):
// the global account audit table, for their account page. Newest first, after `before` when given.
export function accountEventsOf(db: PrismaClient, userId: string, before: { at: Date; id: string } | null, take: number) {
  return db.accountAuditEvent.findMany({
    where: {
      userId,
      ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

// The single sign-on connection that covers an email domain, if any (a domain belongs to at most
// one workspace's connection: saveSsoConnection refuses a second claim).
export function ssoConnectionForDomain(
  db: Pick<PrismaClient, "ssoConnection" | "$executeRaw">,
  domain: string,
): Promise<SsoConnection | null> {
  return acrossWorkspaces(db, (c) => c.ssoConnection.findFirst({ where: { domains: { has: domain } } }));
}

type RawTx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

// Saving a connection takes this lock first, in its transaction: two workspaces claiming the same
// domain at once are served one after the other, so the second sees the first's claim.
export async function lockSsoDomainClaims(tx: RawTx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('sso-domain-claims'))::text`;
}

// Which of these domains another workspace's connection already covers.
export async function ssoDomainsClaimedElsewhere(tx: RawTx, workspaceId: string, domains: readonly string[]): Promise<string[]> {
  if (domains.length === 0) return [];
  const rows = await acrossWorkspaces(
    tx,
    (c) => c.$queryRaw<{ domain: string }[]>`
      SELECT DISTINCT d AS domain FROM "SsoConnection", unnest(domains) AS d
      WHERE "workspaceId" <> ${workspaceId} AND d = ANY(${[...domains]}::text[])
      ORDER BY d`,
  );
  return rows.map((r) => r.domain);
}
// How many workspaces a person still belongs to, asked inside the transaction that removes them
// from one. Their account row is locked first, so two removals from their last two workspaces at
// once run one after the other and the second counts what the first did.
export async function lockedMembershipCount(tx: Pick<PrismaClient, "$queryRaw" | "$executeRaw">, userId: string): Promise<number> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const [row] = await acrossWorkspaces(
    tx,
    (c) => c.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Member" WHERE "userId" = ${userId} AND "removedAt" IS NULL`,
  );
  return row?.n ?? 0;
}

const SWEEP_PAGE = 500;

// Outbox emails of every workspace not yet sent, dropped or given up on, a page at a time after
// `after` (ids ascending): the sweep queues a delivery job for each (one per email, by its id).
export function pendingOutboxEmails(db: PrismaClient, after: string | null) {
  return acrossWorkspaces(db, (c) =>
    c.outboxEmail.findMany({
      where: { sentAt: null, droppedAt: null, failedAt: null, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, workspaceId: true },
      orderBy: { id: "asc" },
      take: SWEEP_PAGE,
    }),
  );
}

// Closed cycles of every workspace whose alerts are due (cycle-lifecycle.ts marks them at close).
export function cyclesWithAlertsDue(db: PrismaClient) {
  return acrossWorkspaces(db, (c) =>
    c.cycle.findMany({
      where: { status: "CLOSED", alertsDueAt: { not: null } },
      select: { id: true, workspaceId: true, closedAt: true },
      orderBy: { alertsDueAt: "asc" },
      take: SWEEP_PAGE,
    }),
  );
}

export interface ApiTokenUse {
  id: string;
  workspaceId: string;
  slug: string;
  name: string;
  scope: "READ" | "READ_WRITE";
  role: Role;
  partnerOrgId: string | null;
  creatorUserId: string;
  // The calls counted in the current window (this one included), and when the window began.
  windowCount: number;
  windowStart: Date;
}

// A live (unrevoked) API token by the hash of its token, counting this call: one statement counts
// it in the token's fixed rate window (a window older than `windowMs` starts again at this call)
// and stamps its last use. PostgreSQL takes the row's lock for the UPDATE, so calls arriving
// together on several app instances are each counted once. Null for no such token.
export async function countApiTokenCall(db: PrismaClient, tokenHash: string, now: Date, windowMs: number): Promise<ApiTokenUse | null> {
  const floor = new Date(now.getTime() - windowMs);
  const rows = await acrossWorkspaces(
    db,
    (c) => c.$queryRaw<(Omit<ApiTokenUse, "windowCount"> & { windowCount: number })[]>`
      UPDATE "ApiToken" t
         SET "windowCount" = CASE WHEN t."windowStart" IS NULL OR t."windowStart" <= ${floor} THEN 1 ELSE t."windowCount" + 1 END,
             "windowStart" = CASE WHEN t."windowStart" IS NULL OR t."windowStart" <= ${floor} THEN ${now} ELSE t."windowStart" END,
             "lastUsedAt" = ${now}
        FROM "Member" m, "Workspace" w
       WHERE t."tokenHash" = ${tokenHash} AND t."revokedAt" IS NULL
         AND m."workspaceId" = t."workspaceId" AND m.id = t."createdById"
         AND w.id = t."workspaceId"
      RETURNING t.id, t."workspaceId", w.slug, t.name, t.scope::text AS scope, t.role::text AS role, t."partnerOrgId",
                m."userId" AS "creatorUserId", t."windowCount", t."windowStart"`,
  );
  return rows[0] ?? null;
}
