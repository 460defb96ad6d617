import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { ACTIVE_PHASES, TIERS } from "~/server/services/portfolio/schema";
import { Button } from "../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { PortfolioBandsChart } from "../../../_components/charts/portfolio-bands-chart";
import { PortfolioSpreadChart } from "../../../_components/charts/portfolio-spread-chart";
import { Stat } from "../../../_components/stat";
import { call } from "../../../_lib/call";
import { BAND_LABEL, change, changeClass, score, titleCase, type Band } from "../../../_lib/format";
import { FilterBar } from "./filter-bar";
import { Heatmap, Pager } from "./heatmap";
import { Insights } from "./insights";
import { exportHref, isFiltered, readView, toInput, viewHref, type View } from "./view";

export const metadata = { title: "Portfolio" };
export const dynamic = "force-dynamic";

type Api = Parameters<Parameters<typeof call>[0]>[0];

// An old link may sort by a pillar the framework no longer has: show the default order instead.
async function load(api: Api, slug: string, view: View) {
  try {
    return { view, portfolio: await api.portfolio.overview(toInput(slug, view)) };
  } catch (error) {
    if (!(error instanceof TRPCError && error.code === "BAD_REQUEST" && view.sort)) throw error;
    const plain: View = { ...view, sort: undefined, dir: undefined };
    return { view: plain, portfolio: await api.portfolio.overview(toInput(slug, plain)) };
  }
}

const BANDS: Band[] = ["HEALTHY", "WATCH", "AT_RISK"];

export default async function PortfolioPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const [{ view, portfolio }, workspace] = await call(async (api) =>
    Promise.all([load(api, slug, readView(await searchParams)), api.workspace.current({ workspaceSlug: slug })]),
  );
  const isAdmin = workspace.can.administer;
  const { summary, filters } = portfolio;

  if (summary.active === 0) {
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

  const filtered = isFiltered(view);
  const keep = Object.fromEntries((["sort", "dir", "size"] as const).flatMap((k) => (view[k] !== undefined ? [[k, String(view[k])]] : [])));
  const bandHrefs = Object.fromEntries(BANDS.map((b) => [b, viewHref(slug, view, { band: b })])) as Record<Band, string>;
  const fields = [
    { name: "tier", label: "Tier", value: view.tier ?? "", options: TIERS.map((t) => ({ value: t, label: titleCase(t) })) },
    { name: "phase", label: "Phase", value: view.phase ?? "", options: ACTIVE_PHASES.map((p) => ({ value: p, label: titleCase(p) })) },
    {
      name: "owner",
      label: "Owner",
      value: view.owner ?? "",
      options: filters.options.owners.map((o) => ({ value: o.id, label: o.name })),
    },
    { name: "region", label: "Region", value: view.region ?? "", options: filters.options.regions.map((r) => ({ value: r, label: r })) },
    {
      name: "industry",
      label: "Industry",
      value: view.industry ?? "",
      options: filters.options.industries.map((r) => ({ value: r, label: r })),
    },
    {
      name: "band",
      label: "Band",
      value: view.band ?? "",
      options: [...BANDS.map((b) => ({ value: b, label: BAND_LABEL[b] })), { value: "NONE", label: "No score yet" }],
    },
  ];

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Where every partnership stands, how the program has moved, and which partnerships need attention. Select a partnership to open its scorecard."
        action={
          <Button variant="secondary" asChild>
            <a href={exportHref(slug, view)}>Download CSV</a>
          </Button>
        }
      />
      <div className="mb-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <FilterBar
          fields={fields}
          keep={keep}
          result={`${summary.partnerships.toLocaleString("en")} ${summary.partnerships === 1 ? "partnership" : "partnerships"}${filtered ? " match" : ""}`}
          clearHref={
            filtered
              ? viewHref(slug, view, {
                  tier: undefined,
                  phase: undefined,
                  owner: undefined,
                  region: undefined,
                  industry: undefined,
                  band: undefined,
                })
              : null
          }
        />
      </div>

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-6">
        <Stat
          label="Partnerships"
          value={summary.partnerships.toLocaleString("en")}
          detail={
            filtered ? `of ${summary.active.toLocaleString("en")} active · ${summary.scored} scored` : `${summary.scored} with scores`
          }
        />
        <Stat
          label="Average health"
          value={score(summary.average)}
          detail={<span className={changeClass(summary.change)}>{change(summary.change)} (mean change)</span>}
        />
        <Stat
          label="Median health"
          value={score(summary.median)}
          detail={summary.q1 === null ? "no scores yet" : `middle half ${score(summary.q1)}–${score(summary.q3)}`}
        />
        {BANDS.map((b) => (
          <Stat
            key={b}
            label={BAND_LABEL[b]}
            value={
              <Link
                href={bandHrefs[b]}
                className={`${b === "HEALTHY" ? "text-green-700" : b === "WATCH" ? "text-amber-700" : "text-red-700"} inline-block min-w-6 hover:underline`}
              >
                {summary.bands[b]}
                {/* Read out of context (a list of links), the number alone would say nothing. */}
                <span className="sr-only"> {BAND_LABEL[b].toLowerCase()}: list them</span>
              </Link>
            }
            detail={b === "HEALTHY" ? "75–100" : b === "WATCH" ? "60–74" : "0–59"}
          />
        ))}
      </dl>

      {summary.partnerships === 0 ? (
        <EmptyState title="No partnerships match these filters">
          <Link className="font-medium text-brand-700 hover:underline" href={viewHref(slug, {}, {})}>
            Clear filters
          </Link>{" "}
          to see the whole portfolio.
        </EmptyState>
      ) : (
        <>
          {summary.scored === 0 ? (
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
              <Card title="Bands over time" description="Partnerships in each band per cycle. Select a band to list its partnerships.">
                <PortfolioBandsChart
                  series={portfolio.series}
                  hrefs={bandHrefs}
                  now={{ HEALTHY: summary.bands.HEALTHY, WATCH: summary.bands.WATCH, AT_RISK: summary.bands.AT_RISK }}
                />
              </Card>
              <Card
                title="Spread across cycles"
                description="Median health index, the middle half of partnerships (shaded) and the average (dashed)."
              >
                <PortfolioSpreadChart series={portfolio.series} />
              </Card>
            </div>
          )}

          <div className="mt-6">
            <Insights slug={slug} view={view} insights={portfolio.insights} year={portfolio.reciprocityYear} />
          </div>

          <Card
            className="mt-6"
            title="Partnerships by pillar"
            description="Current scores, coloured by band, with the change since each partnership's previous score. A cycle with too few responses is not shown: the row keeps its last cycle with enough, and says so. Select a row to open its scorecard."
          >
            <Heatmap slug={slug} view={view} portfolio={portfolio} />
            <Pager slug={slug} view={view} page={portfolio.page} />
          </Card>
        </>
      )}
    </>
  );
}
