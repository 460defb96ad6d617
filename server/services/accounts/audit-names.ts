// The audit log's names and positions, without the database: safe for pages and route handlers.
import { AUDIT_ACTIONS, type AuditAction } from "./audit";

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && Object.hasOwn(AUDIT_ACTIONS, value);
export const auditLabel = (action: string) => (isAuditAction(action) ? AUDIT_ACTIONS[action] : action);

// A position in the log: the last event of a page, as "<epoch ms>-<id>".
export const AUDIT_CURSOR = /^(\d{1,15})-([A-Za-z0-9_-]{1,64})$/;

// The longest text filter.
export const AUDIT_TEXT_MAX = 200;
