import clsx from "clsx";
import { PHASE_LABEL, phaseIndex, RETRO_PHASES, type RetroPhase } from "~/server/services/retro/rules";

// The six steps, the current one marked for sight and for screen readers.
export function PhaseStepper({ phase }: { phase: RetroPhase }) {
  const current = phaseIndex(phase);
  return (
    <nav aria-label="Retro steps">
      <p className="mb-2 text-sm text-slate-700">
        Step {current + 1} of {RETRO_PHASES.length}:{" "}
        <strong data-testid="retro-phase" className="text-slate-900">
          {PHASE_LABEL[phase]}
        </strong>
      </p>
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {RETRO_PHASES.map((p, i) => (
          <li
            key={p}
            aria-current={i === current ? "step" : undefined}
            className={clsx(
              "rounded-md px-2 py-1.5 text-xs font-medium ring-1 ring-inset",
              i === current && "bg-brand-600 text-white ring-brand-600",
              i < current && "bg-brand-50 text-brand-900 ring-brand-100",
              i > current && "bg-white text-slate-500 ring-slate-200",
            )}
          >
            <span className="tabular-nums">{i + 1}.</span> {PHASE_LABEL[p]}
            {i < current ? <span className="sr-only"> (done)</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
