// The audit log's filters as they travel in the page's address (and the CSV link's): read
// leniently, so a mangled address shows the log with that filter left out rather than an error.
import type { AuditAction } from "~/server/services/accounts/audit";
import { AUDIT_CURSOR, AUDIT_TEXT_MAX, isAuditAction } from "~/server/services/accounts/audit-names";

type Params = Record<string, string | string[] | undefined>;

export interface AuditFiltersInUrl {
  action?: AuditAction;
  memberId?: string;
  from?: string;
  to?: string;
  text?: string;
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

// "2026-12-31", and only a day that exists.
function day(v: string | undefined) {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
}

export function auditSearch(params: Params) {
  const action = one(params.action);
  const person = one(params.person);
  const text = one(params.q)?.trim().slice(0, AUDIT_TEXT_MAX);
  const cursor = one(params.cursor);
  const filters: AuditFiltersInUrl = {
    action: isAuditAction(action) ? action : undefined,
    memberId: person && /^[A-Za-z0-9_-]{1,64}$/.test(person) ? person : undefined,
    from: day(one(params.from)),
    to: day(one(params.to)),
    text: text || undefined,
  };
  return { filters, cursor: cursor && AUDIT_CURSOR.test(cursor) ? cursor : undefined };
}

// The address of the log (or its download) with these filters, and a page position.
export function auditHref(base: string, filters: AuditFiltersInUrl, cursor?: string) {
  const query = new URLSearchParams();
  if (filters.action) query.set("action", filters.action);
  if (filters.memberId) query.set("person", filters.memberId);
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if (filters.text) query.set("q", filters.text);
  if (cursor) query.set("cursor", cursor);
  return query.size ? `${base}?${query}` : base;
}
