// The confirm as a stream of events: progress while the transaction runs, then the result. The
// page draws its progress bar from these; the route handler sends them as lines of JSON.
import type { WorkspaceCtx } from "../../access/context";
import { confirmImport, type ImportSummary } from "./index";
import type { ColumnMapping, ImportKind } from "./kinds";

export type ImportEvent = { type: "progress"; done: number; total: number } | { type: "done"; summary: ImportSummary };

export async function* confirmImportEvents(
  ctx: WorkspaceCtx,
  input: { kind: ImportKind; table: { headers: string[]; rows: string[][] }; mapping: ColumnMapping; onlyValid: boolean },
): AsyncGenerator<ImportEvent> {
  // Only the newest progress waits to be sent: a slow reader gets the latest figure, not a backlog.
  let pending: ImportEvent | null = null;
  let wake: (() => void) | null = null;
  let finished = false;
  const work = confirmImport(ctx, input, (done, total) => {
    pending = { type: "progress", done, total };
    wake?.();
  }).finally(() => {
    finished = true;
    wake?.();
  });
  // The result or the error is taken from `work` below; this keeps a failure from going unhandled
  // while progress is still being sent.
  work.catch(() => {});
  for (;;) {
    if (pending) {
      const event: ImportEvent = pending;
      pending = null;
      yield event;
      continue;
    }
    if (finished) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  yield { type: "done", summary: await work };
}
