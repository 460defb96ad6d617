// The browser's side of the import route (app/api/import): each step posts the file again with
// what the admin chose. Confirm answers with lines of JSON: progress, then the result.
import type { ImportSummary } from "~/server/services/import/index";
import type { ColumnMapping, FieldDef, ImportKind } from "~/server/services/import/kinds";
import { IMPORT_MAX_FILE_BYTES, tooLargeMessage } from "~/server/services/import/limits";

export interface ReadResult {
  fileName: string;
  format: string;
  headers: string[];
  rowCount: number;
  sample: string[][];
  mapping: ColumnMapping;
  fields: FieldDef[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

interface Step {
  slug: string;
  kind: ImportKind;
  file: File;
  mapping?: ColumnMapping;
  onlyValid?: boolean;
}

async function post(step: "read" | "preview" | "confirm", s: Step): Promise<Outcome<Response>> {
  // Refused here first, so a large file is not sent at all; the server refuses it too.
  if (s.file.size > IMPORT_MAX_FILE_BYTES) return { ok: false, message: tooLargeMessage(s.file.size) };
  const body = new FormData();
  body.set("step", step);
  body.set("kind", s.kind);
  body.set("file", s.file);
  if (s.mapping) body.set("mapping", JSON.stringify(s.mapping));
  body.set("onlyValid", s.onlyValid ? "1" : "0");
  let response: Response;
  try {
    response = await fetch(`/api/import/${encodeURIComponent(s.slug)}`, { method: "POST", body });
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
  if (!response.ok) {
    const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: json?.error?.message ?? `The server refused the file (${response.status}).` };
  }
  return { ok: true, value: response };
}

export async function readFile(s: Step): Promise<Outcome<ReadResult>> {
  const r = await post("read", s);
  return r.ok ? { ok: true, value: (await r.value.json()) as ReadResult } : r;
}

export async function previewFile(s: Step): Promise<Outcome<ImportSummary>> {
  const r = await post("preview", s);
  return r.ok ? { ok: true, value: (await r.value.json()) as ImportSummary } : r;
}

type Event =
  { type: "progress"; done: number; total: number } | { type: "done"; summary: ImportSummary } | { type: "error"; message: string };

export async function confirmFile(s: Step, onProgress: (done: number, total: number) => void): Promise<Outcome<ImportSummary>> {
  const r = await post("confirm", s);
  if (!r.ok) return r;
  const reader = r.value.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as Event;
      if (event.type === "progress") onProgress(event.done, event.total);
      else if (event.type === "done") return { ok: true, value: event.summary };
      else return { ok: false, message: event.message };
    }
    if (done) return { ok: false, message: "The import stopped before it finished. Preview the file again to see what was saved." };
  }
}
