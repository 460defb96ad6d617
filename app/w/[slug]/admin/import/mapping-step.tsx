// Which column of the file feeds each field. Matched automatically (the admin's last choice for
// this kind first); the choice is remembered when the import is confirmed. A preview refused for
// the mapping comes back here, with each problem beside its choice.
import type { ColumnMapping } from "~/server/services/import/kinds";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { SelectField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import type { ReadResult } from "./upload";

const NONE = "";

export function MappingStep({
  read,
  mapping,
  onChange,
  busy,
  onPreview,
  problems = {},
}: {
  read: ReadResult;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  busy: boolean;
  onPreview: () => void;
  // By field key, from the last preview.
  problems?: Record<string, string>;
}) {
  const errors = useFormErrors(
    null,
    read.fields.map((f) => f.key),
    problems,
  );
  const sampleOf = (header: string | undefined) => {
    const i = header ? read.headers.indexOf(header) : -1;
    return i < 0
      ? null
      : read.sample
          .map((row) => row[i] ?? "")
          .filter(Boolean)
          .slice(0, 2)
          .join(", ");
  };
  return (
    <div id={errors.formId} className="space-y-4">
      <p className="text-sm text-slate-600">
        {read.fileName}: {read.rowCount.toLocaleString("en")} rows ({read.format}). Match its columns:
      </p>
      <Alert tone="error">{errors.summary}</Alert>
      <div className="grid gap-4 sm:grid-cols-2">
        {read.fields.map((f) => {
          const sample = sampleOf(mapping[f.key]);
          return (
            <SelectField
              key={f.key}
              label={`${f.header}${f.required ? " (required)" : ""}`}
              hint={sample ? `For example: ${sample}` : undefined}
              error={errors.field(f.key)}
              value={mapping[f.key] ?? NONE}
              options={[{ value: NONE, label: "— not in the file —" }, ...read.headers.map((h) => ({ value: h, label: h }))]}
              onChange={(e) => {
                const next = { ...mapping };
                if (e.target.value === NONE) delete next[f.key];
                else next[f.key] = e.target.value;
                onChange(next);
              }}
            />
          );
        })}
      </div>
      <Button onClick={onPreview} disabled={busy}>
        Preview the import
      </Button>
    </div>
  );
}
