"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { SelectField, TextField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";
import { MEASURE_FIELDS, MeasureFields } from "./measure-fields";
import { readNumber } from "./read-number";

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
  const create = useMutation(
    trpc.goal.create.mutationOptions({
      onSuccess: (_goal, input) => {
        setCreated(input.title);
        setFormKey((k) => k + 1);
        router.refresh();
      },
    }),
  );

  const errors = useFormErrors(create.error, ["title", ...MEASURE_FIELDS, "startDate", "dueDate", "hostOwnerId", "partnerOwnerId"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    setCreated(null);
    create.mutate({
      workspaceSlug: slug,
      partnershipId,
      title: value("title"),
      measure: value("measure"),
      unit: value("unit"),
      startValue: readNumber(form, "startValue", 0),
      targetValue: readNumber(form, "targetValue"),
      ...(value("startDate") ? { startDate: value("startDate") } : {}),
      dueDate: value("dueDate"),
      hostOwnerId: value("hostOwnerId") || null,
      partnerOwnerId: value("partnerOwnerId") || null,
    });
  }

  return (
    <form key={formKey} id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{errors.summary}</Alert>
      <Alert tone="success">{created ? `Added the goal “${created}”.` : null}</Alert>
      <TextField label="Goal" name="title" required maxLength={200} placeholder="Grow the joint pipeline" error={errors.field("title")} />
      <MeasureFields error={errors.field} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Start date" name="startDate" type="date" defaultValue={today} error={errors.field("startDate")} />
        <TextField label="Due date" name="dueDate" type="date" required error={errors.field("dueDate")} />
        <SelectField
          label={`Owner at ${hostName}`}
          name="hostOwnerId"
          defaultValue={hostDefault}
          options={[{ value: "", label: "Nobody yet" }, ...hostPeople]}
          error={errors.field("hostOwnerId")}
        />
        <SelectField
          label={`Owner at ${partnerName}`}
          name="partnerOwnerId"
          defaultValue={partnerDefault}
          options={[{ value: "", label: "Nobody yet" }, ...partnerPeople]}
          error={errors.field("partnerOwnerId")}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add goal"}
      </Button>
    </form>
  );
}
