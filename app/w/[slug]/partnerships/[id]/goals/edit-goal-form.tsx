"use client";
// Changes what a goal is (title, measure, unit, start and target values, dates, owners), based on
// the version this person saw: if someone else changed it first, nothing is saved, the page
// reloads with their change and this form says so. Each saved edit shows in the goal's history.
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

export interface EditableGoal {
  id: string;
  version: number;
  title: string;
  measure: string;
  unit: string;
  startValue: number;
  targetValue: number;
  // "2026-12-31"
  startDate: string;
  dueDate: string;
  hostOwnerId: string | null;
  partnerOwnerId: string | null;
}

interface Props {
  slug: string;
  goal: EditableGoal;
  hostPeople: Option[];
  partnerPeople: Option[];
  hostName: string;
  partnerName: string;
}

// A current owner who is no longer among the partnership's people stays choosable, so saving
// another field does not clear them unseen.
const withCurrent = (options: Option[], id: string | null) =>
  id && !options.some((o) => o.value === id) ? [...options, { value: id, label: "The current owner" }] : options;

export function EditGoalForm({ slug, goal, hostPeople, partnerPeople, hostName, partnerName }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.goal.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
      onError: (error) => {
        if (error.data?.code === "CONFLICT") router.refresh();
      },
    }),
  );
  const errors = useFormErrors(update.error, ["title", ...MEASURE_FIELDS, "startDate", "dueDate", "hostOwnerId", "partnerOwnerId"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    setSaved(false);
    update.mutate({
      workspaceSlug: slug,
      goalId: goal.id,
      version: goal.version,
      title: value("title"),
      measure: value("measure"),
      unit: value("unit"),
      startValue: readNumber(form, "startValue", 0),
      targetValue: readNumber(form, "targetValue"),
      startDate: value("startDate"),
      dueDate: value("dueDate"),
      hostOwnerId: value("hostOwnerId") || null,
      partnerOwnerId: value("partnerOwnerId") || null,
    });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate aria-label={`Edit “${goal.title}”`}>
      <Alert tone="error">{errors.summary}</Alert>
      <Alert tone="success">{saved && !update.isPending ? "Saved. The change is in the goal's history." : null}</Alert>
      <TextField label="Goal" name="title" required maxLength={200} defaultValue={goal.title} error={errors.field("title")} />
      <MeasureFields error={errors.field} initial={goal} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Start date" name="startDate" type="date" defaultValue={goal.startDate} error={errors.field("startDate")} />
        <TextField label="Due date" name="dueDate" type="date" required defaultValue={goal.dueDate} error={errors.field("dueDate")} />
        <SelectField
          label={`Owner at ${hostName}`}
          name="hostOwnerId"
          defaultValue={goal.hostOwnerId ?? ""}
          options={[{ value: "", label: "Nobody yet" }, ...withCurrent(hostPeople, goal.hostOwnerId)]}
          error={errors.field("hostOwnerId")}
        />
        <SelectField
          label={`Owner at ${partnerName}`}
          name="partnerOwnerId"
          defaultValue={goal.partnerOwnerId ?? ""}
          options={[{ value: "", label: "Nobody yet" }, ...withCurrent(partnerPeople, goal.partnerOwnerId)]}
          error={errors.field("partnerOwnerId")}
        />
      </div>
      <Button type="submit" size="sm" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
