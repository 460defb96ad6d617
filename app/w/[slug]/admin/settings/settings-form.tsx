"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { nextPeriod, periodOf, windowOf, type Cadence } from "~/server/services/periods";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import { SelectField, TextField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { date } from "../../../../_lib/format";

interface Settings {
  cadence: Cadence;
  cycleOpenDay: number;
  cycleLengthDays: number;
  autoSchedule: boolean;
  confidentialityThreshold: number;
  surveyMode: "CONFIDENTIAL" | "ATTRIBUTED";
}

const CADENCES = [
  { value: "QUARTERLY", label: "Quarterly" },
  { value: "HALF_YEARLY", label: "Half-yearly" },
  { value: "MONTHLY", label: "Monthly" },
];

// The next window the schedule would open with these settings, so a change can be checked
// before it is saved.
function preview(s: Settings, now = new Date()) {
  const current = periodOf(s.cadence, now);
  const currentWindow = windowOf(current, s.cycleOpenDay, s.cycleLengthDays);
  const period = currentWindow.closesAt > now ? current : nextPeriod(s.cadence, current);
  return { label: period.label, ...windowOf(period, s.cycleOpenDay, s.cycleLengthDays) };
}

export function SettingsForm({ slug, initial }: { slug: string; initial: Settings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [s, setS] = useState(initial);
  const save = useMutation(trpc.workspace.updateSettings.mutationOptions({ onSuccess: () => router.refresh() }));
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    save.reset();
    setS((prev) => ({ ...prev, [key]: value }));
  };
  const validDays = s.cycleOpenDay >= 1 && s.cycleOpenDay <= 28 && s.cycleLengthDays >= 1 && s.cycleLengthDays <= 90;
  const next = validDays ? preview(s) : null;

  const errors = useFormErrors(save.error, ["cycleOpenDay", "cycleLengthDays", "confidentialityThreshold"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ workspaceSlug: slug, ...s });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-6" noValidate>
      <Card
        title="Survey schedule"
        description="The schedule creates each period's cycle, opens and closes it on time, and reminds people who have not answered."
      >
        <div className="space-y-4">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              checked={s.autoSchedule}
              onChange={(e) => set("autoSchedule", e.target.checked)}
              className="h-4 w-4 accent-brand-600"
            />
            Run cycles on a schedule
          </label>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label="Cadence" value={s.cadence} onChange={(e) => set("cadence", e.target.value as Cadence)} options={CADENCES} />
            <TextField
              label="Opens on day"
              type="number"
              min={1}
              max={28}
              value={String(s.cycleOpenDay)}
              onChange={(e) => set("cycleOpenDay", Number(e.target.value))}
              hint="Of the period's first month, 1 to 28."
              error={errors.field("cycleOpenDay")}
            />
            <TextField
              label="Open for (days)"
              type="number"
              min={1}
              max={90}
              value={String(s.cycleLengthDays)}
              onChange={(e) => set("cycleLengthDays", Number(e.target.value))}
              hint="Three weeks (21) is usual."
              error={errors.field("cycleLengthDays")}
            />
          </div>
          {next ? (
            <p className="text-sm text-slate-600" data-testid="schedule-preview">
              {s.autoSchedule ? "Next scheduled cycle" : "With the schedule on, the next cycle would be"}: <strong>{next.label}</strong>,
              open from {date(next.opensAt)} to {date(next.closesAt)}. Reminders go to those who have not answered when it opens, 7 days
              later and 2 days before it closes.
            </p>
          ) : null}
        </div>
      </Card>

      <Card title="Confidentiality" description="Who can see what of each side's answers.">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Survey mode"
            value={s.surveyMode}
            onChange={(e) => set("surveyMode", e.target.value as Settings["surveyMode"])}
            options={[
              { value: "CONFIDENTIAL", label: "Confidential (recommended)" },
              { value: "ATTRIBUTED", label: "Attributed" },
            ]}
            hint={
              s.surveyMode === "CONFIDENTIAL"
                ? "Each side's own scores and comments show only with enough responses; comments never carry names."
                : "Each side's scores show as soon as anyone of that side has answered."
            }
          />
          <TextField
            label="Responses needed per side"
            type="number"
            min={1}
            max={50}
            value={String(s.confidentialityThreshold)}
            onChange={(e) => set("confidentialityThreshold", Number(e.target.value))}
            hint="In confidential mode, a side's own numbers show only at this many responses (3 is the default)."
            error={errors.field("confidentialityThreshold")}
          />
        </div>
      </Card>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </Button>
        {save.isSuccess ? <Alert tone="success">Saved. Cycles created from now on follow the new schedule.</Alert> : null}
        <Alert tone="error">{errors.summary}</Alert>
      </div>
    </form>
  );
}
