"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../_components/alert";
import { Button } from "../../../_components/button";
import { Card } from "../../../_components/card";
import { TextField } from "../../../_components/field";
import { fieldErrorsOf } from "../../../_lib/use-form-errors";
import { MAX_PILLARS, MAX_STATEMENTS, MAX_TEXT, MAX_WEIGHT, MIN_WEIGHT } from "./limits";

export interface EditableFramework {
  version: number;
  pillars: { key: string; name: string; description: string; weight: number; statements: { key: string; text: string }[] }[];
}

// `id` is the editor's own, for React keys and focus; `key` is the stored key, absent when new.
interface DraftStatement {
  id: string;
  key?: string;
  text: string;
}
interface DraftPillar {
  id: string;
  key?: string;
  name: string;
  description: string;
  // Kept as typed, so a half-typed "0." is not turned into 0 under the person's cursor.
  weight: string;
  statements: DraftStatement[];
}

let nextId = 0;
const newId = () => `draft-${++nextId}`;

const toDraft = (framework: EditableFramework): DraftPillar[] =>
  framework.pillars.map((p) => ({
    id: newId(),
    key: p.key,
    name: p.name,
    description: p.description,
    weight: String(p.weight),
    statements: p.statements.map((s) => ({ id: newId(), key: s.key, text: s.text })),
  }));

const parseWeight = (weight: string) => Number(weight.trim().replace(",", "."));

// Field id -> message, in the order the fields appear, so the first one can take focus.
function problems(pillars: DraftPillar[]): Map<string, string> {
  const found = new Map<string, string>();
  const names = new Set<string>();
  for (const p of pillars) {
    const name = p.name.trim();
    if (!name) found.set(`${p.id}:name`, "Name the pillar.");
    else if (names.has(name.toLocaleLowerCase())) found.set(`${p.id}:name`, `Another pillar is already named "${name}".`);
    else if (name.length > MAX_TEXT) found.set(`${p.id}:name`, `Keep the name to ${MAX_TEXT} characters or fewer.`);
    names.add(name.toLocaleLowerCase());
    if (p.description.trim().length > MAX_TEXT)
      found.set(`${p.id}:description`, `Keep the description to ${MAX_TEXT} characters or fewer.`);
    const weight = parseWeight(p.weight);
    if (!p.weight.trim() || !Number.isFinite(weight) || weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
      found.set(`${p.id}:weight`, `Enter a number from ${MIN_WEIGHT} to ${MAX_WEIGHT}.`);
    }
    for (const s of p.statements) {
      const text = s.text.trim();
      if (!text) found.set(s.id, "Write the statement, or remove it.");
      else if (text.length > MAX_TEXT) found.set(s.id, `Keep the statement to ${MAX_TEXT} characters or fewer.`);
    }
  }
  return found;
}

// The server's sentences (by input path, "pillars.1.statements.2.text") placed on the editor's own
// fields, in the order they appear.
function serverProblems(error: unknown, pillars: DraftPillar[]): Map<string, string> {
  const byPath = fieldErrorsOf(error);
  const found = new Map<string, string>();
  pillars.forEach((p, i) => {
    for (const part of ["name", "weight", "description"] as const) {
      const sentence = byPath[`pillars.${i}.${part}`];
      if (sentence) found.set(`${p.id}:${part}`, sentence);
    }
    p.statements.forEach((statement, j) => {
      const sentence = byPath[`pillars.${i}.statements.${j}.text`];
      if (sentence) found.set(statement.id, sentence);
    });
  });
  return found;
}

// The framework as read, with an "Edit framework" mode for admins. `children` is the read-only
// view the server rendered.
export function FrameworkEditor({ slug, framework, children }: { slug: string; framework: EditableFramework; children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const view = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);

  // Leaving the editor puts focus back on the button that opened it.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      view.current?.querySelector<HTMLElement>("[data-focus=edit]")?.focus();
    }
  }, [editing]);

  function close(message: string | null) {
    setSaved(message);
    returnFocus.current = true;
    setEditing(false);
  }

  if (editing) {
    return (
      <EditForm
        key={framework.version}
        slug={slug}
        framework={framework}
        onCancel={() => close(null)}
        onSaved={(version, draftCycles) =>
          close(
            `Saved as version ${version}.` +
              (draftCycles.length
                ? ` ${draftCycles.length === 1 ? "The draft cycle" : "The draft cycles"} ${draftCycles.join(", ")} will use it.`
                : ""),
          )
        }
      />
    );
  }
  return (
    <div ref={view} className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          data-focus="edit"
          onClick={() => {
            setSaved(null);
            setEditing(true);
          }}
        >
          Edit framework
        </Button>
        <p className="text-sm text-slate-600">Rename or reword statements, add or remove statements and pillars, change weights.</p>
      </div>
      <Alert tone="success">{saved}</Alert>
      {children}
    </div>
  );
}

