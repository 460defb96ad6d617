// Reading the audit log. A workspace's admins read its own events (invitations, member changes,
// settings, sharing, exports) together with the account-level events (sign-ins and failures,
// password and email changes, sessions ended) of its members, current and former, while they were
// members: from the day they joined to the day they left, and not while they were away between a
// removal and a later return. A person reads their own account-level events on their account page.
//
// Everything a workspace reads goes through its scoped client ($queryScoped with ${WORKSPACE}):
// the workspace is never an argument, so no caller can read another's. Newest first, paged by a
// cursor on (time, id) so an event written while someone pages never shifts a page.
import { Prisma, type PrismaClient } from "../../db/generated/client";
import { accountEventsOf } from "../../db/cross-workspace";
import { byId, WORKSPACE, type TenantClient } from "../../db/tenant";
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, notFound } from "../../access/errors";
import { auditExport } from "../export-audit";
import { AUDIT_ACTIONS, type AuditAction } from "./audit";
import { AUDIT_CURSOR, auditLabel } from "./audit-names";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_BATCH = 500;

// The events that open a membership again after a removal, and the one that ends it.
const JOIN_ACTIONS: AuditAction[] = ["invitation.accepted", "sso.joined"];
const LEAVE_ACTION: AuditAction = "member.removed";

export interface AuditFilters {
  action?: AuditAction;
  // Events done by or about this person (a user id).
  userId?: string;
  // Calendar days, midnight UTC, both included.
  from?: Date;
  to?: Date;
  // Words anywhere in the event: what it was about, the people, the address, its details, its name.
  text?: string;
}

interface Cursor {
  at: Date;
  id: string;
}
const cursorOf = (e: { at: Date; id: string }) => `${e.at.getTime()}-${e.id}`;
function parseCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  const match = AUDIT_CURSOR.exec(cursor);
  if (!match) throw badRequest("This page of the audit log is not valid; start again from the newest events.");
  return { at: new Date(Number(match[1])), id: match[2]! };
}

export interface Person {
  name: string;
  email: string;
}

export interface AuditEventView {
  id: string;
  at: Date;
  action: string;
  label: string;
  // An account's event (a sign-in, a password change) rather than a change in the workspace.
  account: boolean;
  // Who did it (null: nobody signed in, such as a failed sign-in), and whom it was about.
  actor: Person | null;
  subject: Person | null;
  email: string | null;
  target: string | null;
  detail: Prisma.JsonValue;
  address: string | null;
}

interface Row {
  id: string;
  action: string;
  account: boolean;
  email: string | null;
  target: string | null;
  detail: Prisma.JsonValue;
  address: string | null;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  subjectName: string | null;
  subjectEmail: string | null;
}

const person = (name: string | null, email: string | null): Person | null => (name !== null && email !== null ? { name, email } : null);

const view = (r: Row): AuditEventView => ({
  id: r.id,
  at: r.createdAt,
  action: r.action,
  label: auditLabel(r.action),
  account: r.account,
  actor: person(r.actorName, r.actorEmail),
  subject: person(r.subjectName, r.subjectEmail),
  email: r.email,
  target: r.target,
  detail: r.detail,
  address: r.address,
});

