import type { Ref } from "react";
import { Button } from "../../../../../_components/button";
import type { Answers, Form } from "./answers";
import { fromRadio, StatementQuestion, toRadio } from "./statement-question";

type Pillar = Form["pillars"][number];

interface Props {
  pillar: Pillar;
  isFirst: boolean;
  nextName: string | null;
  answers: Answers;
  comment: string;
  headingRef: Ref<HTMLHeadingElement>;
  onAnswer: (statementId: string, value: number | null) => void;
  onComment: (text: string) => void;
  onBack: () => void;
  onNext: () => void;
}

export function PillarStep({ pillar, isFirst, nextName, answers, comment, headingRef, onAnswer, onComment, onBack, onNext }: Props) {
  const headingId = `pillar-heading-${pillar.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        {pillar.name}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{pillar.description}</p>
      <ol className="space-y-5">
        {pillar.statements.map((s) => (
          <StatementQuestion
            key={s.id}
            id={s.id}
            text={s.text}
            value={toRadio(answers[s.id])}
            invalid={false}
            disabled={false}
            onChange={(value) => onAnswer(s.id, fromRadio(value))}
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
        value={comment}
        onChange={(e) => onComment(e.target.value)}
        className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
      />
      <div className="mt-6 flex flex-wrap justify-between gap-3">
        <Button variant="secondary" onClick={onBack} disabled={isFirst}>
          Back
        </Button>
        <Button onClick={onNext}>{nextName ? "Next" : "Review answers"}</Button>
      </div>
    </section>
  );
}
