"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../_components/alert";
import { Button } from "../../../_components/button";
import { TextField } from "../../../_components/field";
import { useFormErrors } from "../../../_lib/use-form-errors";

export function NewCycleForm({
  slug,
  suggestedLabel,
  opensAt,
  closesAt,
}: {
  slug: string;
  suggestedLabel: string;
  opensAt: string;
  closesAt: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  // Remounting the fields after a success clears them; the key also follows the suggestion, which
  // changes only once the refreshed page arrives.
  const [formKey, setFormKey] = useState(0);
  const [dateError, setDateError] = useState<string | null>(null);
  const create = useMutation(
    trpc.cycle.create.mutationOptions({
      onSuccess: (cycle) => {
        setCreated(cycle.label);
        setFormKey((k) => k + 1);
        router.refresh();
      },
    }),
  );

  const errors = useFormErrors(create.error, ["label", "opensAt", "closesAt"], { closesAt: dateError });

  // An error is about what was sent: once the person edits a field, it no longer describes the form.
  function clearErrors() {
    if (create.error) create.reset();
    setDateError(null);
    setCreated(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      label: String(form.get("label") ?? ""),
      opensAt: String(form.get("opensAt") ?? ""),
      closesAt: String(form.get("closesAt") ?? ""),
    };
    setCreated(null);
    // ISO days compare correctly as strings.
    if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) {
      setDateError("The close date must be after the open date.");
      return;
    }
    setDateError(null);
    create.mutate({ workspaceSlug: slug, ...input });
  }

  return (
    <form
      key={`${formKey}:${suggestedLabel}`}
      id={errors.formId}
      onSubmit={onSubmit}
      onChange={clearErrors}
      className="space-y-4"
      noValidate
    >
      <Alert tone="error">{errors.summary}</Alert>
      <Alert tone="success">
        {created ? `${created} is created as a draft. Open it in the table above when you are ready for answers.` : null}
      </Alert>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Label"
          name="label"
          required
          maxLength={40}
          defaultValue={suggestedLabel}
          placeholder="2026-Q4"
          hint="Usually the quarter, such as 2026-Q4."
          error={errors.field("label")}
        />
        <TextField label="Opens" name="opensAt" type="date" required defaultValue={opensAt} error={errors.field("opensAt")} />
        <TextField
          label="Closes"
          name="closesAt"
          type="date"
          required
          defaultValue={closesAt}
          hint="Three weeks is usual."
          error={errors.field("closesAt")}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create draft cycle"}
      </Button>
    </form>
  );
}
