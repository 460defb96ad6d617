"use client";
// How every form shows what went wrong: each input problem beside its field, a summary sentence
// at the top, and focus on the first field that needs a change. The words come from the server's
// one place for them (server/input-sentences.ts, sent by the error formatter in
// server/trpc/init.ts as `data.fieldErrors`, path -> sentence); a form names the input paths its
// fields show, and asks for each: `errors.field("title")`.
import { useEffect, useId } from "react";
import { errorMessage } from "~/server/trpc/client";

// The sentences the server gave per field path; its type is not inferred through tRPC.
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const data = (error as { data?: { fieldErrors?: Record<string, string> | null } } | null)?.data;
  return data?.fieldErrors ?? {};
}

function summaryOf(error: unknown, shown: Record<string, string>, fields: readonly string[]): string | null {
  const marked = Object.keys(shown).filter((path) => fields.includes(path));
  // A problem of a path no field shows has nowhere else to go.
  const elsewhere = Object.entries(shown)
    .filter(([path]) => !fields.includes(path))
    .map(([, sentence]) => sentence);
  if (marked.length === 0) return error ? errorMessage(error) : elsewhere.length ? elsewhere.join(" ") : null;
  const head =
    marked.length === 1
      ? "One entry needs a change; see the message beside it."
      : `${marked.length} entries need a change; see the messages beside them.`;
  return [head, ...elsewhere].join(" ");
}

export interface FormErrors<F extends string> {
  // The id to put on the <form> (or the element around the fields), so focus can find the first
  // field marked. (An id rather than a ref: the returned object is read during render.)
  formId: string;
  // The sentence for one field, by its input path ("title", "pillars.0.name"), or null.
  field: (path: F) => string | null;
  // One sentence for the top of the form: never "Invalid input", never a path.
  summary: string | null;
}

// `error`: the mutation's error; `fields`: the input paths the form's fields show; `local`: problems
// the page found before sending (a choice not made yet), by the same paths, shown the same way.
export function useFormErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  local: Partial<Record<F, string | null>> = {},
): FormErrors<F> {
  const formId = useId();
  const shown: Record<string, string> = { ...fieldErrorsOf(error) };
  for (const [path, sentence] of Object.entries(local) as [string, string | null | undefined][]) if (sentence) shown[path] = sentence;
  const signature = JSON.stringify(shown);

  useEffect(() => {
    if (signature === "{}") return;
    // data-invalid: a control that cannot carry aria-invalid (a radio button, whose group says it).
    document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [error, signature, formId]);

  return {
    formId,
    field: (path) => shown[path] ?? null,
    summary: summaryOf(error, shown, fields),
  };
}
