"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { useFormErrors } from "../_lib/use-form-errors";

export interface EmailChoices {
  emailSurveyReminders: boolean;
  emailActionReminders: boolean;
  emailAlerts: boolean;
  emailRetroSummaries: boolean;
}

const OPTIONS: { key: keyof EmailChoices; label: string; hint: string }[] = [
  {
    key: "emailSurveyReminders",
    label: "Survey reminders",
    hint: "A week into a survey cycle and two days before it closes, while you still have surveys to answer. The email that a cycle has opened always comes.",
  },
  {
    key: "emailActionReminders",
    label: "Action reminders",
    hint: "Three days before an action you own is due, and once when it is overdue; each step of your partnerships' asks and offers, and once when an ask your side accepted is overdue.",
  },
  {
    key: "emailAlerts",
    label: "Alerts",
    hint: "A partnership you own drops, a pillar turns at risk, a perception gap appears, its value exchange turns one-sided, a renewal review opens, a partnership needs an owner.",
  },
  { key: "emailRetroSummaries", label: "Retro summaries", hint: "The summary of a retro you took part in, when it closes." },
];

export function EmailChoicesForm({ initial }: { initial: EmailChoices }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [choices, setChoices] = useState(initial);
  const save = useMutation(trpc.account.updateEmails.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = useFormErrors(save.error, []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate(choices);
  }

  return (
    <form onSubmit={onSubmit}>
      <fieldset className="space-y-3">
        <legend className="sr-only">Emails you get</legend>
        {OPTIONS.map((o) => (
          <div key={o.key} className="flex items-start gap-3">
            <input
              id={`emails-${o.key}`}
              type="checkbox"
              checked={choices[o.key]}
              aria-describedby={`emails-${o.key}-hint`}
              onChange={(e) => {
                save.reset();
                setChoices((prev) => ({ ...prev, [o.key]: e.target.checked }));
              }}
              className="mt-0.5 h-4 w-4 accent-brand-600"
            />
            <div>
              <label htmlFor={`emails-${o.key}`} className="text-sm font-medium text-slate-800">
                {o.label}
              </label>
              <p id={`emails-${o.key}-hint`} className="text-xs text-slate-500">
                {o.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save email choices"}
        </Button>
        {save.isSuccess ? <Alert tone="success">Saved. Emails already waiting to be sent follow the new choice.</Alert> : null}
        <Alert tone="error">{errors.summary}</Alert>
      </div>
    </form>
  );
}
