// What the import will do, before anything is written: the counts, every row's errors and
// warnings in words, and what changes. Confirming with errors needs the admin's choice to import
// only the valid rows.
import clsx from "clsx";
import type { ImportSummary } from "~/server/services/import/index";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";

export function PreviewStep({
  summary,
  onlyValid,
  onOnlyValid,
  busy,
  onBack,
  onConfirm,
}: {
  summary: ImportSummary;
  onlyValid: boolean;
  onOnlyValid: (value: boolean) => void;
  busy: boolean;
  onBack: () => void;
  onConfirm: () => void;
}) {
  if (summary.problems.length) {
    return (
      <div className="space-y-3">
        <Alert tone="error">
          <ul className="list-disc space-y-1 pl-4">
            {summary.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
        <Button variant="secondary" onClick={onBack}>
          Change the mapping
        </Button>
      </div>
    );
  }
  const { counts } = summary;
  const writes = counts.create + counts.update;
  const blocked = counts.error > 0 && !onlyValid;
  const figures = [
    { label: "to create", value: counts.create },
    { label: "to update", value: counts.update },
    { label: "unchanged", value: counts.unchanged + counts.skip },
    { label: "with errors", value: counts.error, bad: counts.error > 0 },
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="What the import will do">
        {figures.map((f) => (
          <div key={f.label} className={clsx("rounded-md p-3 ring-1", f.bad ? "bg-red-50 ring-red-200" : "bg-slate-50 ring-slate-200")}>
            <dt className="text-xs text-slate-500">{f.label}</dt>
            <dd className="text-xl font-semibold tabular-nums text-slate-900">{f.value.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>

      {summary.issuesTotal ? (
        <section aria-label="Errors and warnings">
          <h3 className="mb-1 text-sm font-medium text-slate-800">Errors and warnings</h3>
          <ul className="max-h-72 space-y-1 overflow-y-auto text-sm">
            {summary.issues.map((issue, i) => (
              <li key={i} className={issue.level === "error" ? "text-red-700" : "text-amber-800"}>
                <span className="sr-only">{issue.level === "error" ? "Error: " : "Warning: "}</span>
                {issue.message}
              </li>
            ))}
          </ul>
          {summary.issuesTotal > summary.issues.length ? (
            <p className="text-xs text-slate-500">and {summary.issuesTotal - summary.issues.length} more.</p>
          ) : null}
        </section>
      ) : null}

      {summary.changesTotal ? (
        <section aria-label="Changes">
          <h3 className="mb-1 text-sm font-medium text-slate-800">What changes</h3>
          <ul className="max-h-72 space-y-1 overflow-y-auto text-sm text-slate-700">
            {summary.changes.map((c) => (
              <li key={c.row}>
                row {c.row}: {c.action === "create" ? "new" : "update"} <span className="font-medium">{c.label}</span>
                {c.changes.length ? ` — ${c.changes.join("; ")}` : ""}
              </li>
            ))}
          </ul>
          {summary.changesTotal > summary.changes.length ? (
            <p className="text-xs text-slate-500">and {summary.changesTotal - summary.changes.length} more.</p>
          ) : null}
        </section>
      ) : null}

      {counts.error ? (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={onlyValid} onChange={(e) => onOnlyValid(e.target.checked)} />
          Import only the valid rows, leaving out the {counts.error} with errors
        </label>
      ) : null}
      {writes === 0 && !counts.error ? <Alert>Nothing to import: every row matches what is already here.</Alert> : null}

      <div className="flex flex-wrap gap-2">
        <Button onClick={onConfirm} disabled={busy || blocked || writes === 0}>
          Import {writes.toLocaleString("en")} {writes === 1 ? "row" : "rows"}
        </Button>
        <Button variant="secondary" onClick={onBack} disabled={busy}>
          Change the mapping
        </Button>
      </div>
      {blocked ? (
        <p className="text-sm text-slate-600">Fix the rows with errors and choose the file again, or import only the valid rows.</p>
      ) : null}
    </div>
  );
}
