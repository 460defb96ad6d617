import Link from "next/link";
import { BandBadge } from "../../../../../_components/band-badge";
import { Button } from "../../../../../_components/button";
import { PillarTrendChart } from "../../../../../_components/charts/pillar-trend-chart";
import { ScrollRegion } from "../../../../../_components/scroll-region";
import { call } from "../../../../../_lib/call";
import { change, date, score, titleCase } from "../../../../../_lib/format";
import { SkippedCycles, WithheldText } from "../health-section";
import type { RouterOutputs } from "~/server/trpc/types";
import { PrintButton } from "./print-button";

export const metadata = { title: "Scorecard report" };
export const dynamic = "force-dynamic";

// A4 with 12 mm margins leaves about 700 px of width at the browser's 96 dpi.
const CHART = { width: 690, height: 210 };
type Pillar = RouterOutputs["partnership"]["report"]["pillars"][number];

// Each side's score and the gap, as columns: beside the combined scores when both are of one
// cycle, or in a table of their own.
function SideHeads({ hostLabel, partnerLabel }: { hostLabel: string; partnerLabel: string }) {
  return (
    <>
      {[hostLabel, partnerLabel, "Gap"].map((label) => (
        <th key={label} scope="col" className="px-2 py-1.5 text-right font-medium">
          {label}
        </th>
      ))}
    </>
  );
}

function SideCells({ pillar }: { pillar: Pillar }) {
  const gap = pillar.gap === null ? "–" : `${Math.round(pillar.gap)}${pillar.gapFlagged ? " ⚑" : ""}`;
  return (
    <>
      <td className="px-2 py-1.5 text-right">{pillar.hostShown ? score(pillar.host) : "hidden"}</td>
      <td className="px-2 py-1.5 text-right">{pillar.partnerShown ? score(pillar.partner) : "hidden"}</td>
      <td className="px-2 py-1.5 text-right">{gap}</td>
    </>
  );
}

const PRINT_CSS = "@page { size: A4; margin: 12mm; } @media print { body { background: white; } }";

