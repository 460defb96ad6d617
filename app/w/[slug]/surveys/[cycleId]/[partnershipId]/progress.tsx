import clsx from "clsx";
import type { ReactNode } from "react";
import { answeredCount, type Answers, type Form } from "./answers";

interface Props {
  form: Form;
  answers: Answers;
  step: number;
  onStep: (step: number) => void;
  // The save status, shown with the progress so it is always in view.
  children: ReactNode;
}

export function Progress({ form, answers, step, onStep, children }: Props) {
  const total = form.pillars.reduce((n, p) => n + p.statements.length, 0);
  const answered = answeredCount(form, answers);
  const reviewStep = form.pillars.length;
  const pillar = form.pillars[step];
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="text-sm font-medium text-slate-900" data-testid="survey-step">
          {pillar ? `Pillar ${step + 1} of ${form.pillars.length}: ${pillar.name}` : "Review your answers"}
        </p>
        <p className="text-sm text-slate-600" data-testid="answered-count">{`${answered} of ${total} answered`}</p>
      </div>
      <div
        role="progressbar"
        aria-label="Statements answered"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={`${answered} of ${total} statements answered`}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-[width]"
          style={{ width: `${total ? (answered / total) * 100 : 0}%` }}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Survey steps">
          <ol className="flex flex-wrap gap-1.5">
            {form.pillars.map((p, i) => {
              const done = p.statements.filter((s) => s.id in answers).length;
              return (
                <li key={p.id}>
                  <StepButton current={step === i} complete={done === p.statements.length} onClick={() => onStep(i)}>
                    {p.name} <span aria-hidden>{`${done}/${p.statements.length}`}</span>
                    <span className="sr-only">{`, ${done} of ${p.statements.length} answered`}</span>
                  </StepButton>
                </li>
              );
            })}
            <li>
              <StepButton current={step === reviewStep} complete={false} onClick={() => onStep(reviewStep)}>
                Review
              </StepButton>
            </li>
          </ol>
        </nav>
        {children}
      </div>
    </div>
  );
}

function StepButton({
  current,
  complete,
  onClick,
  children,
}: {
  current: boolean;
  complete: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-current={current ? "step" : undefined}
      className={clsx(
        "rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        current
          ? "bg-brand-600 text-white ring-brand-600"
          : complete
            ? "bg-brand-50 text-brand-900 ring-brand-200 hover:bg-brand-100"
            : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {children}
    </button>
  );
}