function EditForm({
  slug,
  framework,
  onCancel,
  onSaved,
}: {
  slug: string;
  framework: EditableFramework;
  onCancel: () => void;
  onSaved: (version: number, draftCycles: string[]) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [pillars, setPillars] = useState(() => toDraft(framework));
  const [checked, setChecked] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The field to focus once the next render is on screen; the heading when the editor opens.
  const pendingFocus = useRef<string | null>("heading");
  const save = useMutation(
    trpc.framework.update.mutationOptions({
      onSuccess: (result) => {
        router.refresh();
        onSaved(result.version, result.draftCycles);
      },
    }),
  );

  const focus = (field: string) => formRef.current?.querySelector<HTMLElement>(`[data-focus="${field}"]`)?.focus();

  // Adding or removing a field moves focus to where the person is working, not back to the top.
  useEffect(() => {
    if (!pendingFocus.current) return;
    focus(pendingFocus.current);
    pendingFocus.current = null;
  });

  const local = checked ? problems(pillars) : new Map<string, string>();
  const placed = serverProblems(save.error, pillars);
  const errors = local.size > 0 ? local : placed;
  const firstPlaced = placed.keys().next().value;

  // A refusal from the server about one field: focus goes there, as for the editor's own checks.
  useEffect(() => {
    if (firstPlaced) focus(firstPlaced);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new refusal arrives
  }, [save.error]);
  const next = framework.version + 1;
  const total = pillars.reduce((sum, p) => {
    const w = parseWeight(p.weight);
    return sum + (Number.isFinite(w) && w > 0 ? w : 0);
  }, 0);

  const setPillar = (id: string, change: (p: DraftPillar) => DraftPillar) =>
    setPillars((all) => all.map((p) => (p.id === id ? change(p) : p)));

  function addPillar() {
    const pillar: DraftPillar = { id: newId(), name: "", description: "", weight: "1", statements: [{ id: newId(), text: "" }] };
    setPillars((all) => [...all, pillar]);
    pendingFocus.current = `${pillar.id}:name`;
  }

  function removePillar(index: number) {
    const rest = pillars.filter((_, i) => i !== index);
    setPillars(rest);
    pendingFocus.current = rest[index] ? `${rest[index].id}:name` : "add-pillar";
  }

  function addStatement(pillar: DraftPillar) {
    const statement = { id: newId(), text: "" };
    setPillar(pillar.id, (p) => ({ ...p, statements: [...p.statements, statement] }));
    pendingFocus.current = statement.id;
  }

  function removeStatement(pillar: DraftPillar, index: number) {
    const rest = pillar.statements.filter((_, i) => i !== index);
    setPillar(pillar.id, (p) => ({ ...p, statements: rest }));
    pendingFocus.current = (rest[index] ?? rest[index - 1])!.id;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    const found = problems(pillars);
    if (found.size > 0) {
      focus(found.keys().next().value!);
      return;
    }
    save.mutate({
      workspaceSlug: slug,
      baseVersion: framework.version,
      pillars: pillars.map((p) => ({
        key: p.key,
        name: p.name.trim(),
        description: p.description.trim(),
        weight: parseWeight(p.weight),
        statements: p.statements.map((s) => ({ key: s.key, text: s.text.trim() })),
      })),
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="framework-editor-title" className="space-y-4">
      <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="framework-editor-title" tabIndex={-1} data-focus="heading" className="text-base font-semibold text-slate-900 outline-none">
          Editing the framework (version {framework.version})
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Saving creates version {next}. Cycles already opened keep the version they ran with, so their scores never change; draft cycles
          will use the new version.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Renamed pillars and reworded statements keep their history: their scores line up with earlier cycles on every scorecard.
        </p>
      </div>

      {pillars.map((pillar, index) => {
        const label = pillar.name.trim() || `Pillar ${index + 1}`;
        const weight = parseWeight(pillar.weight);
        const share = total > 0 && Number.isFinite(weight) && weight > 0 ? Math.round((weight / total) * 100) : null;
        return (
          <Card
            key={pillar.id}
            title={`Pillar ${index + 1}${pillar.key ? "" : " (new)"}`}
            action={
              <Button
                variant="danger"
                size="sm"
                disabled={pillars.length === 1}
                onClick={() => removePillar(index)}
                aria-label={`Remove pillar ${label}`}
              >
                Remove pillar
              </Button>
            }
          >
            <div role="group" aria-label={pillar.name.trim() ? `Pillar ${index + 1}: ${label}` : label} className="space-y-4">
              <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
                <TextField
                  label="Name"
                  value={pillar.name}
                  maxLength={MAX_TEXT}
                  required
                  data-focus={`${pillar.id}:name`}
                  error={errors.get(`${pillar.id}:name`)}
                  onChange={(e) => setPillar(pillar.id, (p) => ({ ...p, name: e.target.value }))}
                />
                <TextField
                  label="Weight"
                  type="number"
                  inputMode="decimal"
                  min={MIN_WEIGHT}
                  max={MAX_WEIGHT}
                  step={0.1}
                  value={pillar.weight}
                  required
                  data-focus={`${pillar.id}:weight`}
                  hint={share === null ? `${MIN_WEIGHT} to ${MAX_WEIGHT}` : `${share}% of the health index`}
                  error={errors.get(`${pillar.id}:weight`)}
                  onChange={(e) => setPillar(pillar.id, (p) => ({ ...p, weight: e.target.value }))}
                />
              </div>
              <TextField
                label="Description (optional)"
                value={pillar.description}
                maxLength={MAX_TEXT}
                data-focus={`${pillar.id}:description`}
                error={errors.get(`${pillar.id}:description`)}
                onChange={(e) => setPillar(pillar.id, (p) => ({ ...p, description: e.target.value }))}
              />
              <ol className="space-y-3">
                {pillar.statements.map((statement, i) => (
                  <li key={statement.id} className="flex items-start gap-2">
                    <div className="min-w-0 flex-1">
                      <TextField
                        label={`Statement ${i + 1}${statement.key ? "" : " (new)"}`}
                        value={statement.text}
                        maxLength={MAX_TEXT}
                        required
                        data-focus={statement.id}
                        error={errors.get(statement.id)}
                        onChange={(e) =>
                          setPillar(pillar.id, (p) => ({
                            ...p,
                            statements: p.statements.map((s) => (s.id === statement.id ? { ...s, text: e.target.value } : s)),
                          }))
                        }
                      />
                    </div>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="mt-6"
                      disabled={pillar.statements.length === 1}
                      onClick={() => removeStatement(pillar, i)}
                      aria-label={`Remove statement ${i + 1} of ${label}`}
                    >
                      Remove
                    </Button>
                  </li>
                ))}
              </ol>
              <div className="flex flex-wrap items-center gap-3">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pillar.statements.length >= MAX_STATEMENTS}
                  onClick={() => addStatement(pillar)}
                  aria-label={`Add statement to ${label}`}
                >
                  Add statement
                </Button>
                <p className="text-xs text-slate-500">
                  {pillar.statements.length === 1
                    ? "A pillar needs at least one statement."
                    : pillar.statements.length >= MAX_STATEMENTS
                      ? `A pillar has at most ${MAX_STATEMENTS} statements.`
                      : null}
                </p>
              </div>
            </div>
          </Card>
        );
      })}

      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" data-focus="add-pillar" disabled={pillars.length >= MAX_PILLARS} onClick={addPillar}>
          Add pillar
        </Button>
        <p className="text-xs text-slate-500">
          {pillars.length >= MAX_PILLARS ? `A framework has at most ${MAX_PILLARS} pillars.` : `Up to ${MAX_PILLARS} pillars.`}
        </p>
      </div>

      <Alert tone="error">
        {errors.size > 0
          ? errors.size === 1
            ? "One entry needs a change; it is marked above."
            : `${errors.size} entries need a change; they are marked above.`
          : save.error
            ? errorMessage(save.error)
            : null}
      </Alert>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : `Save as version ${next}`}
        </Button>
        <Button variant="ghost" disabled={save.isPending} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
