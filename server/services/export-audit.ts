// The audit log's record of a download: which export, of what, in which format, with which
// filters. An export changes nothing, so the record is written once the data is read and about
// to be sent; a refused download records nothing. Each export's procedure writes it (not the page
// that links to it), so a download by any road is recorded.
import type { Prisma } from "../db/generated/client";
import type { WorkspaceCtx } from "../access/context";
import { audit } from "./accounts/audit";
import { auditSource } from "./accounts/audit-source";

export type ExportKind =
  | "portfolio"
  | "retro-summary"
  | "partnership-history"
  | "scorecard-report"
  | "audit-log"
  | "partner-organisations"
  | "partnerships"
  | "people";
export type ExportFormat = "csv" | "markdown" | "print";

const FORMAT_WORD: Record<ExportFormat, string> = { csv: "CSV", markdown: "Markdown", print: "print" };

// Filters as "tier STRATEGIC, band AT_RISK"; empty values are left out.
export function filterWords(filters: Record<string, unknown>): string {
  return Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${k} ${v instanceof Date ? v.toISOString().slice(0, 10) : String(v)}`)
    .join(", ");
}

export async function auditExport(
  ctx: Pick<WorkspaceCtx, "db" | "user" | "address">,
  e: {
    kind: ExportKind;
    format: ExportFormat;
    what: string;
    filters?: Record<string, unknown>;
    detail?: Record<string, Prisma.InputJsonValue>;
  },
) {
  const filtered = e.filters ? filterWords(e.filters) : "";
  await audit(ctx.db, {
    action: "export.downloaded",
    ...auditSource(ctx),
    target: `${e.what} (${FORMAT_WORD[e.format]})${filtered ? `, filtered by ${filtered}` : ""}`,
    detail: {
      export: e.kind,
      format: e.format,
      ...(filtered ? { filters: JSON.parse(JSON.stringify(e.filters)) as Prisma.InputJsonValue } : {}),
      ...e.detail,
    },
  });
}
