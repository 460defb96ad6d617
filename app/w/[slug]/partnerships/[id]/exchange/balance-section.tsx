import type { Balance } from "~/server/services/exchange/reciprocity";
import { Card } from "../../../../../_components/card";
import { balanceWords, indexWords, type Side } from "./words";

interface Period {
  title: string;
  when: string;
  balance: Balance | null;
}

// The give/get balance of the current cycle and of the year, in words from the viewer's side,
// with the reciprocity index and what it means.
export function BalanceSection({ periods, viewer, names }: { periods: Period[]; viewer: Side; names: Record<Side, string> }) {
  return (
    <Card
      title="Give and get"
      description="Counted over the asks and offers made in each period. Reciprocity runs from 0 (only one side gave) to 100 (both gave as much)."
    >
      <div className="grid gap-4 md:grid-cols-2">
        {periods.map((p) => (
          <section key={p.title} aria-label={`Balance ${p.title}`} className="space-y-2 rounded-md bg-slate-50 p-4 text-sm">
            <h3 className="font-semibold text-slate-900">{p.title}</h3>
            {p.balance ? (
              <>
                <ul className="space-y-1 text-slate-700">
                  {balanceWords(p.balance, viewer, names, p.when).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p className="text-slate-700">
                  <span className="font-medium text-slate-900">
                    Reciprocity {p.balance.index === null ? "–" : `${p.balance.index} of 100`}
                  </span>
                  {p.balance.oneSided ? (
                    <span className="ml-2 inline-block rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200">
                      One-sided
                    </span>
                  ) : null}
                  <span className="block text-xs text-slate-600">{indexWords(p.balance)}</span>
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
