"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { DEFAULT_GROUND_RULES } from "~/server/services/retro/rules";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { Card } from "../../../../../_components/card";
import { SelectField, TextAreaField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";

interface Cycle {
  id: string;
  label: string;
  status: string;
}

// The facilitator opens a cycle's retro with its ground rules (a sensible set is offered).
export function OpenRetroForm({
  slug,
  partnershipId,
  cycles,
  defaultCycleId,
}: {
  slug: string;
  partnershipId: string;
  cycles: Cycle[];
  defaultCycleId: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [cycleId, setCycleId] = useState(defaultCycleId);
  const [groundRules, setGroundRules] = useState(DEFAULT_GROUND_RULES);
  const open = useMutation(
    trpc.retro.open.mutationOptions({
      onSuccess: ({ retroId }) => router.push(`/w/${slug}/partnerships/${partnershipId}/retro/${retroId}`),
      // Someone else opened it meanwhile: show the list with theirs.
      onError: (error) => {
        if (error.data?.code === "CONFLICT") router.refresh();
      },
    }),
  );
  const errors = useFormErrors(open.error, ["cycleId", "groundRules"]);
  const label = cycles.find((c) => c.id === cycleId)?.label ?? "";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    open.mutate({ workspaceSlug: slug, partnershipId, cycleId, groundRules });
  }

  return (
    <Card title="Open a retro" description="You facilitate: you reveal the items and move the retro from step to step.">
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
        {cycles.length > 1 ? (
          <SelectField
            label="Cycle"
            value={cycleId}
            onChange={(e) => setCycleId(e.target.value)}
            options={cycles.map((c) => ({ value: c.id, label: `${c.label}${c.status === "OPEN" ? " (open now)" : ""}` }))}
            error={errors.field("cycleId")}
          />
        ) : null}
        <TextAreaField
          label="Ground rules"
          rows={6}
          maxLength={2000}
          required
          value={groundRules}
          onChange={(e) => setGroundRules(e.target.value)}
          hint="Everyone sees these at the top of the retro. Edit them to suit the two teams."
          error={errors.field("groundRules")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={open.isPending || !groundRules.trim()}>
            {open.isPending ? "Opening…" : `Open the retro for ${label}`}
          </Button>
          <Alert tone="error">{errors.summary}</Alert>
        </div>
      </form>
    </Card>
  );
}