const DAY_MS = 86_400_000;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// The filters as SQL on the event `e`, its actor `a` and its subject `s`.
function conditions(f: AuditFilters, cursor: Cursor | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.action) parts.push(Prisma.sql`e.action = ${f.action}`);
  if (f.userId) parts.push(Prisma.sql`(e."actorUserId" = ${f.userId} OR e."userId" = ${f.userId})`);
  if (f.from) parts.push(Prisma.sql`e."createdAt" >= ${f.from}`);
  if (f.to) parts.push(Prisma.sql`e."createdAt" < ${new Date(f.to.getTime() + DAY_MS)}`);
  if (f.text) {
    const pattern = `%${escapeLike(f.text)}%`;
    const needle = f.text.toLowerCase();
    // The actions whose name reads like the words ("settings" finds "Settings changed").
    const named = Object.entries(AUDIT_ACTIONS)
      .filter(([key, label]) => label.toLowerCase().includes(needle) || key.includes(needle))
      .map(([key]) => key);
    parts.push(Prisma.sql`(concat_ws(' ', e.target, e.email, e.address, e.detail::text, a.name, a.email, s.name, s.email) ILIKE ${pattern}
      OR e.action = ANY(${named}::text[]))`);
  }
  if (cursor) parts.push(Prisma.sql`(e."createdAt", e.id) < (${cursor.at}, ${cursor.id})`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

const COLUMNS = Prisma.sql`e.id, e.action, e.email, e.target, e.detail, e.address, e."createdAt",
  a.name AS "actorName", a.email AS "actorEmail", s.name AS "subjectName", s.email AS "subjectEmail"`;
const PEOPLE = Prisma.sql`LEFT JOIN "User" a ON a.id = e."actorUserId" LEFT JOIN "User" s ON s.id = e."userId"`;

// One page of the workspace's log, newest first: its own events, and its members' account events
// while they were members. Each half is limited before the two are merged, so a page reads at most
// `take` rows of each.
async function readLog(db: TenantClient, f: AuditFilters, cursor: Cursor | null, take: number): Promise<Row[]> {
  const where = conditions(f, cursor);
  return db.$queryScoped<Row[]>`
    SELECT * FROM (
      (SELECT ${COLUMNS}, false AS account FROM "AuditEvent" e ${PEOPLE}
        WHERE e."workspaceId" = ${WORKSPACE} ${where}
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${take})
      UNION ALL
      (SELECT ${COLUMNS}, true AS account FROM "Member" m
        JOIN "AccountAuditEvent" e ON e."userId" = m."userId"
          AND e."createdAt" >= m."createdAt" AND (m."removedAt" IS NULL OR e."createdAt" <= m."removedAt")
        ${PEOPLE}
        WHERE m."workspaceId" = ${WORKSPACE} ${where}
          -- Not while they were away: after a removal and before the invitation (or SSO rule)
          -- that brought them back.
          AND NOT EXISTS (
            SELECT 1 FROM "AuditEvent" r
            WHERE r."workspaceId" = ${WORKSPACE} AND r."userId" = e."userId" AND r.action = ${LEAVE_ACTION}
              AND r."createdAt" < e."createdAt"
              AND NOT EXISTS (
                SELECT 1 FROM "AuditEvent" j
                WHERE j."workspaceId" = ${WORKSPACE} AND j."userId" = e."userId" AND j.action = ANY(${JOIN_ACTIONS}::text[])
                  AND j."createdAt" >= r."createdAt" AND j."createdAt" <= e."createdAt"))
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${take})
    ) x
    ORDER BY x."createdAt" DESC, x.id DESC
    LIMIT ${take}`;
}

async function page(db: TenantClient, f: AuditFilters, after: string | undefined, size: number) {
  const rows = await readLog(db, f, parseCursor(after), size + 1);
  const events = rows.slice(0, size).map(view);
  return { events, next: rows.length > size ? cursorOf(events.at(-1)!) : null };
}

// The filters as the page sends them: the person as a member id of this workspace (current or
// former), turned into the account the events name.
export interface AuditQuery {
  action?: AuditAction;
  memberId?: string;
  from?: Date;
  to?: Date;
  text?: string;
}

async function resolve(ctx: WorkspaceCtx, q: AuditQuery): Promise<AuditFilters & { personName?: string }> {
  if (q.from && q.to && q.from > q.to) throw badRequest("The first day is after the last day: swap them, or clear one.");
  const text = q.text?.trim() || undefined;
  if (!q.memberId) return { action: q.action, from: q.from, to: q.to, text };
  const member = await ctx.db.member.findUnique({
    where: byId(ctx.db, q.memberId),
    select: { userId: true, user: { select: { name: true } } },
  });
  if (!member) throw notFound("Person");
  return { action: q.action, userId: member.userId, personName: member.user.name, from: q.from, to: q.to, text };
}

export async function listWorkspaceEvents(ctx: WorkspaceCtx, q: AuditQuery & { cursor?: string }) {
  const { events, next } = await page(ctx.db, await resolve(ctx, q), q.cursor, AUDIT_PAGE_SIZE);
  return { events, nextCursor: next };
}

// The people the log can be filtered by: everyone who has been a member, current members first.
export async function listAuditPeople(ctx: WorkspaceCtx) {
  const members = await ctx.db.member.findMany({
    select: { id: true, removedAt: true, user: { select: { name: true, email: true } } },
  });
  return members
    .map((m) => ({ memberId: m.id, name: m.user.name, email: m.user.email, former: m.removedAt !== null }))
    .sort((x, y) => Number(x.former) - Number(y.former) || x.name.localeCompare(y.name) || x.email.localeCompare(y.email));
}

// One batch of the CSV download of the filtered log (admin/audit/export streams them). The first
// batch records the download itself, after reading, so the file never lists its own download.
export async function exportWorkspaceEvents(ctx: WorkspaceCtx, q: AuditQuery & { after?: string }) {
  const { personName, ...filters } = await resolve(ctx, q);
  const batch = await page(ctx.db, filters, q.after, AUDIT_EXPORT_BATCH);
  if (!q.after) {
    await auditExport(ctx, {
      kind: "audit-log",
      format: "csv",
      what: "Audit log",
      filters: {
        action: filters.action ? AUDIT_ACTIONS[filters.action] : undefined,
        person: personName,
        from: filters.from,
        to: filters.to,
        text: filters.text,
      },
    });
  }
  return batch;
}

export interface AccountEventView {
  id: string;
  at: Date;
  action: string;
  label: string;
  email: string | null;
  target: string | null;
  detail: Prisma.JsonValue;
  address: string | null;
}

// A person's own account-level events (sign-ins and failures, password and email changes,
// sessions ended), newest first, for their account page.
export async function listAccountEvents(db: PrismaClient, userId: string, { cursor }: { cursor?: string } = {}) {
  const rows = await accountEventsOf(db, userId, parseCursor(cursor), AUDIT_PAGE_SIZE + 1);
  const events: AccountEventView[] = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
    id: r.id,
    at: r.createdAt,
    action: r.action,
    label: auditLabel(r.action),
    email: r.email,
    target: r.target,
    detail: r.detail,
    address: r.address,
  }));
  return { events, nextCursor: rows.length > AUDIT_PAGE_SIZE ? cursorOf(events.at(-1)!) : null };
}
