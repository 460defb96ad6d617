import { BandBadge } from "../../../../_components/band-badge";
import { Alert } from "../../../../_components/alert";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { PillarTrendChart } from "../../../../_components/charts/pillar-trend-chart";
import { call } from "../../../../_lib/call";
import { change, changeClass, date, score, titleCase } from "../../../../_lib/format";
import { SidesSection } from "./sides-section";

export const metadata = { title: "Scorecard" };
export const dynamic = "force-dynamic";

export default async function ScorecardPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const [card, workspace] = await call((api) =>
    Promise.all([api.partnership.scorecard({ workspaceSlug: slug, partnershipId: id }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const { partnership: p, current } = card;
  // Counts are told from the reader's side: a partner contact's "side" is the partner.
  const hostSide = workspace.role === "PARTNER" ? workspace.name : "your side";

  return (
    <>
      <PageHeader
        title={p.name}
        description={
          <>
            {p.partnerName} · {titleCase(p.tier)} tier · {titleCase(p.phase)}
            {p.ownerName ? ` · owner ${p.ownerName}` : ""}
            {p.renewalDate ? ` · renewal ${date(p.renewalDate)}` : ""}
          </>
        }
      />
      {!current ? (
        <EmptyState title="No scores yet">
          This partnership&apos;s scorecard fills in once people from either side have answered a survey cycle.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <section aria-labelledby="health-heading" className="grid gap-4 lg:grid-cols-5">
            <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-1">
              <h2 id="health-heading" className="text-xs font-medium uppercase tracking-wide text-slate-500">
                Health index
              </h2>
              <p className="mt-1 text-4xl font-semibold tabular-nums text-slate-900" data-testid="health-index">
                {score(current.health)}
              </p>
              <BandBadge band={current.band} className="mt-2" />
              <p className={`mt-2 text-sm ${changeClass(current.change)}`}>{change(current.change)}</p>
              <p className="mt-3 text-xs text-slate-500">
                {current.cycleLabel}
                {current.cycleOpen ? " (in progress)" : ""} · {current.responses.host + current.responses.partner} responses
                <span data-testid="response-counts" className="block">
                  {current.responses.host} from {hostSide}, {current.responses.partner} from {p.partnerName}
                </span>
              </p>
            </div>
            <ul className="grid grid-cols-2 gap-4 lg:col-span-4 lg:grid-cols-4">
              {card.pillars.map((pillar) => (
                <li
                  key={pillar.key}
                  className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
                  data-testid={`pillar-${pillar.key}`}
                >
                  <h3 className="text-sm font-medium text-slate-700">{pillar.name}</h3>
                  <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{score(pillar.score)}</p>
                  <BandBadge band={pillar.band} className="mt-2" />
                  <p className={`mt-2 text-sm ${changeClass(pillar.change)}`}>{change(pillar.change)}</p>
                </li>
              ))}
            </ul>
          </section>

          <Card title="Across cycles" description="Each pillar and the health index per cycle, over the health bands.">
            <PillarTrendChart series={card.series} keys={card.seriesKeys} />
          </Card>

          {card.sides.shown ? (
            <SidesSection card={card} />
          ) : (
            <Alert tone="info">These are the combined scores of both organisations. Nobody&apos;s individual answers are shown.</Alert>
          )}
        </div>
      )}
    </>
  );
}
