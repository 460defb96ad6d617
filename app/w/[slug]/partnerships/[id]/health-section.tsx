import { Alert } from "../../../../_components/alert";
import { BandBadge } from "../../../../_components/band-badge";
import { capitalise, change, changeClass, score } from "../../../../_lib/format";
import type { Scorecard } from "~/server/services/scorecard";

// Why the latest cycle shows no figures: "Too few responses (1 of 8) so far in 2026-Q4. ...".
export function WithheldText({ card }: { card: Scorecard }) {
  const latest = card.withheld.at(-1);
  if (!latest) return null;
  const one = card.sides.threshold === 1;
  const people = `${card.sides.threshold} ${one ? "person" : "people"}`;
  return (
    <>
      {capitalise(latest.text)}
      {latest.open ? " so far" : ""} in {latest.cycleLabel}.{" "}
      {latest.open
        ? `Scores show once at least ${people} ${one ? "has" : "have"} answered`
        : `Scores show only where at least ${people} answered`}
      , so that nobody&apos;s answers can be told apart.
    </>
  );
}

// The cycles the trend line goes past, and why.
export function SkippedCycles({ card }: { card: Scorecard }) {
  if (card.withheld.length === 0) return null;
  return (
    <p className="mt-2 text-xs text-slate-500" data-testid="skipped-cycles">
      Not drawn: {card.withheld.map((w) => `${w.cycleLabel} (${w.text})`).join(", ")}.
    </p>
  );
}

// The headline: the health index with its band and change, and each pillar's.
export function HealthSection({ card }: { card: Scorecard }) {
  const current = card.current!;
  const { hostLabel, partnerLabel } = card.viewer;
  // Counts are told from the reader's side: "3 from your side, 2 from Globex".
  const from = (label: string) => (label === "Your team" ? "your side" : label);
  const trends = card.sharing.trends || !card.viewer.partner;
  return (
    <section aria-labelledby="health-heading" className="grid gap-4 lg:grid-cols-5">
      {current.notes.length ? (
        <div className="space-y-2 lg:col-span-5" data-testid="health-notes">
          {current.notes.map((note) => (
            <Alert key={note} tone="info">
              {note}
            </Alert>
          ))}
        </div>
      ) : null}
      <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-1">
        <h2 id="health-heading" className="text-xs font-medium uppercase tracking-wide text-slate-500">
          Health index
        </h2>
        <p className="mt-1 text-4xl font-semibold tabular-nums text-slate-900" data-testid="health-index">
          {score(current.health)}
        </p>
        <BandBadge band={current.band} className="mt-2" />
        {trends ? <p className={`mt-2 text-sm ${changeClass(current.change)}`}>{change(current.change)}</p> : null}
        <p className="mt-3 text-xs text-slate-500">
          {current.cycleLabel}
          {current.cycleOpen ? " (in progress)" : ""} · {current.responses.host + current.responses.partner} responses
          <span data-testid="response-counts" className="block">
            {current.responses.host} from {from(hostLabel)}, {current.responses.partner} from {from(partnerLabel)}
          </span>
        </p>
      </div>
      <ul className="grid grid-cols-2 gap-4 lg:col-span-4 lg:grid-cols-4" aria-label="Pillars">
        {card.pillars.map((pillar) => (
          <li key={pillar.key} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid={`pillar-${pillar.key}`}>
            <h3 className="text-sm font-medium text-slate-700">{pillar.name}</h3>
            <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">
              {pillar.score === null ? <span className="text-base font-normal text-slate-500">withheld</span> : score(pillar.score)}
            </p>
            <BandBadge band={pillar.band} className="mt-2" />
            {trends ? <p className={`mt-2 text-sm ${changeClass(pillar.change)}`}>{change(pillar.change)}</p> : null}
            {pillar.gapFlagged ? (
              <p className="mt-2 text-xs font-medium text-amber-800">
                ⚑ {Math.round(pillar.gap ?? 0)}-point gap between the sides
                {card.sides.cycleLabel !== current.cycleLabel ? ` in ${card.sides.cycleLabel}` : ""}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
