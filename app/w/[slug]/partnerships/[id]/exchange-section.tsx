import Link from "next/link";
import type { ScorecardExchange } from "~/server/services/scorecard/exchange";
import { Card } from "../../../../_components/card";
import { ExchangeChart } from "../../../../_components/charts/exchange-chart";

function SideFigures({ label, side }: { label: string; side: ScorecardExchange["you"] }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-800">{label}</dt>
      <dd className="mt-1 text-sm tabular-nums text-slate-700">
        {side.asksFulfilled} {side.asksFulfilled === 1 ? "ask" : "asks"} fulfilled · {side.offersDelivered}{" "}
        {side.offersDelivered === 1 ? "offer" : "offers"} delivered · received {side.valueReceived} in value
      </dd>
    </div>
  );
}

// The give/get balance of the year from the reader's side, the current cycle's in a line, and
// the balance per cycle as a chart. `exchangeHref` is the Exchange tab, for those who may open it.
export function ExchangeSection({ exchange: x, exchangeHref }: { exchange: ScorecardExchange; exchangeHref: string | null }) {
  const open = exchangeHref ? (
    <Link href={exchangeHref} className="text-sm font-medium text-brand-700 hover:underline print:hidden">
      {x.empty ? "Make the first ask" : "Open the exchange"}
    </Link>
  ) : null;
  return (
    <Card
      title="Value exchange"
      description={`What each side asked of and gave the other: asks and offers made in ${x.year}, and per cycle below. Each delivery counts its 1-5 rating as value (unrated, 3).`}
      action={open}
    >
      <div className="space-y-4" data-testid="scorecard-exchange">
        <p className="text-base text-slate-900" data-testid="exchange-sentence">
          {x.sentence}
        </p>
        {x.empty ? (
          <p className="text-sm text-slate-600">
            Nothing has been asked or offered on this partnership yet. Each side records what it asks of the other and what it offers; the
            balance fills in as they are delivered.
          </p>
        ) : (
          <>
            {x.cycleSentence ? <p className="text-sm text-slate-600">{x.cycleSentence.text}</p> : null}
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <p className="text-sm text-slate-800">
                <span className="font-medium">Reciprocity index {x.year}: </span>
                <span className="text-lg font-semibold tabular-nums" data-testid="exchange-index">
                  {x.index ?? "—"}
                </span>
                {x.oneSided ? (
                  <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="exchange-one-sided">
                    One-sided
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600" data-testid="exchange-meaning">
                {x.meaning}
              </p>
            </div>
            <p className="text-xs text-slate-500">
              The index compares the value each side gave: 100 is balanced, 0 means only one side gave; below 40 with four or more
              deliveries the exchange is one-sided.
            </p>
            <dl className="grid gap-3 sm:grid-cols-2">
              <SideFigures label="You" side={x.you} />
              <SideFigures label={x.theirName} side={x.them} />
            </dl>
            {x.series.length ? <ExchangeChart series={x.series} theirName={x.theirName} summary={x.sentence} /> : null}
          </>
        )}
      </div>
    </Card>
  );
}
