import Link from "next/link";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { PillarTrendChart } from "../../../../_components/charts/pillar-trend-chart";
import { call } from "../../../../_lib/call";
import { date, titleCase } from "../../../../_lib/format";
import { CommentsSection } from "./comments-section";
import { ExchangeSection } from "./exchange-section";
import { HealthSection, SkippedCycles, WithheldText } from "./health-section";
import { ResponseRateSection } from "./response-rate-section";
import { SidesSection } from "./sides-section";
import { StatementsSection } from "./statements-section";
import { WorkSection } from "./work-section";

export const metadata = { title: "Scorecard" };
export const dynamic = "force-dynamic";

export default async function ScorecardPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const [card, work, exchange, access] = await call((api) =>
    Promise.all([
      api.partnership.scorecard({ workspaceSlug: slug, partnershipId: id }),
      api.partnership.scorecardWork({ workspaceSlug: slug, partnershipId: id }),
      api.partnership.scorecardExchange({ workspaceSlug: slug, partnershipId: id }),
      api.partnership.workAccess({ workspaceSlug: slug, partnershipId: id }),
    ]),
  );
  // The Exchange tab is a working page: only for those who may open the partnership's work.
  const exchangeSection = (
    <ExchangeSection exchange={exchange} exchangeHref={access.work ? `/w/${slug}/partnerships/${id}/exchange` : null} />
  );
  const { partnership: p, current, viewer } = card;

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
        action={
          current ? (
            <Button asChild variant="secondary" size="sm" className="print:hidden">
              {/* Not prefetched: opening the report records it in the audit log as an export. */}
              <Link href={`/w/${slug}/partnerships/${p.id}/print`} prefetch={false}>
                Print
              </Link>
            </Button>
          ) : null
        }
      />
      {viewer.partner ? (
        <Alert tone="info" className="mb-6">
          <span data-testid="sharing-note">{card.sharing.note}</span>
        </Alert>
      ) : null}
      {!card.cycle ? (
        <div className="space-y-6">
          <EmptyState title="No scores yet">
            This partnership&apos;s scorecard fills in once people from either side have answered a survey cycle.
          </EmptyState>
          {work ? <WorkSection slug={slug} card={card} work={work} /> : null}
          {exchangeSection}
        </div>
      ) : (
        <div className="space-y-6">
          {current ? (
            <HealthSection card={card} />
          ) : (
            <Card title={`${card.cycle.label}${card.cycle.open ? " (in progress)" : ""}`}>
              <p className="text-sm text-slate-600" data-testid="withheld-note">
                {card.withheld.length ? (
                  <WithheldText card={card} />
                ) : (
                  "The results of this partnership are not shared with partner contacts."
                )}
              </p>
            </Card>
          )}

          {card.responseRate ? <ResponseRateSection rate={card.responseRate} card={card} /> : null}

          {card.series.length ? (
            <Card title="Trend" description="Each pillar and the health index per cycle, over the health bands.">
              <PillarTrendChart series={card.series} keys={card.seriesKeys} summary={card.trendSummary} />
              <SkippedCycles card={card} />
            </Card>
          ) : null}

          {work ? <WorkSection slug={slug} card={card} work={work} /> : null}

          {exchangeSection}

          {current && card.sides.shown ? <SidesSection card={card} /> : null}

          {card.statements ? <StatementsSection statements={card.statements} card={card} /> : null}

          {card.comments ? <CommentsSection slug={slug} partnershipId={p.id} first={card.comments} /> : null}

          {!viewer.partner ? (
            <p className="text-xs text-slate-500" data-testid="sharing-note">
              {card.sharing.note}
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
