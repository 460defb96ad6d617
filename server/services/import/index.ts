// Importing partner organisations, partnerships and people from a spreadsheet: the mapping step,
// the preview and the confirm. Preview and confirm run the same planner on the database as it is
// at that moment; only confirm writes (apply.ts), and only when the plan allows it.
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, conflict } from "../../access/errors";
import { isUniqueViolation } from "../../db/errors";
import { applyPlan, type Progress } from "./apply";
import { FIELDS, IMPORT_KINDS, type ColumnMapping, type ImportKind } from "./kinds";
import { mappingFieldProblems, suggestMapping } from "./mapping";
import { planImport } from "./plan";
import type { ImportPlan, RowAction } from "./plan-types";
import { loadImportState } from "./load-state";

export interface ImportTableInput {
  headers: string[];
  rows: string[][];
}

// The preview sends at most this many messages and changed rows; the counts cover every row.
export const PREVIEW_LIMIT = 500;

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  counts: Record<RowAction, number>;
  // Mapping problems: nothing is planned until they are fixed. `mappingErrors`: the same by field
  // key, for the mapping form to show beside each choice.
  problems: string[];
  mappingErrors: Record<string, string>;
  issues: { row: number; level: "error" | "warning"; message: string }[];
  issuesTotal: number;
  changes: { row: number; action: "create" | "update"; label: string; changes: string[] }[];
  changesTotal: number;
}

export async function rememberedMappings(ctx: WorkspaceCtx): Promise<Partial<Record<ImportKind, ColumnMapping>>> {
  const rows = await ctx.db.importMapping.findMany();
  return Object.fromEntries(
    rows.filter((r) => (IMPORT_KINDS as readonly string[]).includes(r.kind)).map((r) => [r.kind, r.mapping as ColumnMapping]),
  );
}

// The headers matched to fields: the admin's last choice for this kind where the file has those
// headers, then the export's own headers, then common aliases.
export async function mappingFor(ctx: WorkspaceCtx, kind: ImportKind, headers: string[]) {
  const remembered = (await rememberedMappings(ctx))[kind] ?? null;
  return { mapping: suggestMapping(kind, headers, remembered), fields: FIELDS[kind] };
}

function summarise(plan: ImportPlan, found: { field: string; message: string }[] = []): ImportSummary {
  const problems = found.map((p) => p.message);
  const mappingErrors: Record<string, string> = {};
  for (const p of found) mappingErrors[p.field] ??= p.message;
  const issues = plan.rows.flatMap((r) => [
    ...r.errors.map((message) => ({ row: r.row, level: "error" as const, message })),
    ...r.warnings.map((message) => ({ row: r.row, level: "warning" as const, message })),
  ]);
  const changes = plan.rows.flatMap((r) =>
    r.action === "create" || r.action === "update" ? [{ row: r.row, action: r.action, label: r.label, changes: r.changes }] : [],
  );
  return {
    kind: plan.kind,
    rows: plan.rows.length,
    counts: plan.counts,
    problems,
    mappingErrors,
    issues: issues.slice(0, PREVIEW_LIMIT),
    issuesTotal: issues.length,
    changes: changes.slice(0, PREVIEW_LIMIT),
    changesTotal: changes.length,
  };
}

const EMPTY_COUNTS: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };

async function plan(ctx: WorkspaceCtx, kind: ImportKind, table: ImportTableInput, mapping: ColumnMapping) {
  const problems = mappingFieldProblems(kind, table.headers, mapping);
  if (problems.length) return { problems, plan: null };
  const state = await loadImportState(ctx, ctx.db, kind);
  return { problems, plan: planImport(kind, table, mapping, state) };
}

export async function previewImport(ctx: WorkspaceCtx, input: { kind: ImportKind; table: ImportTableInput; mapping: ColumnMapping }) {
  const planned = await plan(ctx, input.kind, input.table, input.mapping);
  if (!planned.plan) {
    return summarise({ kind: input.kind, rows: [], counts: EMPTY_COUNTS }, planned.problems);
  }
  return summarise(planned.plan);
}

export async function confirmImport(
  ctx: WorkspaceCtx,
  input: { kind: ImportKind; table: ImportTableInput; mapping: ColumnMapping; onlyValid: boolean },
  onProgress?: Progress,
): Promise<ImportSummary> {
  const planned = await plan(ctx, input.kind, input.table, input.mapping);
  if (!planned.plan) throw badRequest(`${planned.problems.map((p) => p.message).join(" ")} Nothing was imported.`);
  const errors = planned.plan.rows.flatMap((r) => r.errors);
  if (errors.length && !input.onlyValid) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw badRequest(`${errors[0]}${more} Fix the file, or choose to import only the valid rows. Nothing was imported.`);
  }
  try {
    await applyPlan(ctx, planned.plan, input.mapping, onProgress);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("Someone added some of the same names while this import ran. Preview the file again. Nothing was imported.");
    }
    throw error;
  }
  return summarise(planned.plan);
}
