import type { PeriodWords } from "~/server/services/exchange/words";
import { Card } from "../../../../../_components/card";

interface Period {
  title: string;
  words: PeriodWords | null;
}

// The give/get balance of the current cycle and of the year, in words from the viewer's side
// (said by the server, as the scorecard says it), with the reciprocity index and what it means.
export function BalanceSection({ periods }: { periods: Period[] }) {
  return (
    <Card
      title="Give and get"
      description="Counted over the asks and offers made in each period. Reciprocity runs from 0 (only one side gave) to 100 (both gave as much)."
    >
      <div className="grid gap-4 md:grid-cols-2">
        {periods.map((p) => (
          <section key={p.title} aria-label={`Balance ${p.title}`} className="space-y-2 rounded-md bg-slate-50 p-4 text-sm">
            <h3 className="font-semibold text-slate-900">{p.title}</h3>
            {p.words ? (
              <>
                <ul className="space-y-1 text-slate-700">
                  <li>{p.words.asks}</li>
                  <li>{p.words.offers}</li>
                  <li>{p.words.value}</li>
                </ul>
                <p className="text-slate-700">
                  <span className="font-medium text-slate-900">Reciprocity {p.words.index === null ? "–" : `${p.words.index} of 100`}</span>
                  {p.words.oneSided ? (
                    <span className="ml-2 inline-block rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200">
                      One-sided
                    </span>
                  ) : null}
                  <span className="block text-xs text-slate-600">{p.words.meaning}</span>
                </p>
              </>
            ) : (
              <p className="text-slate-600">No survey cycle has opened yet.</p>
            )}
          </section>
        ))}
      </div>
    </Card>
  );
}
