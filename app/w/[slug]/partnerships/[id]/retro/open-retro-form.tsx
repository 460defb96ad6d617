"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { DEFAULT_GROUND_RULES } from "~/server/services/retro/rules";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { Card } from "../../../../../_components/card";
import { SelectField } from "../../../../../_components/field";

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
  const rulesId = useId();
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
  const label = cycles.find((c) => c.id === cycleId)?.label ?? "";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    open.mutate({ workspaceSlug: slug, partnershipId, cycleId, groundRules });
  }

  return (
    <Card title="Open a retro" description="You facilitate: you reveal the items and move the retro from step to step.">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {cycles.length > 1 ? (
          <SelectField
            label="Cycle"
            value={cycleId}
            onChange={(e) => setCycleId(e.target.value)}
            options={cycles.map((c) => ({ value: c.id, label: `${c.label}${c.status === "OPEN" ? " (open now)" : ""}` }))}
          />
        ) : null}
        <div className="space-y-1">
          <label htmlFor={rulesId} className="block text-sm font-medium text-slate-800">
            Ground rules
          </label>
          <textarea
            id={rulesId}
            rows={6}
            maxLength={2000}
            required
            value={groundRules}
            onChange={(e) => setGroundRules(e.target.value)}
            aria-describedby={`${rulesId}-hint`}
            className="block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          <p id={`${rulesId}-hint`} className="text-xs text-slate-500">
            Everyone sees these at the top of the retro. Edit them to suit the two teams.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={open.isPending || !groundRules.trim()}>
            {open.isPending ? "Opening…" : `Open the retro for ${label}`}
          </Button>
          {open.error ? <Alert tone="error">{errorMessage(open.error)}</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
