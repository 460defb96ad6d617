// The audit log as CSV text, one row per event, in the order read (newest first). Pure, so the
// route handler streams it batch by batch and tests read it without a server. Times are ISO 8601
// in UTC; details are the event's JSON as recorded.
import { csvLine } from "../csv/write";
import type { AuditEventView } from "./audit-log";

export const AUDIT_CSV_HEADER = [
  "time (UTC)",
  "event",
  "event code",
  "by",
  "by email",
  "about",
  "about email",
  "what",
  "email",
  "address",
  "account event",
  "details",
];

export const auditCsvHeader = () => csvLine(AUDIT_CSV_HEADER);

export function auditCsvRows(events: AuditEventView[]): string {
  let out = "";
  for (const e of events) {
    out += csvLine([
      e.at.toISOString(),
      e.label,
      e.action,
      e.actor?.name ?? null,
      e.actor?.email ?? null,
      e.subject?.name ?? null,
      e.subject?.email ?? null,
      e.target,
      e.email,
      e.address,
      e.account ? "yes" : "no",
      e.detail === null ? null : JSON.stringify(e.detail),
    ]);
  }
  return out;
}
