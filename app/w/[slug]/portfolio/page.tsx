import Link from "next/link";
import { BandBadge } from "../../../_components/band-badge";
import { Button } from "../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { PortfolioHealthChart } from "../../../_components/charts/portfolio-health-chart";
import { PortfolioTrendChart } from "../../../_components/charts/portfolio-trend-chart";
import { Stat } from "../../../_components/stat";
import { Table } from "../../../_components/table";
import { call } from "../../../_lib/call";
import { change, changeClass, score, titleCase } from "../../../_lib/format";

export const metadata = { title: "Portfolio" };
export const dynamic = "force-dynamic";

export default async function PortfolioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [portfolio, workspace] = await call((api) =>
    Promise.all([api.portfolio.overview({ workspaceSlug: slug }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const isAdmin = workspace.role === "OWNER" || workspace.role === "ADMIN";
  const { summary, rows } = portfolio;

  if (rows.length === 0) {
    return (
      <>
        <PageHeader title="Portfolio" />
        <EmptyState
          title="No partnerships yet"
          action={
            isAdmin ? (
              <Button asChild>
                <Link href={`/w/${slug}/admin/partners`}>Add your first partner</Link>
              </Button>
            ) : null
          }
        >
          {isAdmin
            ? "Add your partner organisations and their partnerships, then open a survey cycle to start measuring health."
            : "An admin of this workspace has not added any partnerships yet."}
        </EmptyState>
      </>
    );
  }

  const scored = rows.filter((r) => r.health !== null).length;
  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Every partnership's current health, and where the program is heading. Select a partnership to open its scorecard."
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label="Partnerships" value={summary.partnerships} detail={`${scored} with scores`} />
        <Stat
          label="Average health"
          value={score(summary.average)}
          detail={<span className={changeClass(summary.change)}>{change(summary.change)} (mean change)</span>}
        />
        <Stat label="Healthy" value={<span className="text-green-700">{summary.bands.HEALTHY}</span>} detail="75–100" />
        <Stat label="Watch" value={<span className="text-amber-700">{summary.bands.WATCH}</span>} detail="60–74" />
        <Stat label="At risk" value={<span className="text-red-700">{summary.bands.AT_RISK}</span>} detail="0–59" />
      </dl>

      {scored === 0 ? (
        <EmptyState title="No survey results yet">
          Scores appear here once people have answered a survey cycle.{" "}
          {isAdmin ? (
            <Link className="font-medium text-brand-700 hover:underline" href={`/w/${slug}/cycles`}>
              Open a cycle
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="Health by partnership" description="Current health index, coloured by band.">
            <PortfolioHealthChart slug={slug} rows={rows} />
          </Card>
          <Card title="Portfolio over time" description="Partnerships per band in each cycle, and the average health index.">
            <PortfolioTrendChart series={portfolio.series} />
          </Card>
        </div>
      )}

      <Card title="All partnerships" className="mt-6">
        <Table
          caption="Partnerships with their current health, band, change and pillar scores"
          bleed={false}
          columns={[
            { label: "Partnership" },
            { label: "Tier" },
            { label: "Owner" },
            { label: "Health", align: "right" },
            { label: "Band" },
            { label: "Change" },
            ...portfolio.pillarKeys.map((p) => ({ label: p.name, align: "right" as const })),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <th scope="row" className="font-medium">
                <Link href={`/w/${slug}/partnerships/${r.id}`} className="text-brand-700 hover:underline">
                  {r.name}
                </Link>
                <span className="block text-xs font-normal text-slate-500">{r.partnerName}</span>
              </th>
              <td>{titleCase(r.tier)}</td>
              <td>{r.ownerName ?? "–"}</td>
              <td className="text-right font-semibold tabular-nums text-slate-900">{score(r.health)}</td>
              <td>
                <BandBadge band={r.band} />
              </td>
              <td className={`tabular-nums ${changeClass(r.change)}`}>{r.health === null ? "–" : change(r.change)}</td>
              {portfolio.pillarKeys.map((p) => (
                <td key={p.key} className="text-right tabular-nums">
                  {score(r.pillars[p.key])}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
