"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { SelectField, TextAreaField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";
import { titleCase } from "../../../../../_lib/format";
import { RESTING_PHASES } from "~/server/services/lifecycle/phase-rules";

// "Renewal review" is reached by opening a review, and left by its decision.
const TARGETS = [...RESTING_PHASES, "EXITED"] as const;
type Phase = (typeof TARGETS)[number];

export function ChangePhaseForm({ slug, partnershipId, current }: { slug: string; partnershipId: string; current: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = TARGETS.filter((p) => p !== current);
  const [phase, setPhase] = useState<Phase>(options[0]!);
  const [reason, setReason] = useState("");
  const change = useMutation(
    trpc.lifecycle.changePhase.mutationOptions({
      onSuccess: () => {
        setReason("");
        router.refresh();
      },
    }),
  );

  const errors = useFormErrors(change.error, ["phase", "reason"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ workspaceSlug: slug, partnershipId, phase, reason });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="change-phase-heading">
      <h3 id="change-phase-heading" className="text-sm font-semibold text-slate-900">
        Change phase
      </h3>
      <SelectField
        label="New phase"
        value={phase}
        onChange={(e) => {
          change.reset();
          setPhase(e.target.value as Phase);
        }}
        options={options.map((p) => ({ value: p, label: titleCase(p) }))}
        hint={
          phase === "EXITED"
            ? "Exiting archives the partnership: read-only and out of the portfolio, its history kept, restorable."
            : undefined
        }
        className="max-w-xs"
        error={errors.field("phase")}
      />
      <TextAreaField
        label="Reason (optional)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={2000}
        rows={2}
        error={errors.field("reason")}
      />
      <Alert tone="error">{errors.summary}</Alert>
      {change.isSuccess ? <Alert tone="success">Phase changed.</Alert> : null}
      <Button type="submit" variant={phase === "EXITED" ? "danger" : "secondary"} disabled={change.isPending}>
        {change.isPending ? "Changing…" : phase === "EXITED" ? "Exit and archive" : "Change phase"}
      </Button>
    </form>
  );
}
