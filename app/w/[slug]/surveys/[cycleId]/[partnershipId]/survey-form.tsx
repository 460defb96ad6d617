"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import type { RouterOutputs } from "~/server/trpc/types";
import { StatementQuestion, DONT_KNOW } from "./statement-question";

type Form = RouterOutputs["response"]["form"];
// Statement id -> "1".."5" or DONT_KNOW.
type Answers = Record<string, string>;

function initialAnswers(form: Form): Answers {
  const answers: Answers = {};
  for (const [id, value] of Object.entries(form.previous?.answers ?? {})) answers[id] = value === null ? DONT_KNOW : String(value);
  return answers;
}

export function SurveyForm({ slug, form }: { slug: string; form: Form }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(form));
  const [comments, setComments] = useState<Record<string, string>>(() => ({ ...(form.previous?.comments ?? {}) }));
  const [showMissing, setShowMissing] = useState(false);
  const submit = useMutation(trpc.response.submit.mutationOptions({ onSuccess: () => router.refresh() }));
  const readOnly = form.cycle.status !== "OPEN";

  const statements = form.pillars.flatMap((p) => p.statements);
  const missing = statements.filter((s) => !answers[s.id]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (missing.length) {
      setShowMissing(true);
      document.getElementById(`statement-${missing[0]!.id}`)?.focus();
      return;
    }
    submit.mutate({
      workspaceSlug: slug,
      cycleId: form.cycle.id,
      partnershipId: form.partnership.id,
      answers: statements.map((s) => ({ statementId: s.id, value: answers[s.id] === DONT_KNOW ? null : Number(answers[s.id]) })),
      comments: form.pillars.map((p) => ({ pillarId: p.id, text: comments[p.id] ?? "" })),
    });
  }

  if (submit.isSuccess) {
    return (
      <div className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <Alert tone="success">
          Thank you: your answers for {form.partnership.name} ({form.cycle.label}) are {submit.data.updated ? "updated" : "submitted"}.
        </Alert>
        <p className="mt-4 text-sm text-slate-600">You can change them until the cycle closes.</p>
        <div className="mt-6 flex justify-center gap-3">
          <Button asChild variant="secondary">
            <Link href={`/w/${slug}/surveys`}>Back to surveys</Link>
          </Button>
          <Button asChild>
            <Link href={`/w/${slug}/partnerships/${form.partnership.id}`}>See the scorecard</Link>
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {readOnly ? (
        <Alert tone="info">
          The {form.cycle.label} survey is {form.cycle.status === "CLOSED" ? "closed" : "not open yet"};{" "}
          {form.previous ? "your answers are shown read-only." : "there is nothing to answer."}
        </Alert>
      ) : form.previous ? (
        <Alert tone="info">You have already answered; changing your answers here replaces them.</Alert>
      ) : null}
      {form.pillars.map((pillar) => (
        <fieldset key={pillar.id} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" disabled={readOnly}>
          <legend className="sr-only">{pillar.name}</legend>
          <h2 className="text-lg font-semibold text-slate-900" aria-hidden>
            {pillar.name}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{pillar.description}</p>
          <ol className="space-y-5">
            {pillar.statements.map((s) => (
              <StatementQuestion
                key={s.id}
                id={s.id}
                text={s.text}
                value={answers[s.id] ?? ""}
                invalid={showMissing && !answers[s.id]}
                disabled={readOnly}
                onChange={(value) => setAnswers((a) => ({ ...a, [s.id]: value }))}
              />
            ))}
          </ol>
          <label className="mt-5 block text-sm font-medium text-slate-800" htmlFor={`comment-${pillar.id}`}>
            Anything to add about {pillar.name.toLowerCase()}? <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            id={`comment-${pillar.id}`}
            rows={2}
            maxLength={2000}
            value={comments[pillar.id] ?? ""}
            onChange={(e) => setComments((c) => ({ ...c, [pillar.id]: e.target.value }))}
            className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
        </fieldset>
      ))}
      {!readOnly ? (
        <div className="sticky bottom-0 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white/95 p-4 shadow ring-1 ring-slate-200 backdrop-blur">
          <p className="text-sm text-slate-600" aria-live="polite">
            {statements.length - missing.length} of {statements.length} answered
          </p>
          <div className="flex flex-col items-end gap-2">
            {showMissing && missing.length ? (
              <Alert tone="error">
                Please answer every statement ({missing.length} left). Choose &ldquo;Don&apos;t know&rdquo; where you cannot say.
              </Alert>
            ) : null}
            {submit.error ? <Alert tone="error">{errorMessage(submit.error)}</Alert> : null}
            <Button type="submit" disabled={submit.isPending}>
              {submit.isPending ? "Submitting…" : form.previous ? "Update answers" : "Submit answers"}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
