import clsx from "clsx";
import Link from "next/link";
import type { Portfolio, PortfolioRow } from "~/server/services/portfolio/schema";
import { BAND_LABEL, capitalise, titleCase, type Band } from "../../../_lib/format";
import { CELL, ReciprocityFigure, ScoreFigure } from "./heatmap-format";
import { viewHref, type View } from "./view";

// The heatmap on a phone or a narrow window: its eight columns would not fit, so each
// partnership becomes a card with its health and a small labelled cell per pillar, and the
// column headers' sorting becomes a row of links above. Nothing is left out, nothing pans.

function SmallCell({ label, value, band, change }: { label: string; value: number | null; band: Band | null; change: number | null }) {
  return (
    <div className={clsx("rounded px-2 py-1", value !== null && band ? CELL[band] : "bg-slate-50 text-slate-500")}>
      <dt className="truncate text-[11px] font-medium uppercase tracking-wide opacity-80">{label}</dt>
      <dd className="tabular-nums">
        {value === null ? (
          "–"
        ) : (
          <>
            <ScoreFigure value={value} change={change} />
            {band ? <span className="sr-only">, {BAND_LABEL[band]}</span> : null}
          </>
        )}
      </dd>
    </div>
  );
}

function RowCard({ slug, row, pillarKeys, year }: { slug: string; row: PortfolioRow; pillarKeys: Portfolio["pillarKeys"]; year: number }) {
  return (
    <li className="rounded-md p-3 ring-1 ring-inset ring-slate-200" data-testid="heatmap-card">
      <Link href={`/w/${slug}/partnerships/${row.id}`} className="inline-block py-0.5 font-medium text-brand-700 hover:underline">
        {row.name}
      </Link>
      <p className="text-xs text-slate-500">
        {row.partnerName} · {titleCase(row.tier)}
        {row.ownerName ? ` · ${row.ownerName}` : ""}
      </p>
      {row.withheld && row.health !== null ? (
        <p className="text-xs text-amber-800">
          {row.cycleLabel}&apos;s figures: {row.withheld.cycleLabel} has {row.withheld.text}
        </p>
      ) : null}
      {row.health === null ? (
        <p className="mt-2 text-sm italic text-slate-500">
          {row.withheld ? `${capitalise(row.withheld.text)} in ${row.withheld.cycleLabel}` : "No responses yet"}
        </p>
      ) : (
        <dl className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-3">
          <SmallCell label={`Health ${row.cycleLabel}`} value={row.health} band={row.band} change={row.change} />
          {pillarKeys.map((p) => (
            <SmallCell
              key={p.key}
              label={p.name}
              value={row.pillars[p.key] ?? null}
              band={row.pillarBands[p.key] ?? null}
              change={row.pillarChanges[p.key] ?? null}
            />
          ))}
        </dl>
      )}
      <p className="mt-2 text-xs text-slate-600">
        Reciprocity {year}: <ReciprocityFigure cell={row.reciprocity} year={year} />
      </p>
    </li>
  );
}

export function HeatmapCards({ slug, view, portfolio }: { slug: string; view: View; portfolio: Portfolio }) {
  const { rows, pillarKeys, sort } = portfolio;
  const columns = [
    { column: "name", label: "Partnership" },
    { column: "health", label: "Health" },
    { column: "change", label: "Change" },
    ...pillarKeys.map((p) => ({ column: `pillar:${p.key}`, label: p.name })),
  ];
  return (
    <div>
      <nav aria-label="Sort the heatmap" className="mb-3 flex flex-wrap items-center gap-x-1 gap-y-1 text-sm">
        <span className="mr-1 text-slate-500">Sort by</span>
        {columns.map(({ column, label }) => {
          const active = sort.column === column;
          const href = viewHref(slug, view, { sort: column, dir: active ? (sort.dir === "asc" ? "desc" : "asc") : undefined });
          return (
            <Link
              key={column}
              href={href}
              scroll={false}
              aria-current={active ? "true" : undefined}
              className={clsx(
                "inline-flex min-h-6 items-center gap-1 rounded px-1.5 py-0.5 ring-1 ring-inset",
                active ? "bg-slate-900 text-white ring-slate-900" : "text-slate-700 ring-slate-200 hover:bg-slate-50",
              )}
            >
              {label}
              {active ? <span className="sr-only">{sort.dir === "asc" ? ", ascending" : ", descending"}</span> : null}
              {active ? <span aria-hidden>{sort.dir === "asc" ? "▲" : "▼"}</span> : null}
            </Link>
          );
        })}
      </nav>
      <ul className="grid gap-2 sm:grid-cols-2" aria-label="Partnership heatmap">
        {rows.map((r) => (
          <RowCard key={r.id} slug={slug} row={r} pillarKeys={pillarKeys} year={portfolio.reciprocityYear} />
        ))}
      </ul>
    </div>
  );
}
