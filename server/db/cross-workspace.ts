// The reads that deliberately span workspaces, named here and nowhere else. Everything else a
// request or a job does goes through a client scoped to one workspace (tenant.ts): these are the
// few questions that must be asked before there is a workspace to scope to.
//
// - the membership lookup: which workspace a person is asking about, and in which role (through
//   the SQL function ph_membership, one round trip);
// - a person's own workspaces, for the workspace switcher;
// - an invitation by its token, before the invitee belongs anywhere;
// - a personal survey link by its token, before the request has a workspace (the link names it);
// - an API token by its hash, before the request has a workspace (the token names it), counting
//   the call in the same statement;
// - the background jobs' list of workspaces, each then worked on through its own scoped client;
// - the job queue's sweep: emails and chat messages waiting to be sent, webhook deliveries
//   waiting, and closes whose alerts are due, by id only,
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
// only, or through the membership lookup's SQL function, which carries the setting itself. No
// other source file may name that setting (tests/unit/database-settings.test.ts).
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

// One statement resolves the person, the membership and the workspace together: every request of
// a signed-in person goes through here first, so it is the app's hottest path. It calls
// ph_membership (prisma/migrations/20261206000000_membership_lookup), a SQL function that crosses
// for its own duration only: one round trip, where a crossing transaction would take four. The
// result is typed as the models it reads, so a column added to them fails to compile until it is
// read here too.
export interface MembershipRow {
  member: Omit<Member, "createdAt" | "removedAt">;
  user: Pick<User, "id" | "email" | "name">;
  workspace: Workspace;
}

// The JSON of a row: enums as their names, timestamps as ISO text.
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

export async function findMembership(db: PrismaClient, userId: string, slug: string): Promise<MembershipRow | null> {
  const rows = await db.$queryRaw<{ member: Json<Member>; person: MembershipRow["user"]; workspace: Json<Workspace> }[]>`
    SELECT member, person, workspace FROM ph_membership(${userId}, ${slug})`;
  const r = rows[0];
  if (!r) return null;
  const { member: m, person, workspace: w } = r;
  return {
    member: { id: m.id, workspaceId: m.workspaceId, userId: m.userId, role: m.role, partnerOrgId: m.partnerOrgId },
    user: { id: person.id, email: person.email, name: person.name },
    workspace: {
      id: w.id,
      slug: w.slug,
      name: w.name,
      surveyMode: w.surveyMode,
      confidentialityThreshold: w.confidentialityThreshold,
      cadence: w.cadence,
      cycleOpenDay: w.cycleOpenDay,
      cycleLengthDays: w.cycleLengthDays,
      autoSchedule: w.autoSchedule,
      partnerSeesScores: w.partnerSeesScores,
      partnerSeesTrends: w.partnerSeesTrends,
      partnerSeesComments: w.partnerSeesComments,
      partnerSeesSides: w.partnerSeesSides,
      partnerSeesStatements: w.partnerSeesStatements,
      renewalReviewDays: w.renewalReviewDays,
      createdAt: new Date(w.createdAt),
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

// Slack and Teams messages of every workspace waiting to be posted (server/services/chat/).
export function pendingChatMessages(db: PrismaClient, after: string | null) {
  return acrossWorkspaces(db, (c) =>
    c.chatMessage.findMany({
      where: { sentAt: null, failedAt: null, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, workspaceId: true },
      orderBy: { id: "asc" },
      take: SWEEP_PAGE,
    }),
  );
}

// Webhook deliveries of every workspace waiting for their job (services/webhooks/emit.ts).
export function pendingWebhookDeliveries(db: PrismaClient, after: string | null) {
  return acrossWorkspaces(db, (c) =>
    c.webhookDelivery.findMany({
      where: { status: "PENDING", ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, workspaceId: true, round: true },
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
