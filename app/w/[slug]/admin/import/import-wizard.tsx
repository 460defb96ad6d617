"use client";
// The import in four steps: choose the kind and the file, match its columns, preview what every
// row will do, confirm. Going back keeps the file; choosing another file starts again.
import Link from "next/link";
import { useState } from "react";
import type { ImportSummary } from "~/server/services/import/index";
import { KIND_LABEL, type ColumnMapping, type ImportKind } from "~/server/services/import/kinds";
import { IMPORT_MAX_FILE_BYTES, megabytes } from "~/server/services/import/limits";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import { SelectField } from "../../../../_components/field";
import { MappingStep } from "./mapping-step";
import { PreviewStep } from "./preview-step";
import { ProgressBar } from "./progress-bar";
import { confirmFile, previewFile, readFile, type ReadResult } from "./upload";

const KIND_OPTIONS: { value: ImportKind; label: string }[] = [
  { value: "partnerOrgs", label: "Partner organisations" },
  { value: "partnerships", label: "Partnerships" },
  { value: "people", label: "People (invited when you confirm)" },
];

type Stage =
  | { at: "choose" }
  | { at: "map"; read: ReadResult; problems?: Record<string, string> }
  | { at: "preview"; read: ReadResult; summary: ImportSummary }
  | { at: "importing"; done: number; total: number }
  | { at: "done"; summary: ImportSummary };

export function ImportWizard({ slug }: { slug: string }) {
  const [kind, setKind] = useState<ImportKind>("partnerOrgs");
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ at: "choose" });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [onlyValid, setOnlyValid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; message: string }>, then: (value: T) => void) {
    setBusy(true);
    setError(null);
    const outcome = await work();
    setBusy(false);
    if (outcome.ok) then(outcome.value);
    else setError(outcome.message);
  }

  function read(chosen: File | null, forKind = kind) {
    setFile(chosen);
    setStage({ at: "choose" });
    setOnlyValid(false);
    if (!chosen) return;
    void run(
      () => readFile({ slug, kind: forKind, file: chosen }),
      (result) => {
        setMapping(result.mapping);
        setStage({ at: "map", read: result });
      },
    );
  }

  function preview(read: ReadResult, chosen: ColumnMapping) {
    void run(
      () => previewFile({ slug, kind, file: file!, mapping: chosen }),
      // A mapping the server cannot plan with goes back to the mapping, each problem beside its field.
      (summary) =>
        setStage(summary.problems.length ? { at: "map", read, problems: summary.mappingErrors } : { at: "preview", read, summary }),
    );
  }

  function confirm() {
    // Refused or failed, the admin is back at the preview with the reason; nothing was written.
    const back = stage;
    setStage({ at: "importing", done: 0, total: 0 });
    void run(
      () => confirmFile({ slug, kind, file: file!, mapping, onlyValid }, (done, total) => setStage({ at: "importing", done, total })),
      (summary) => setStage({ at: "done", summary }),
    ).then(() => setStage((s) => (s.at === "importing" ? back : s)));
  }

  return (
    <Card
      title="Import from a file"
      description={`CSV (comma, semicolon or tab) or Excel .xlsx, up to ${megabytes(IMPORT_MAX_FILE_BYTES)}.`}
    >
      <div className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="What the file holds"
            value={kind}
            options={KIND_OPTIONS}
            disabled={busy || stage.at === "importing"}
            onChange={(e) => {
              const next = e.target.value as ImportKind;
              setKind(next);
              if (file) read(file, next);
            }}
          />
          <div className="space-y-1">
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
              File
            </label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy || stage.at === "importing"}
              onChange={(e) => read(e.target.files?.[0] ?? null)}
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
            />
          </div>
        </div>
        <Alert tone="error">{error}</Alert>
        {busy && stage.at !== "importing" ? <p className="text-sm text-slate-500">Reading the file…</p> : null}

        {stage.at === "map" ? (
          <MappingStep
            read={stage.read}
            mapping={mapping}
            onChange={(next) => {
              setMapping(next);
              if (stage.problems) setStage({ at: "map", read: stage.read });
            }}
            busy={busy}
            onPreview={() => preview(stage.read, mapping)}
            problems={stage.problems}
          />
        ) : null}

        {stage.at === "preview" ? (
          <PreviewStep
            summary={stage.summary}
            onlyValid={onlyValid}
            onOnlyValid={setOnlyValid}
            busy={busy}
            onBack={() => setStage({ at: "map", read: stage.read })}
            onConfirm={confirm}
          />
        ) : null}

        {stage.at === "importing" ? <ProgressBar done={stage.done} total={stage.total} /> : null}

        {stage.at === "done" ? (
          <div className="space-y-3">
            <Alert tone="success">
              Imported {KIND_LABEL[stage.summary.kind]}: {stage.summary.counts.create} created, {stage.summary.counts.update} updated,{" "}
              {stage.summary.counts.unchanged + stage.summary.counts.skip} left unchanged
              {stage.summary.counts.error ? `, ${stage.summary.counts.error} rows with errors left out` : ""}.
            </Alert>
            <p className="text-sm">
              {stage.summary.kind === "people" ? (
                <>
                  <Link href={`/w/${slug}/admin/members?status=invited`} className="text-brand-700 hover:underline">
                    See the pending invitations
                  </Link>{" "}
                  or{" "}
                  <Link href={`/w/${slug}/admin/members`} className="text-brand-700 hover:underline">
                    the members
                  </Link>
                </>
              ) : (
                <Link href={`/w/${slug}/admin/partners`} className="text-brand-700 hover:underline">
                  See the partners and partnerships
                </Link>
              )}
            </p>
            <Button variant="secondary" onClick={() => read(null)}>
              Import another file
            </Button>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
