// The planners: a file's rows, mapped to fields, compared with the workspace (a snapshot, see
// state.ts), give what each row will do and every error and warning in words. Pure: the preview
// shows what the same function decides at confirm, on the database as it is then.
import { FIELDS, type ColumnMapping, type ImportKind } from "./kinds";
import { mappedRows } from "./mapping";
import type { ImportPlan, PlannedRow, Row, RowAction, RowOutcome } from "./plan-types";
import { planOrgRow } from "./plan-orgs";
import { planPartnershipRow } from "./plan-partnerships";
import { planPersonRow } from "./plan-people";
import type { ImportState } from "./state";
import { looksLikeFormula, unneutralised } from "./values";
import { matchKey } from "./text-match";

const PLANNERS: Record<ImportKind, (row: Row, state: ImportState, at: string) => RowOutcome> = {
  partnerOrgs: planOrgRow,
  partnerships: planPartnershipRow,
  people: planPersonRow,
};

// The field a row is matched on: name, or email for people.
const KEY_FIELD: Record<ImportKind, string> = { partnerOrgs: "name", partnerships: "name", people: "email" };

export function planImport(
  kind: ImportKind,
  table: { headers: string[]; rows: string[][] },
  mapping: ColumnMapping,
  state: ImportState,
): ImportPlan {
  const fields = FIELDS[kind];
  const seen = new Map<string, { row: number; signature: string }>();
  const rows = mappedRows(kind, table.headers, table.rows, mapping).map((raw, i): PlannedRow => {
    const rowNumber = i + 2;
    const at = `row ${rowNumber}`;
    const formulaErrors: string[] = [];
    const row: Row = {};
    for (const f of fields) {
      const value = unneutralised(raw[f.key] ?? "");
      if (looksLikeFormula(value)) {
        formulaErrors.push(
          `${at}: the ${f.header} '${value}' starts with '${value[0]}', which a spreadsheet would run as a formula; remove that character.`,
        );
      }
      row[f.key] = value;
    }
    const label = row[KEY_FIELD[kind]] ?? "";
    if (formulaErrors.length)
      return { row: rowNumber, label, action: "error", errors: formulaErrors, warnings: [], changes: [], write: null };

    // The same partner, partnership or person twice in one file: the first row counts.
    const key = kind === "people" ? label.toLowerCase() : matchKey(label);
    const signature = JSON.stringify(fields.map((f) => matchKey(row[f.key] ?? "")));
    const earlier = key ? seen.get(key) : undefined;
    if (earlier) {
      if (earlier.signature === signature) {
        return {
          row: rowNumber,
          label,
          action: "skip",
          errors: [],
          warnings: [`${at} repeats row ${earlier.row} and is skipped.`],
          changes: [],
          write: null,
        };
      }
      return {
        row: rowNumber,
        label,
        action: "error",
        errors: [`${at}: '${label}' is also on row ${earlier.row}, with different values; keep one of the two rows.`],
        warnings: [],
        changes: [],
        write: null,
      };
    }
    if (key) seen.set(key, { row: rowNumber, signature });
    const outcome = PLANNERS[kind](row, state, at);
    return { row: rowNumber, ...outcome, action: outcome.errors.length ? "error" : outcome.action };
  });
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return { kind, rows, counts };
}
