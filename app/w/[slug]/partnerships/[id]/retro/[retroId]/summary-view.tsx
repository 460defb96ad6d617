import { Button } from "../../../../../../_components/button";
import { Card } from "../../../../../../_components/card";
import { Table } from "../../../../../../_components/table";
import { date } from "../../../../../../_lib/format";
import { ExchangeFiguresTable } from "../../exchange-figures";
import type { RetroView } from "./use-retro";

type Summary = NonNullable<RetroView["summary"]>;

const votes = (n: number) => `${n} ${n === 1 ? "vote" : "votes"}`;

// The closed retro's summary, as both sides read it and as its export and email carry it.
export function SummaryView({ summary, exportPath }: { summary: Summary; exportPath: string }) {
  return (
    <Card
      title="Summary"
      description={`Closed on ${date(summary.closedAt)}. Emailed to everyone who took part and everyone on the partnership.`}
      action={
        <div className="flex gap-2">
          <Button asChild size="sm" variant="secondary">
            <a href={`${exportPath}?format=md`} download>
              Export as Markdown
            </a>
          </Button>
          <Button asChild size="sm" variant="secondary">
            <a href={`${exportPath}?format=csv`} download>
              Export as CSV
            </a>
          </Button>
        </div>
      }
    >
      <div className="space-y-6">
        <div className="grid gap-4 md:grid-cols-3">
          {summary.lists.map((l) => (
            <section key={l.list} aria-label={`Top of ${l.label}`}>
              <h3 className="text-sm font-semibold text-slate-900">{l.label}</h3>
              {l.top.length ? (
                <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                  {l.top.map((t, i) => (
                    <li key={i}>
                      {t.text} <span className="text-slate-500">({votes(t.votes)})</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="mt-1 text-sm text-slate-500">No item received a vote.</p>
              )}
            </section>
          ))}
        </div>

        <section aria-label="Agreed actions">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Actions</h3>
          {summary.actions.length ? (
            <Table
              caption="Actions agreed in the retro"
              bleed={false}
              columns={[{ label: "Action" }, { label: "Owner" }, { label: "By when" }, { label: "Pillar" }]}
            >
              {summary.actions.map((a, i) => (
                <tr key={i}>
                  <td className="text-slate-900">{a.title}</td>
                  <td>
                    {a.owner ?? "–"}
                    {a.side ? <span className="text-slate-500"> ({a.side})</span> : null}
                  </td>
                  <td>{date(a.dueDate)}</td>
                  <td>{a.pillar ?? "–"}</td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-sm text-slate-500">No actions.</p>
          )}
        </section>

        <section aria-label="Value exchange">
          <h3 className="text-sm font-semibold text-slate-900">Value exchange</h3>
          <p className="mb-2 mt-1 text-sm text-slate-600">The asks and offers made {summary.exchange.since}.</p>
          <ExchangeFiguresTable figures={summary.exchange} caption={`Value exchange ${summary.exchange.since}`} />
        </section>

        <section aria-label="Who took part">
          <h3 className="text-sm font-semibold text-slate-900">Who took part</h3>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {summary.attendees.map((a, i) => (
              <li key={i} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-700">
                {a.name} <span className="text-slate-600">· {a.side}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Card>
  );
}
