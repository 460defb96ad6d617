import clsx from "clsx";
import type { Ref } from "react";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import type { Form, SurveyState } from "./answers";
import { answerLabel } from "./statement-question";

// Every answer and comment by pillar; with `onEdit`, a way back to each pillar.
export function AnswerSummary({ form, state, onEdit }: { form: Form; state: SurveyState; onEdit?: (step: number) => void }) {
  return (
    <div className="space-y-4">
      {form.pillars.map((pillar, i) => (
        <section
          key={pillar.id}
          aria-labelledby={`review-${pillar.id}`}
          className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`review-${pillar.id}`} className="text-base font-semibold text-slate-900">
              {pillar.name}
            </h3>
            {onEdit ? (
              <Button variant="secondary" size="sm" onClick={() => onEdit(i)} aria-label={`Change your ${pillar.name} answers`}>
                Change
              </Button>
            ) : null}
          </div>
          <dl className="mt-3 divide-y divide-slate-100">
            {pillar.statements.map((s) => {
              const answered = s.id in state.answers;
              return (
                <div key={s.id} className="grid gap-1 py-2 sm:grid-cols-3 sm:gap-4">
                  <dt className="text-sm text-slate-700 sm:col-span-2">{s.text}</dt>
                  <dd className={clsx("text-sm", answered ? "font-medium text-slate-900" : "font-medium text-red-700")}>
                    {answered ? answerLabel(state.answers[s.id] ?? null) : "Not answered"}
                  </dd>
                </div>
              );
            })}
          </dl>
          <p className="mt-3 text-sm text-slate-600">
            {state.comments[pillar.id]?.trim() ? (
              <>
                <span className="font-medium text-slate-800">Your comment: </span>
                <span className="whitespace-pre-line">{state.comments[pillar.id]}</span>
              </>
            ) : (
              "No comment."
            )}
          </p>
        </section>
      ))}
    </div>
  );
}

interface Props {
  form: Form;
  state: SurveyState;
  missing: number;
  showMissing: boolean;
  submitting: boolean;
  submitError: string | null;
  headingRef: Ref<HTMLHeadingElement>;
  onEdit: (step: number) => void;
  onSubmit: () => void;
}

export function ReviewStep({ form, state, missing, showMissing, submitting, submitError, headingRef, onEdit, onSubmit }: Props) {
  const firstIncomplete = form.pillars.findIndex((p) => p.statements.some((s) => !(s.id in state.answers)));
  return (
    <section aria-labelledby="review-heading" className="space-y-4">
      <div>
        <h2 id="review-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
          Review your answers
        </h2>
        <p className="text-sm text-slate-600">
          {missing
            ? `${missing} ${missing === 1 ? "statement is" : "statements are"} not answered yet; they are marked below.`
            : "Everything is answered. Check your answers, then submit."}
        </p>
      </div>
      <AnswerSummary form={form} state={state} onEdit={onEdit} />
      <div className="flex flex-col items-end gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {showMissing && missing ? (
          <Alert tone="error">
            Please answer every statement ({missing} left). Choose &ldquo;Don&apos;t know&rdquo; where you cannot say.{" "}
            <button type="button" className="font-medium underline" onClick={() => onEdit(firstIncomplete)}>
              Go to {form.pillars[firstIncomplete]?.name}
            </button>
          </Alert>
        ) : null}
        {submitError ? <Alert tone="error">{submitError}</Alert> : null}
        <div className="flex w-full flex-wrap justify-between gap-3">
          <Button variant="secondary" onClick={() => onEdit(form.pillars.length - 1)}>
            Back
          </Button>
          <Button onClick={onSubmit} disabled={submitting}>
            {submitting ? "Submitting…" : form.previous ? "Update answers" : "Submit answers"}
          </Button>
        </div>
      </div>
    </section>
  );
}