// The scorecard as a one-page A4 report: the scorecard's data by the same access and sharing
// rules (partnership.report, which also records the report in the audit log), laid out for
// paper; the browser's print dialog saves it as a PDF.
export default async function PrintScorecardPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const [card, exchange] = await call((api) =>
    Promise.all([
      api.partnership.report({ workspaceSlug: slug, partnershipId: id }),
      api.partnership.scorecardExchange({ workspaceSlug: slug, partnershipId: id }),
    ]),
  );
  const { partnership: p, current, viewer } = card;
  const sides = current !== null && card.sides.shown && (card.sides.hostVisible || card.sides.partnerVisible);
  // One cycle per table: each side's scores sit beside the combined ones only when they are of
  // the same cycle; otherwise they get a table of their own, headed with their cycle.
  const sidesInline = sides && card.sides.cycleLabel === current?.cycleLabel;
  const trends = card.series.length > 0;
  const comments = (card.comments?.pillars ?? [])
    .flatMap((pillar) => pillar.comments.slice(0, 1).map((c) => ({ pillar: pillar.name, ...c })))
    .slice(0, 4);
  const today = new Date();

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton />
        <Button asChild variant="secondary">
          <Link href={`/w/${slug}/partnerships/${p.id}`}>Back to the scorecard</Link>
        </Button>
        <p className="text-sm text-slate-600">One A4 page. In the print dialog, choose &ldquo;Save as PDF&rdquo; to keep a copy.</p>
      </div>

      <ScrollRegion label="The report, laid out for an A4 page">
        <article
          aria-label={`Scorecard report: ${p.name}`}
          className="mx-auto w-full max-w-[794px] bg-white p-10 text-slate-900 shadow-sm ring-1 ring-slate-200 print:max-w-none print:p-0 print:shadow-none print:ring-0"
        >
          <header className="flex items-start justify-between gap-4 border-b border-slate-200 pb-3">
            <div>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{viewer.workspaceName} · partnership scorecard</p>
              <h1 className="text-2xl font-semibold tracking-tight">{p.name}</h1>
              <p className="text-sm text-slate-600">
                {p.partnerName} · {titleCase(p.tier)} tier · {titleCase(p.phase)}
                {p.ownerName ? ` · owner ${p.ownerName}` : ""}
              </p>
            </div>
            <div className="text-right text-xs text-slate-600">
              <p>
                Cycle <strong className="text-slate-900">{card.cycle?.label ?? "–"}</strong>
                {card.cycle?.open ? " (in progress)" : ""}
              </p>
              <p>Printed {date(today)}</p>
            </div>
          </header>

          {viewer.partner ? <p className="mt-3 text-xs text-slate-600">{card.sharing.note}</p> : null}

          {!current ? (
            <p className="mt-6 text-sm text-slate-700">
              {!card.cycle ? (
                "No scores yet."
              ) : card.withheld.length ? (
                <WithheldText card={card} />
              ) : (
                "The results of this partnership are not shared with partner contacts."
              )}
            </p>
          ) : (
            <>
              {current.notes.map((note) => (
                <p key={note} className="mt-3 text-xs text-slate-600">
                  {note}
                </p>
              ))}
              <section aria-label="Health" className="mt-4 flex items-center gap-6">
                <div>
                  <p className="whitespace-nowrap text-xs font-medium uppercase tracking-wide text-slate-500">Health index</p>
                  <p className="text-4xl font-semibold tabular-nums">{score(current.health)}</p>
                </div>
                <div className="space-y-1 text-sm">
                  <BandBadge band={current.band} />
                  {trends ? <p className="text-slate-700">{change(current.change)} since the previous cycle</p> : null}
                </div>
                <p className="ml-auto text-right text-xs text-slate-600">
                  {current.responses.host + current.responses.partner} responses: {current.responses.host} from{" "}
                  {viewer.hostLabel.toLowerCase() === "your team" ? "your team" : viewer.hostLabel}, {current.responses.partner} from{" "}
                  {viewer.partnerLabel.toLowerCase() === "your team" ? "your team" : viewer.partnerLabel}
                  {card.responseRate?.host && card.responseRate.partner
                    ? ` (response rate ${card.responseRate.host.percent ?? "–"}% and ${card.responseRate.partner.percent ?? "–"}%)`
                    : ""}
                </p>
              </section>

              <h2 className="mt-4 text-sm font-semibold">Pillar scores · {current.cycleLabel}</h2>
              <table className="mt-1 w-full text-sm">
                <caption className="sr-only">
                  Pillar scores in {current.cycleLabel}
                  {sidesInline ? ", each side's scores and the gaps" : ""}
                </caption>
                <thead>
                  <tr className="border-b border-slate-300 text-left text-xs uppercase tracking-wide text-slate-500">
                    <th scope="col" className="px-2 py-1.5 font-medium">
                      Pillar
                    </th>
                    <th scope="col" className="px-2 py-1.5 text-right font-medium">
                      Score
                    </th>
                    <th scope="col" className="px-2 py-1.5 pl-3 font-medium">
                      Band
                    </th>
                    {trends ? (
                      <th scope="col" className="px-2 py-1.5 text-right font-medium">
                        Change
                      </th>
                    ) : null}
                    {sidesInline ? (
                      <>
                        <SideHeads hostLabel={viewer.hostLabel} partnerLabel={viewer.partnerLabel} />
                      </>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {card.pillars.map((pillar) => (
                    <tr key={pillar.key}>
                      <th scope="row" className="px-2 py-1.5 text-left font-medium">
                        {pillar.name}
                      </th>
                      <td className="px-2 py-1.5 text-right">{pillar.score === null ? "withheld" : score(pillar.score)}</td>
                      <td className="px-2 py-1.5 pl-3">
                        <BandBadge band={pillar.band} />
                      </td>
                      {trends ? <td className="px-2 py-1.5 text-right text-slate-700">{change(pillar.change)}</td> : null}
                      {sidesInline ? (
                        <>
                          <SideCells pillar={pillar} />
                        </>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
              {sides && !sidesInline ? (
                <>
                  <h2 className="mt-4 text-sm font-semibold">Each side · {card.sides.cycleLabel}</h2>
                  <p className="text-xs text-slate-500">
                    The latest cycle where both sides&apos; scores can be shown; {current.cycleLabel} has too few answers on one side.
                  </p>
                  <table className="mt-1 w-full text-sm">
                    <caption className="sr-only">Each side&apos;s pillar scores and the gaps in {card.sides.cycleLabel}</caption>
                    <thead>
                      <tr className="border-b border-slate-300 text-left text-xs uppercase tracking-wide text-slate-500">
                        <th scope="col" className="px-2 py-1.5 font-medium">
                          Pillar
                        </th>
                        <SideHeads hostLabel={viewer.hostLabel} partnerLabel={viewer.partnerLabel} />
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 tabular-nums">
                      {card.pillars.map((pillar) => (
                        <tr key={pillar.key}>
                          <th scope="row" className="px-2 py-1.5 text-left font-medium">
                            {pillar.name}
                          </th>
                          <SideCells pillar={pillar} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : null}

              {card.pillars.some((x) => x.gapSentence) ? (
                <ul className="mt-3 space-y-1 text-sm" aria-label="Perception gaps">
                  {card.pillars
                    .filter((x) => x.gapSentence)
                    .map((x) => (
                      <li key={x.key} className="rounded bg-amber-50 px-2 py-1 text-amber-900 ring-1 ring-amber-200">
                        <strong>Perception gap:</strong> {x.gapSentence}
                      </li>
                    ))}
                </ul>
              ) : null}

              {trends ? (
                <section aria-label="Trend" className="mt-4 break-inside-avoid">
                  <h2 className="mb-1 text-sm font-semibold">Trend across cycles</h2>
                  <PillarTrendChart series={card.series} keys={card.seriesKeys} summary={card.trendSummary} fixed={CHART} />
                  <SkippedCycles card={card} />
                </section>
              ) : null}

              {!exchange.empty ? (
                <section aria-label="Value exchange" className="mt-4 break-inside-avoid text-xs" data-testid="print-exchange">
                  <h2 className="mb-1 text-sm font-semibold">Value exchange · {exchange.year}</h2>
                  <p className="text-slate-800">{exchange.sentence}</p>
                  <p className="text-slate-700">
                    <strong>Reciprocity index: {exchange.index ?? "—"}</strong>
                    {exchange.oneSided ? " (one-sided)" : ""}. {exchange.meaning} {exchange.offers} {exchange.value}
                  </p>
                </section>
              ) : null}

              {comments.length ? (
                <section aria-label="Recent comments" className="mt-4 break-inside-avoid">
                  <h2 className="mb-1 text-sm font-semibold">Recent comments</h2>
                  <ul className="grid grid-cols-2 gap-2 text-xs">
                    {comments.map((c, i) => (
                      <li key={i} className="rounded bg-slate-50 px-2 py-1.5 ring-1 ring-slate-200">
                        <p className="line-clamp-3 text-slate-800">“{c.text}”</p>
                        <p className="mt-0.5 text-slate-500">
                          {c.pillar} · {c.author ? `${c.author}, ` : ""}
                          {c.sideLabel} · {c.cycleLabel}
                        </p>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          )}
        </article>
      </ScrollRegion>
    </>
  );
}
