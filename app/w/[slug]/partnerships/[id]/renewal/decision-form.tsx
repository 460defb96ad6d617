"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { TextAreaField, TextField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";

type Decision = "RENEW" | "REVISE_TERMS" | "EXIT";

const DECISIONS: { value: Decision; label: string; hint: string }[] = [
  { value: "RENEW", label: "Renew", hint: "Continue on the current terms until the next renewal date." },
  { value: "REVISE_TERMS", label: "Revise terms", hint: "Continue, on terms to be revised, until the next renewal date." },
  {
    value: "EXIT",
    label: "Exit",
    hint: "End the partnership: it leaves the portfolio and becomes read-only. Its whole history is kept, and it can be restored.",
  },
];

// The decision that ends a renewal review: what, why, and (unless exiting) until when.
export function DecisionForm({
  slug,
  partnershipId,
  reviewId,
  minDate,
}: {
  slug: string;
  partnershipId: string;
  reviewId: string;
  minDate: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [missing, setMissing] = useState(false);
  const decide = useMutation(trpc.lifecycle.decide.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = useFormErrors(decide.error, ["decision", "reasons", "nextRenewalDate"], {
    decision: missing ? "Choose renew, revise terms or exit." : null,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!decision) {
      setMissing(true);
      return;
    }
    const form = new FormData(event.currentTarget);
    decide.mutate({
      workspaceSlug: slug,
      partnershipId,
      reviewId,
      decision,
      reasons: String(form.get("reasons") ?? ""),
      nextRenewalDate: decision === "EXIT" ? null : String(form.get("nextRenewalDate") ?? "") || null,
    });
  }

  const decisionError = errors.field("decision");
  return (
    <form id={errors.formId} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="decision-heading">
      <h3 id="decision-heading" className="text-sm font-semibold text-slate-900">
        Record the decision
      </h3>
      <fieldset aria-describedby={decisionError ? "decision-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-2 space-y-2">
          {DECISIONS.map((d) => (
            <label key={d.value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="decision"
                value={d.value}
                checked={decision === d.value}
                data-invalid={decisionError ? true : undefined}
                onChange={() => {
                  setDecision(d.value);
                  setMissing(false);
                  decide.reset();
                }}
                className="mt-0.5 h-4 w-4 accent-brand-600"
              />
              <span>
                <span className="font-medium text-slate-900">{d.label}</span>
                <span className="block text-xs text-slate-500">{d.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {decisionError ? (
          <p id="decision-error" className="mt-1 text-xs text-red-700">
            {decisionError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Reasons"
        name="reasons"
        required
        maxLength={2000}
        rows={4}
        hint="Kept with the decision, for whoever reviews this partnership next."
        error={errors.field("reasons")}
      />
      {decision && decision !== "EXIT" ? (
        <TextField
          label="Next renewal date"
          name="nextRenewalDate"
          type="date"
          required
          min={minDate}
          className="max-w-xs"
          error={errors.field("nextRenewalDate")}
        />
      ) : null}
      <Alert tone="error">{errors.summary}</Alert>
      <Button type="submit" variant={decision === "EXIT" ? "danger" : "primary"} disabled={decide.isPending}>
        {decide.isPending ? "Recording…" : decision === "EXIT" ? "Record exit and archive" : "Record decision"}
      </Button>
    </form>
  );
}
