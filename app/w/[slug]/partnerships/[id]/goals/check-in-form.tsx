"use client";
// A goal's check-in for the cycle: the measured value in the goal's unit (progress is computed
// from it) and a note. The first one of the cycle creates it, a later one changes it, based on
// the version this person saw. If someone else checked in first, the page reloads with
// their check-in and this person's unsaved numbers stay in view.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { TextAreaField, TextField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";

interface Props {
  slug: string;
  goalId: string;
  goalTitle: string;
  // The measure's unit ("$", "deals", "%"), named in the field's label; empty for a plain count.
  unit: string;
  cycle: { id: string; label: string };
  current: { value: number; note: string; version: number } | null;
}

export function CheckInForm({ slug, goalId, goalTitle, unit, cycle, current }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [lost, setLost] = useState<{ value: number; note: string } | null>(null);
  const checkIn = useMutation(
    trpc.goal.checkIn.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
      onError: (error, input) => {
        if (error.data?.code === "CONFLICT") {
          setLost({ value: input.value, note: input.note ?? "" });
          router.refresh();
        }
      },
    }),
  );

  const errors = useFormErrors(checkIn.error, ["value", "note"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // People type "1,200,000" as often as "1200000".
    const raw = String(form.get("value") ?? "")
      .trim()
      .replaceAll(",", "");
    setSaved(false);
    setLost(null);
    checkIn.mutate({
      workspaceSlug: slug,
      goalId,
      cycleId: cycle.id,
      value: raw === "" ? Number.NaN : Number(raw),
      note: String(form.get("note") ?? ""),
      ...(current ? { version: current.version } : {}),
    });
  }

  return (
    <form
      key={current?.version ?? 0}
      id={errors.formId}
      onSubmit={onSubmit}
      className="space-y-3"
      noValidate
      aria-label={`Check in “${goalTitle}” for ${cycle.label}`}
    >
      <Alert tone="error">
        {checkIn.error ? (
          <>
            {errors.summary}
            {lost ? (
              <span className="mt-1 block">
                Not saved from you: {lost.value}
                {unit ? ` ${unit}` : ""}
                {lost.note ? `, “${lost.note}”` : ""}.
              </span>
            ) : null}
          </>
        ) : null}
      </Alert>
      <Alert tone="success">{saved && !checkIn.isPending ? `Checked in for ${cycle.label}.` : null}</Alert>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <TextField
          label={unit ? `Measured value (${unit})` : "Measured value"}
          name="value"
          inputMode="decimal"
          required
          defaultValue={current?.value ?? ""}
          error={errors.field("value")}
        />
        <TextAreaField label="Note" name="note" rows={2} maxLength={2000} defaultValue={current?.note ?? ""} error={errors.field("note")} />
      </div>
      <Button type="submit" size="sm" disabled={checkIn.isPending}>
        {checkIn.isPending ? "Saving…" : current ? `Update the ${cycle.label} check-in` : `Check in for ${cycle.label}`}
      </Button>
    </form>
  );
}
