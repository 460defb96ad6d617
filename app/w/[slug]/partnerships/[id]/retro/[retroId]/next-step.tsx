"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { NEXT_STEP } from "~/server/services/retro/rules";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../../_components/alert";
import { Button } from "../../../../../../_components/button";
import { Dialog, DialogActions } from "../../../../admin/_components/dialog";
import { useRefresh, type RetroView } from "./use-retro";

// The facilitator's button to the next step, confirmed in a dialog that says what it changes.
// The step and version are those shown when the dialog opened: if someone else moves the retro on
// meanwhile, the server refuses this click instead of taking a second step.
export function NextStep({ slug, view }: { slug: string; view: RetroView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [opened, setOpened] = useState<{ version: number; phase: keyof typeof NEXT_STEP } | null>(null);
  const advance = useMutation(trpc.retro.advance.mutationOptions({ onSuccess: () => setOpened(null), onSettled: () => refresh() }));
  const phase = view.retro.phase;
  if (phase === "CLOSED") return null;
  const step = NEXT_STEP[opened?.phase ?? phase];
  const unassigned = view.actions.filter((a) => !a.ownerMemberId || !a.dueDate).length;

  function onOpenChange(open: boolean) {
    if (advance.isPending) return;
    advance.reset();
    setOpened(open && phase !== "CLOSED" ? { version: view.retro.version, phase } : null);
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="text-sm text-slate-700">
        <p className="font-medium text-slate-900">You facilitate this retro.</p>
        <p>
          {phase === "ASSIGNING" && unassigned > 0
            ? `${unassigned} ${unassigned === 1 ? "action still needs" : "actions still need"} an owner and a date before the retro can close.`
            : "Move on when both sides are ready."}
        </p>
      </div>
      <Dialog
        open={opened !== null}
        onOpenChange={onOpenChange}
        trigger={<Button>{NEXT_STEP[phase].label}</Button>}
        title={`${step.label}?`}
        description={step.confirm}
      >
        <Alert tone="error">{advance.error ? errorMessage(advance.error) : null}</Alert>
        <DialogActions
          label="Confirm"
          pendingLabel="Working…"
          pending={advance.isPending}
          onAction={() => opened && advance.mutate({ workspaceSlug: slug, retroId: view.retro.id, version: opened.version })}
        />
      </Dialog>
    </div>
  );
}
