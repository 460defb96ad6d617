"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { SelectField, TextField } from "../../../../../_components/field";
import { fieldError } from "../../../../../_lib/field-error";

type Option = { value: string; label: string };

interface Props {
  slug: string;
  partnershipId: string;
  hostPeople: Option[];
  partnerPeople: Option[];
  hostDefault: string;
  partnerDefault: string;
  today: string;
  hostName: string;
  partnerName: string;
}

export function NewGoalForm({
  slug,
  partnershipId,
  hostPeople,
  partnerPeople,
  hostDefault,
  partnerDefault,
  today,
  hostName,
  partnerName,
}: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [dateError, setDateError] = useState<string | null>(null);
  const create = useMutation(
    trpc.goal.create.mutationOptions({
      onSuccess: (_goal, input) => {
        setCreated(input.title);
        setFormKey((k) => k + 1);
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    setCreated(null);
    // ISO days compare correctly as strings.
    if (value("startDate") && value("dueDate") && value("dueDate") <= value("startDate")) {
      setDateError("The due date must be after the start date.");
      return;
    }
    setDateError(null);
    create.mutate({
      workspaceSlug: slug,
      partnershipId,
      title: value("title"),
      measure: value("measure"),
      target: value("target"),
      ...(value("startDate") ? { startDate: value("startDate") } : {}),
      dueDate: value("dueDate"),
      hostOwnerId: value("hostOwnerId") || null,
      partnerOwnerId: value("partnerOwnerId") || null,
    });
  }

  return (
    <form key={formKey} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{create.error ? errorMessage(create.error) : null}</Alert>
      <Alert tone="success">{created ? `Added the goal “${created}”.` : null}</Alert>
      <TextField
        label="Goal"
        name="title"
        required
        maxLength={200}
        placeholder="Grow the joint pipeline"
        error={fieldError(create.error, "title")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Measure"
          name="measure"
          required
          maxLength={300}
          placeholder="Qualified joint opportunities per quarter"
          error={fieldError(create.error, "measure")}
        />
        <TextField label="Target" name="target" required maxLength={200} placeholder="40" error={fieldError(create.error, "target")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Start date" name="startDate" type="date" defaultValue={today} error={fieldError(create.error, "startDate")} />
        <TextField label="Due date" name="dueDate" type="date" required error={dateError ?? fieldError(create.error, "dueDate")} />
        <SelectField
          label={`Owner at ${hostName}`}
          name="hostOwnerId"
          defaultValue={hostDefault}
          options={[{ value: "", label: "Nobody yet" }, ...hostPeople]}
          error={fieldError(create.error, "hostOwnerId")}
        />
        <SelectField
          label={`Owner at ${partnerName}`}
          name="partnerOwnerId"
          defaultValue={partnerDefault}
          options={[{ value: "", label: "Nobody yet" }, ...partnerPeople]}
          error={fieldError(create.error, "partnerOwnerId")}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add goal"}
      </Button>
    </form>
  );
}
