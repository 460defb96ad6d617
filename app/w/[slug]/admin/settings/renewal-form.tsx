"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import { TextField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";

// How long before each partnership's renewal date its renewal review opens.
export function RenewalForm({ slug, initial }: { slug: string; initial: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [days, setDays] = useState(String(initial));
  const save = useMutation(trpc.workspace.updateRenewalSettings.mutationOptions({ onSuccess: () => router.refresh() }));

  const errors = useFormErrors(save.error, ["renewalReviewDays"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ workspaceSlug: slug, renewalReviewDays: Number(days) });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} noValidate aria-labelledby="renewal-heading">
      <Card
        title={<span id="renewal-heading">Renewal reviews</span>}
        description="Each partnership with a renewal date gets a renewal review this long before it: its owner is told, and records the decision there."
      >
        <TextField
          label="Open the review (days before the renewal date)"
          type="number"
          min={7}
          max={365}
          value={days}
          onChange={(e) => {
            save.reset();
            setDays(e.target.value);
          }}
          hint="From 7 to 365 days; 60 is the default."
          error={errors.field("renewalReviewDays")}
          className="max-w-32"
        />
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save renewal settings"}
          </Button>
          {save.isSuccess ? <Alert tone="success">Saved. Reviews that the new lead time makes due open within a minute.</Alert> : null}
          <Alert tone="error">{errors.summary}</Alert>
        </div>
      </Card>
    </form>
  );
}
