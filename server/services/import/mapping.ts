// The column mapping: which header of the file feeds which field. Headers are matched
// automatically (the export's own header first, then common aliases); a mapping the admin chose
// before is used again when the file has those headers.
import { FIELDS, type ColumnMapping, type ImportKind } from "./kinds";
import { headerKey } from "./text-match";

export function suggestMapping(kind: ImportKind, headers: string[], remembered?: ColumnMapping | null): ColumnMapping {
  const present = new Map(headers.map((h) => [headerKey(h), h]));
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  const take = (field: string, header: string | undefined) => {
    if (header === undefined || used.has(header) || mapping[field]) return;
    mapping[field] = header;
    used.add(header);
  };
  // Remembered choices first, where the file still has that header.
  for (const [field, header] of Object.entries(remembered ?? {})) {
    if (FIELDS[kind].some((f) => f.key === field)) take(field, headers.includes(header) ? header : undefined);
  }
  for (const f of FIELDS[kind]) take(f.key, present.get(headerKey(f.header)) ?? present.get(headerKey(f.key)));
  for (const f of FIELDS[kind]) for (const alias of f.aliases) take(f.key, present.get(headerKey(alias)));
  return mapping;
}

// What is wrong with a mapping before any row is read: a required field without a column, a
// column that is not in the file, one column feeding two fields.
export function mappingProblems(kind: ImportKind, headers: string[], mapping: ColumnMapping): string[] {
  return mappingFieldProblems(kind, headers, mapping).map((p) => p.message);
}

// The same problems by the field they are about, so the mapping form shows each beside its choice.
export function mappingFieldProblems(kind: ImportKind, headers: string[], mapping: ColumnMapping): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Map<string, string>();
  for (const f of FIELDS[kind]) {
    const header = mapping[f.key];
    const problem = (message: string) => problems.push({ field: f.key, message });
    if (!header) {
      if (f.required) problem(`Choose the column that holds "${f.header}": every row needs one.`);
      continue;
    }
    if (!headers.includes(header)) problem(`The file has no column "${header}" (chosen for "${f.header}").`);
    const other = seen.get(header);
    if (other) problem(`The column "${header}" is chosen for both "${other}" and "${f.header}"; choose one column for each.`);
    seen.set(header, f.header);
  }
  return problems;
}

// Each row as an object keyed by field, trimmed; a field without a column is "".
export function mappedRows(kind: ImportKind, headers: string[], rows: string[][], mapping: ColumnMapping) {
  const index = FIELDS[kind].map((f) => [f.key, mapping[f.key] ? headers.indexOf(mapping[f.key]!) : -1] as const);
  return rows.map((row) => Object.fromEntries(index.map(([key, i]) => [key, i >= 0 ? (row[i] ?? "").trim() : ""])));
}
