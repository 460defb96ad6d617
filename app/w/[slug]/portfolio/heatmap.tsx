import clsx from "clsx";
import Link from "next/link";
import type { Portfolio } from "~/server/services/portfolio/schema";
import { ScrollRegion } from "../../../_components/scroll-region";
import { BAND_LABEL, capitalise, titleCase, type Band } from "../../../_lib/format";
import { HeatmapCards } from "./heatmap-cards";
import { CELL, ReciprocityFigure, ScoreFigure, signed } from "./heatmap-format";
import { viewHref, type View } from "./view";

function Cell({ value, band, change, what }: { value: number | null; band: Band | null; change: number | null; what: string }) {
  if (value === null) return <td className="px-2 py-2 text-center text-slate-400">–</td>;
  return (
    <td className={clsx("px-2 py-2 text-center tabular-nums", band && CELL[band])}>
      <ScoreFigure value={value} change={change} />
      <span className="sr-only">
        {" "}
        {what}, {band ? BAND_LABEL[band] : ""}
      </span>
    </td>
  );
}

function SortHeader({
  slug,
  view,
  sort,
  column,
  label,
}: {
  slug: string;
  view: View;
  sort: Portfolio["sort"];
  column: string;
  label: string;
}) {
  const active = sort.column === column;
  // Following the link on the active column turns it around; on another, it sorts that one its natural way.
  const href = viewHref(slug, view, { sort: column, dir: active ? (sort.dir === "asc" ? "desc" : "asc") : undefined });
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
      className={clsx(
        "px-2 py-2 text-xs font-medium uppercase tracking-wide text-slate-500",
        column === "name" ? "text-left" : "text-center",
      )}
    >
      <Link href={href} scroll={false} className={clsx("inline-flex items-center gap-1 hover:text-slate-900", active && "text-slate-900")}>
        {label}
        <span aria-hidden className="text-[10px]">
          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function Heatmap({ slug, view, portfolio }: { slug: string; view: View; portfolio: Portfolio }) {
  const { rows, pillarKeys, sort, reciprocityYear: year } = portfolio;
  const columns = 4 + pillarKeys.length;
  // Below the lg breakpoint the table would need sideways panning: cards instead (CSS decides, so
  // the server's HTML is already right for the window).
  return (
    <>
      <div className="lg:hidden">
        <HeatmapCards slug={slug} view={view} portfolio={portfolio} />
      </div>
      <ScrollRegion label="Partnership heatmap" className="-mx-5 hidden lg:block">
        <table className="min-w-full border-separate border-spacing-0.5 px-4 text-sm">
          <caption className="sr-only">Partnership heatmap</caption>
          <thead>
            <tr>
              <SortHeader slug={slug} view={view} sort={sort} column="name" label="Partnership" />
              <SortHeader slug={slug} view={view} sort={sort} column="health" label="Health" />
              <SortHeader slug={slug} view={view} sort={sort} column="change" label="Change" />
              {pillarKeys.map((p) => (
                <SortHeader key={p.key} slug={slug} view={view} sort={sort} column={`pillar:${p.key}`} label={p.name} />
              ))}
              <th scope="col" className="px-2 py-2 text-center text-xs font-medium uppercase tracking-wide text-slate-500">
                <abbr title={`Reciprocity index of ${year}: how evenly the two sides gave value (100 balanced, 0 only one side)`}>
                  Reciprocity {year}
                </abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              // The name's link stretches over the whole row, so any cell opens the scorecard.
              <tr key={r.id} className="group relative">
                <th scope="row" className="max-w-72 px-2 py-1.5 text-left font-normal group-hover:bg-slate-50">
                  <Link
                    href={`/w/${slug}/partnerships/${r.id}`}
                    className="font-medium text-brand-700 after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-brand-600"
                  >
                    {r.name}
                  </Link>
                  <span className="block truncate text-xs text-slate-500">
                    {r.partnerName} · {titleCase(r.tier)}
                    {r.ownerName ? ` · ${r.ownerName}` : ""}
                  </span>
                  {r.withheld && r.health !== null ? (
                    <span className="block text-xs text-amber-800" data-testid="row-withheld">
                      {r.cycleLabel}&apos;s figures: {r.withheld.cycleLabel} has {r.withheld.text}
                    </span>
                  ) : null}
                </th>
                {r.health === null ? (
                  <td colSpan={columns - 2} className="px-2 py-2 text-sm italic text-slate-500 group-hover:bg-slate-50">
                    {r.withheld ? `${capitalise(r.withheld.text)} in ${r.withheld.cycleLabel}` : "No responses yet"}
                  </td>
                ) : (
                  <>
                    <Cell value={r.health} band={r.band} change={null} what={`health index ${r.cycleLabel}`} />
                    <td
                      className={clsx(
                        "px-2 py-2 text-center text-sm tabular-nums group-hover:bg-slate-50",
                        r.change === null || Math.round(r.change) === 0
                          ? "text-slate-500"
                          : r.change > 0
                            ? "text-green-700"
                            : "text-red-700",
                      )}
                    >
                      {r.change === null ? <span className="text-xs">first score</span> : signed(r.change)}
                    </td>
                    {pillarKeys.map((p) => (
                      <Cell
                        key={p.key}
                        value={r.pillars[p.key] ?? null}
                        band={r.pillarBands[p.key] ?? null}
                        change={r.pillarChanges[p.key] ?? null}
                        what={p.name}
                      />
                    ))}
                  </>
                )}
                <td className="px-2 py-2 text-center tabular-nums group-hover:bg-slate-50" data-testid="reciprocity-cell">
                  <ReciprocityFigure cell={r.reciprocity} year={year} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

export function Pager({ slug, view, page }: { slug: string; view: View; page: Portfolio["page"] }) {
  if (page.total === 0) return null;
  const from = (page.number - 1) * page.size + 1;
  const to = Math.min(page.total, page.number * page.size);
  const window = [...new Set([1, page.number - 2, page.number - 1, page.number, page.number + 1, page.number + 2, page.pages])]
    .filter((n) => n >= 1 && n <= page.pages)
    .sort((a, b) => a - b);
  const link = "rounded-md px-2.5 py-1 text-sm ring-1 ring-inset ring-slate-200 hover:bg-slate-50";
  return (
    <nav aria-label="Heatmap pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        Showing {from}–{to} of {page.total.toLocaleString("en")}
      </p>
      {page.pages > 1 ? (
        <ul className="flex flex-wrap items-center gap-1">
          {page.number > 1 ? (
            <li>
              <Link className={link} href={viewHref(slug, view, { page: page.number - 1 })} scroll={false} rel="prev">
                Previous
              </Link>
            </li>
          ) : null}
          {window.map((n, i) => (
            <li key={n} className="flex items-center gap-1">
              {i > 0 && n - window[i - 1]! > 1 ? <span aria-hidden>…</span> : null}
              {n === page.number ? (
                <span aria-current="page" className={clsx(link, "bg-brand-600 text-white ring-brand-600")}>
                  {n}
                </span>
              ) : (
                <Link className={link} href={viewHref(slug, view, { page: n })} scroll={false} aria-label={`Page ${n}`}>
                  {n}
                </Link>
              )}
            </li>
          ))}
          {page.number < page.pages ? (
            <li>
              <Link className={link} href={viewHref(slug, view, { page: page.number + 1 })} scroll={false} rel="next">
                Next
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </nav>
  );
}
