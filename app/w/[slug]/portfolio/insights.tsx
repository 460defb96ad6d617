import Link from "next/link";
import type { ReactNode } from "react";
import type { Portfolio } from "~/server/services/portfolio/schema";
import { Card } from "../../../_components/card";
import { score } from "../../../_lib/format";
import { viewHref, type View } from "./view";

const SHOW_FEWER = "Show fewer";

function Insight({
  title,
  description,
  total,
  shown,
  more,
  empty,
  children,
}: {
  title: string;
  description: ReactNode;
  total: number;
  shown: number;
  more: { href: string; label: string } | null;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Card title={title} description={description}>
      {total === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <>
          <ol aria-label={title} className="divide-y divide-slate-100 text-sm">
            {children}
          </ol>
          {more && (total > shown || more.label === SHOW_FEWER) ? (
            <Link href={more.href} className="mt-2 inline-block py-1 text-sm font-medium text-brand-700 hover:underline">
              {more.label}
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}

function Item({
  slug,
  id,
  name,
  partnerName,
  children,
}: {
  slug: string;
  id: string;
  name: string;
  partnerName: string;
  children: ReactNode;
}) {
  return (
    <li className="flex items-baseline justify-between gap-3 py-1">
      <span className="min-w-0">
        <Link href={`/w/${slug}/partnerships/${id}`} className="inline-block py-1 font-medium text-brand-700 hover:underline">
          {name}
        </Link>
        <span className="block truncate text-xs text-slate-500">{partnerName}</span>
      </span>
      <span className="shrink-0 text-right tabular-nums">{children}</span>
    </li>
  );
}

export function Insights({
  slug,
  view,
  insights,
  year,
}: {
  slug: string;
  view: View;
  insights: Portfolio["insights"];
  // The period of the reciprocity figures (the portfolio has no period filter: the calendar year).
  year: number;
}) {
  const { moversUp, moversDown, atRisk, gaps, responseRates, leastBalanced } = insights;
  const showAll = (total: number) => `Show all ${total.toLocaleString("en")}`;
  return (
    <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
      <Insight
        title="Biggest movers up"
        description="Health index change since each partnership's previous score. A partnership whose latest cycle has too few responses is left out."
        total={moversUp.total}
        shown={moversUp.items.length}
        more={{ href: viewHref(slug, view, { sort: "change", dir: "desc" }), label: showAll(moversUp.total) }}
        empty="No partnership rose by a point or more."
      >
        {moversUp.items.map((m) => (
          <Item key={m.id} slug={slug} {...m}>
            <span className="font-semibold text-green-700">▲ {Math.round(m.change)}</span>
            <span className="block text-xs text-slate-500">now {score(m.health)}</span>
          </Item>
        ))}
      </Insight>
      <Insight
        title="Biggest movers down"
        description="Health index change since each partnership's previous score. A partnership whose latest cycle has too few responses is left out."
        total={moversDown.total}
        shown={moversDown.items.length}
        more={{ href: viewHref(slug, view, { sort: "change", dir: "asc" }), label: showAll(moversDown.total) }}
        empty="No partnership fell by a point or more."
      >
        {moversDown.items.map((m) => (
          <Item key={m.id} slug={slug} {...m}>
            <span className="font-semibold text-red-700">▼ {Math.abs(Math.round(m.change))}</span>
            <span className="block text-xs text-slate-500">now {score(m.health)}</span>
          </Item>
        ))}
      </Insight>
      <Insight
        title="At risk"
        description="Health index below 60 now, lowest first. A partnership whose latest cycle has too few responses is left out."
        total={atRisk.total}
        shown={atRisk.items.length}
        more={{ href: viewHref(slug, view, { band: "AT_RISK", sort: "health", dir: "asc" }), label: showAll(atRisk.total) }}
        empty="No partnership is at risk."
      >
        {atRisk.items.map((m) => (
          <Item key={m.id} slug={slug} {...m}>
            <span className="font-semibold text-red-700">{score(m.health)}</span>
          </Item>
        ))}
      </Insight>
      <Insight
        title="Largest perception gaps"
        description="Pillars where the two sides' scores differ by 20 points or more, where both sides have enough responses to be shown."
        total={gaps.total}
        shown={gaps.items.length}
        more={
          view.show === "gaps"
            ? { href: viewHref(slug, view, { show: undefined }), label: SHOW_FEWER }
            : { href: viewHref(slug, view, { show: "gaps" }), label: showAll(gaps.total) }
        }
        empty="No pillar with a gap of 20 points or more between the two sides."
      >
        {gaps.items.map((g) => (
          <li key={g.id} className="py-1">
            <Link href={`/w/${slug}/partnerships/${g.id}`} className="inline-block py-1 font-medium text-brand-700 hover:underline">
              {g.name}
            </Link>
            <span className="block text-slate-600">
              {g.text} <span className="text-xs text-slate-500">({g.cycleLabel})</span>
            </span>
          </li>
        ))}
      </Insight>
      <Insight
        title="Low response rates"
        description={
          responseRates.cycleLabel
            ? `Fewer than half of the people asked have answered in ${responseRates.cycleLabel}${responseRates.cycleOpen ? " (open)" : ""}.`
            : "No survey cycle has run yet."
        }
        total={responseRates.total}
        shown={responseRates.items.length}
        more={
          view.show === "responses"
            ? { href: viewHref(slug, view, { show: undefined }), label: SHOW_FEWER }
            : { href: viewHref(slug, view, { show: "responses" }), label: showAll(responseRates.total) }
        }
        empty={responseRates.cycleLabel ? "Every partnership has at least half of its people answering." : "Nothing to show yet."}
      >
        {responseRates.items.map((r) => (
          <Item key={r.id} slug={slug} {...r}>
            <span className="font-semibold text-slate-900">
              {r.answered} of {r.asked}
            </span>
            <span className="block text-xs text-slate-500">{r.percent}%</span>
          </Item>
        ))}
      </Insight>
      <Insight
        title="Least balanced partnerships"
        description={`Lowest reciprocity index in ${year} (asks and offers made this calendar year), among partnerships with at least one delivery. 100 is balanced; 0 means only one side gave.`}
        total={leastBalanced.total}
        shown={leastBalanced.items.length}
        more={
          view.show === "balance"
            ? { href: viewHref(slug, view, { show: undefined }), label: SHOW_FEWER }
            : { href: viewHref(slug, view, { show: "balance" }), label: showAll(leastBalanced.total) }
        }
        empty={`Nothing has been delivered between the sides of any partnership in ${year} yet.`}
      >
        {leastBalanced.items.map((b) => (
          <li key={b.id} className="flex items-baseline justify-between gap-3 py-1" data-testid="least-balanced">
            <span className="min-w-0">
              <Link href={`/w/${slug}/partnerships/${b.id}`} className="inline-block py-1 font-medium text-brand-700 hover:underline">
                {b.name}
              </Link>
              <span className="block text-xs text-slate-600">{b.text}</span>
            </span>
            <span className="shrink-0 text-right tabular-nums">
              <span className="font-semibold text-slate-900">
                <span className="sr-only">Reciprocity index </span>
                {b.index}
              </span>
              {b.oneSided ? <span className="block text-xs font-medium text-red-700">One-sided</span> : null}
            </span>
          </li>
        ))}
      </Insight>
    </div>
  );
}
