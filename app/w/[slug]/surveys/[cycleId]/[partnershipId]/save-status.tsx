import clsx from "clsx";
import type { SaveStatus } from "./draft-saver";

const TEXT: Record<Exclude<SaveStatus["kind"], "saved">, string> = {
  saving: "Saving…",
  retrying: "Couldn't save — retrying",
  offline: "Offline — your answers are kept on this device",
  conflict: "Not saved: changed elsewhere",
  refused: "Not saved",
  submitted: "Submitted",
};

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const text = status.kind === "saved" ? (status.at ? "All changes saved" : "Your answers are saved as you go") : TEXT[status.kind];
  const trouble = ["retrying", "offline", "conflict", "refused"].includes(status.kind);
  return (
    <p role="status" data-testid="save-status" className={clsx("text-xs", trouble ? "font-medium text-amber-800" : "text-slate-500")}>
      {text}
    </p>
  );
}
