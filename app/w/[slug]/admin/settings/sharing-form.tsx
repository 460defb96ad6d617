"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import { useFormErrors } from "../../../../_lib/use-form-errors";

export interface PartnerSharing {
  partnerSeesScores: boolean;
  partnerSeesTrends: boolean;
  partnerSeesComments: boolean;
  partnerSeesSides: boolean;
  partnerSeesStatements: boolean;
}

const OPTIONS: { key: keyof PartnerSharing; label: string; hint: string }[] = [
  { key: "partnerSeesScores", label: "Combined scores", hint: "The health index and each pillar's score, both sides together." },
  { key: "partnerSeesTrends", label: "Trends over time", hint: "Every cycle's scores and the change since the previous one." },
  {
    key: "partnerSeesComments",
    label: "Comments",
    hint: "What people wrote about each pillar; a side's comments only with enough responses, never with names in confidential mode.",
  },
  {
    key: "partnerSeesSides",
    label: "Each side's scores and the gaps",
    hint: "Your team's and the partner's own scores per pillar, and where they differ by 20 points or more.",
  },
  { key: "partnerSeesStatements", label: "Statement breakdown", hint: "Each statement's score, and per side too when sides are shared." },
];

// What partner contacts see of their own partnerships' scorecards. The other parts all sit next
// to the scores, so without "Combined scores" they are off too (and shown so).
export function SharingForm({ slug, initial }: { slug: string; initial: PartnerSharing }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [s, setS] = useState(initial);
  const save = useMutation(trpc.workspace.updatePartnerSharing.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = useFormErrors(save.error, []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ workspaceSlug: slug, ...s });
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="sharing-heading">
      <Card
        title={<span id="sharing-heading">What partner contacts see</span>}
        description="Of their own partnerships' scorecards. Partner contacts never see individual answers, never names in confidential mode, and nothing of other partner organisations."
      >
        <fieldset className="space-y-3">
          <legend className="sr-only">Parts of the scorecard shared with partner contacts</legend>
          {OPTIONS.map((o) => {
            const needsScores = o.key !== "partnerSeesScores";
            const disabled = needsScores && !s.partnerSeesScores;
            return (
              <div key={o.key} className="flex items-start gap-3">
                <input
                  id={`sharing-${o.key}`}
                  type="checkbox"
                  checked={s[o.key] && !disabled}
                  disabled={disabled}
                  aria-describedby={`sharing-${o.key}-hint`}
                  onChange={(e) => {
                    save.reset();
                    setS((prev) => ({ ...prev, [o.key]: e.target.checked }));
                  }}
                  className="mt-0.5 h-4 w-4 accent-brand-600 disabled:opacity-50"
                />
                <div>
                  <label
                    htmlFor={`sharing-${o.key}`}
                    className={disabled ? "text-sm font-medium text-slate-400" : "text-sm font-medium text-slate-800"}
                  >
                    {o.label}
                  </label>
                  <p id={`sharing-${o.key}-hint`} className="text-xs text-slate-500">
                    {o.hint}
                    {disabled ? " Needs the combined scores." : ""}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save sharing"}
          </Button>
          {save.isSuccess ? (
            <Alert tone="success">Saved. Partner contacts see the change the next time they open a scorecard.</Alert>
          ) : null}
          <Alert tone="error">{errors.summary}</Alert>
        </div>
      </Card>
    </form>
  );
}
