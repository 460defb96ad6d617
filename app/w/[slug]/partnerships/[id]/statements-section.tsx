import clsx from "clsx";
import { Alert } from "../../../../_components/alert";
import { BandBadge } from "../../../../_components/band-badge";
import { Card } from "../../../../_components/card";
import { ScrollRegion } from "../../../../_components/scroll-region";
import { change, changeClass, score } from "../../../../_lib/format";
import type { Scorecard } from "~/server/services/scorecard";

type Statements = NonNullable<Scorecard["statements"]>;

const signed = (v: number | null) => {
  if (v === null) return "–";
  const r = Math.round(v);
  return r > 0 ? `+${r}` : r === 0 ? "0" : `−${Math.abs(r)}`;
};

function PullBadge({ pull }: { pull: "DOWN" | "UP" | null }) {
  if (!pull) return null;
  return (
    <span
      className={clsx(
        "ml-2 inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        pull === "DOWN" ? "bg-red-50 text-red-800 ring-red-600/30" : "bg-green-50 text-green-800 ring-green-600/30",
      )}
    >
      {pull === "DOWN" ? "▼ pulls the pillar down" : "▲ lifts the pillar"}
    </span>
  );
}

// Per pillar, which statements move it: each statement's score per side where confidentiality
// allows, the combined score, its distance from the pillar score and its change.
export function StatementsSection({ statements, card }: { statements: Statements; card: Scorecard }) {
  const sides = statements.hostVisible || statements.partnerVisible;
  // The weakest pillar opens first: it is the one people look into.
  const weakest = statements.pillars.reduce<Statements["pillars"][number] | null>(
    (low, p) => (p.score !== null && (low === null || low.score === null || p.score < low.score) ? p : low),
    null,
  );
  return (
    <Card
      title="Statements"
      description={
        `Which statements move each pillar in ${statements.cycleLabel}` +
        (statements.previousCycleLabel ? `, and how each changed since ${statements.previousCycleLabel}.` : ".") +
        " Don't-know answers count in no score."
      }
    >
      {statements.notes.map((note) => (
        <Alert key={note} tone="info" className="mb-3">
          {note}
        </Alert>
      ))}
      <div className="space-y-2">
        {statements.pillars.map((pillar) => (
          <details
            key={pillar.key}
            open={pillar.key === weakest?.key}
            className="group rounded-md ring-1 ring-slate-200 open:ring-slate-300"
            data-testid={`statements-${pillar.key}`}
          >
            <summary className="flex cursor-pointer list-none items-center gap-3 rounded-md px-3 py-2.5 hover:bg-slate-50">
              <span aria-hidden className="text-slate-400 transition-transform group-open:rotate-90">
                ▸
              </span>
              <span className="font-medium text-slate-900">{pillar.name}</span>
              <span className="tabular-nums text-slate-700">{score(pillar.score)}</span>
              <BandBadge band={pillar.band} />
              <span className="ml-auto text-xs text-slate-500">{pillar.statements.length} statements</span>
            </summary>
            <ScrollRegion label={`${pillar.name}: statements`} className="px-3 pb-3">
              {pillar.note ? (
                <Alert tone="info" className="mb-2">
                  {pillar.note}
                </Alert>
              ) : null}
              <table className="min-w-full text-sm">
                <caption className="sr-only">
                  {pillar.name}: each statement&apos;s scores, its difference from the pillar score, its change and don&apos;t-know answers
                </caption>
                <thead>
                  <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                    <th scope="col" className="py-2 pr-3 text-left font-medium">
                      Statement
                    </th>
                    {sides ? (
                      <>
                        <th scope="col" className="px-2 py-2 text-right font-medium">
                          {card.viewer.hostLabel}
                        </th>
                        <th scope="col" className="px-2 py-2 text-right font-medium">
                          {card.viewer.partnerLabel}
                        </th>
                      </>
                    ) : null}
                    <th scope="col" className="px-2 py-2 text-right font-medium">
                      Combined
                    </th>
                    <th scope="col" className="px-2 py-2 text-right font-medium">
                      <abbr title="Difference from the pillar score" className="no-underline">
                        vs pillar
                      </abbr>
                    </th>
                    {statements.previousCycleLabel ? (
                      <th scope="col" className="px-2 py-2 text-right font-medium">
                        Change
                      </th>
                    ) : null}
                    <th scope="col" className="py-2 pl-2 text-right font-medium">
                      Don&apos;t know
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums text-slate-700">
                  {pillar.statements.map((s) => (
                    <tr key={s.key} data-testid={`statement-${s.key}`}>
                      <th scope="row" className="py-2 pr-3 text-left font-normal text-slate-900">
                        {s.text}
                        <PullBadge pull={s.pull} />
                      </th>
                      {sides ? (
                        <>
                          <td className="px-2 py-2 text-right">{pillar.hostVisible ? score(s.host) : "hidden"}</td>
                          <td className="px-2 py-2 text-right">{pillar.partnerVisible ? score(s.partner) : "hidden"}</td>
                        </>
                      ) : null}
                      <td className="px-2 py-2 text-right font-medium text-slate-900">
                        {pillar.combinedVisible ? score(s.combined) : "hidden"}
                      </td>
                      <td className={clsx("px-2 py-2 text-right", changeClass(s.vsPillar))}>{signed(s.vsPillar)}</td>
                      {statements.previousCycleLabel ? (
                        <td className={clsx("px-2 py-2 text-right", changeClass(s.change))}>
                          {s.change === null ? "–" : change(s.change)}
                        </td>
                      ) : null}
                      <td className="py-2 pl-2 text-right">{dontKnow(s, pillar)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        ))}
      </div>
    </Card>
  );
}

function dontKnow(s: Statements["pillars"][number]["statements"][number], pillar: Statements["pillars"][number]) {
  if (s.dontKnow.total === 0) return "0";
  if (pillar.hostVisible && pillar.partnerVisible) return `${s.dontKnow.total} (${s.dontKnow.host} + ${s.dontKnow.partner})`;
  return String(s.dontKnow.total);
}
