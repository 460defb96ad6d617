// The renewal page's read-only sections: health history, latest gaps, actions, goals, past
// reviews and phase history. Plain server components over the lifecycle.review data, except the
// trend chart (a client component).
import { BandBadge } from "../../../../../_components/band-badge";
import { PillarTrendChart } from "../../../../../_components/charts/pillar-trend-chart";
import { Card, EmptyState } from "../../../../../_components/card";
import { Table } from "../../../../../_components/table";
import { capitalise, change, changeClass, date, titleCase } from "../../../../../_lib/format";
import type { RouterOutputs } from "~/server/trpc/types";
import { ExchangeFiguresTable } from "../exchange-figures";

export type Review = RouterOutputs["lifecycle"]["review"];

const DECISION: Record<string, string> = { RENEW: "Renew", REVISE_TERMS: "Revise terms", EXIT: "Exit" };

// The trend in one sentence: where the health index went from its first scored cycle to its last.
function trendInWords(health: Review["health"]): string | null {
  const scored = health.filter((h) => h.health !== null);
  if (scored.length < 2) return null;
  const first = scored[0]!;
  const last = scored.at(-1)!;
  const delta = Math.round(last.health!) - Math.round(first.health!);
  const moved = delta === 0 ? "held at" : delta > 0 ? `rose ${delta} points to` : `fell ${-delta} points to`;
  return `The health index ${moved} ${Math.round(last.health!)} in ${last.cycleLabel}, from ${Math.round(first.health!)} in ${first.cycleLabel}.`;
}

export function HealthHistory({ health }: { health: Review["health"] }) {
  const summary = trendInWords(health);
  return (
    <Card
      title="Health history"
      description="The health index of every cycle with answers, as stored when they were submitted. A cycle with too few responses shows none, and changes skip it."
    >
      {health.length === 0 ? (
        <p className="text-sm text-slate-600">No cycle has scores for this partnership yet.</p>
      ) : (
        <div className="space-y-4">
          {summary ? <p className="text-sm font-medium text-slate-800">{summary}</p> : null}
          {health.filter((h) => h.health !== null).length >= 2 ? (
            <PillarTrendChart
              title="Health index across cycles"
              summary={summary}
              keys={[]}
              series={health.map((h) => ({ label: h.cycleLabel, health: h.health }))}
            />
          ) : null}
          <Table
            caption="Health per cycle"
            columns={[{ label: "Cycle" }, { label: "Health", align: "right" }, { label: "Band" }, { label: "Change" }]}
          >
            {[...health].reverse().map((h) => (
              <tr key={h.cycleId}>
                <td className="font-medium text-slate-900">
                  {h.cycleLabel}
                  {h.open ? <span className="ml-1 text-xs font-normal text-slate-500">(in progress)</span> : null}
                </td>
                {h.health === null ? (
                  <td colSpan={3} className="text-sm italic text-slate-500">
                    {h.withheld ? capitalise(h.withheld) : "No score"}
                  </td>
                ) : (
                  <>
                    <td className="text-right tabular-nums">{Math.round(h.health)}</td>
                    <td>
                      <BandBadge band={h.band} />
                    </td>
                    <td className={changeClass(h.change)}>{change(h.change)}</td>
                  </>
                )}
              </tr>
            ))}
          </Table>
        </div>
      )}
    </Card>
  );
}

export function Gaps({ gaps }: { gaps: Review["gaps"] }) {
  if (!gaps) return null;
  const flagged = gaps.pillars.filter((p) => p.flagged);
  return (
    <Card title={`Perception gaps in ${gaps.cycleLabel}`} description="Where the two sides see a pillar 20 points or more apart.">
      {!gaps.visible ? (
        <p className="text-sm text-slate-600">{gaps.note}</p>
      ) : (
        <>
          {gaps.note ? <p className="mb-2 text-sm text-slate-600">{gaps.note}</p> : null}
          <p className="mb-3 text-sm text-slate-600">
            {flagged.length === 0
              ? "No pillar differs by 20 points or more."
              : `${flagged.length} ${flagged.length === 1 ? "pillar differs" : "pillars differ"} by 20 points or more.`}
          </p>
          <Table
            caption="Each side's score and the gap per pillar"
            columns={[
              { label: "Pillar" },
              { label: "Your team", align: "right" },
              { label: "Partner", align: "right" },
              { label: "Gap", align: "right" },
            ]}
          >
            {gaps.pillars.map((p) => (
              <tr key={p.key}>
                <td className="font-medium text-slate-900">{p.name}</td>
                <td className="text-right tabular-nums">{p.host === null ? "–" : Math.round(p.host)}</td>
                <td className="text-right tabular-nums">{p.partner === null ? "–" : Math.round(p.partner)}</td>
                <td className={p.flagged ? "text-right font-semibold text-red-700 tabular-nums" : "text-right tabular-nums"}>
                  {p.gap === null ? "–" : Math.round(p.gap)}
                  {p.flagged ? <span className="sr-only"> (flagged)</span> : null}
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </Card>
  );
}

function ActionList({ title, actions }: { title: string; actions: Review["actions"]["open"] }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">
        {title} ({actions.length})
      </h3>
      {actions.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {actions.map((a) => (
            <li key={a.id} className="py-2">
              <span className="font-medium text-slate-900">{a.title}</span>
              <span className="block text-xs text-slate-500">
                {titleCase(a.status)} · {a.ownerName ?? "no owner yet"}
                {a.dueDate ? ` · by ${date(a.dueDate)}` : ""}
                {a.pillarKey ? ` · ${titleCase(a.pillarKey)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Actions({ actions }: { actions: Review["actions"] }) {
  return (
    <Card title="Actions" description="What the two sides agreed to do, and what got done.">
      <div className="grid gap-6 md:grid-cols-2">
        <ActionList title="Open" actions={actions.open} />
        <ActionList title="Done or dropped" actions={actions.done} />
      </div>
    </Card>
  );
}

export function Goals({ goals }: { goals: Review["goals"] }) {
  const behind = goals.filter((g) => g.behind);
  const achieved = goals.filter((g) => g.status === "ACHIEVED").length;
  return (
    <Card
      title="Joint goals"
      description={
        goals.length === 0
          ? undefined
          : `${achieved} of ${goals.length} achieved${behind.length ? `; ${behind.length} behind schedule` : ""}.`
      }
    >
      {behind.length > 0 ? (
        <div className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3">
          <h3 className="text-sm font-semibold text-amber-900">Behind schedule</h3>
          <ul className="mt-1 space-y-1 text-sm text-amber-900">
            {behind.map((g) => (
              <li key={g.id}>
                <span className="font-medium">{g.title}</span>: {g.behind}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {goals.length === 0 ? (
        <p className="text-sm text-slate-600">No joint goals were set.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {goals.map((g) => (
            <li key={g.id} className="py-2">
              <span className="font-medium text-slate-900">{g.title}</span>
              <span className="block text-xs text-slate-500">
                {g.measure}: target {g.targetText} by {date(g.dueDate)} · {titleCase(g.status)} ·{" "}
                {g.valueText === null ? "no check-in yet" : `${g.valueText} (${g.progress}%) at the ${g.lastCheckIn} check-in`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function PastReviews({ reviews }: { reviews: Review["pastReviews"] }) {
  return (
    <Card title="Past renewal reviews">
      {reviews.length === 0 ? (
        <p className="text-sm text-slate-600">No renewal review has been decided yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {reviews.map((r) => (
            <li key={r.id} className="py-3">
              <p className="font-medium text-slate-900">
                Renewal on {date(r.renewalDate)}: {r.decision ? DECISION[r.decision] : "open"}
                {r.nextRenewalDate ? `, until ${date(r.nextRenewalDate)}` : ""}
              </p>
              <p className="text-xs text-slate-500">
                Decided by {r.decidedByName ?? "a former member"} on {date(r.decidedAt)} · opened {date(r.openedAt)}
                {r.openedByName ? ` by ${r.openedByName}` : " automatically"}
              </p>
              {r.reasons ? <p className="mt-1 whitespace-pre-line text-slate-700">{r.reasons}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function PhaseHistory({ changes }: { changes: Review["phaseChanges"] }) {
  if (changes.length === 0)
    return <EmptyState title="No phase changes yet">Every change of phase is recorded here, with who made it and why.</EmptyState>;
  return (
    <ol className="divide-y divide-slate-100 text-sm">
      {changes.map((c) => (
        <li key={c.id} className="py-2">
          <span className="font-medium text-slate-900">
            {titleCase(c.from)} → {titleCase(c.to)}
          </span>
          <span className="block text-xs text-slate-500">
            {date(c.at)} · {c.memberName ?? "automatically"}
          </span>
          {c.reason ? <span className="block whitespace-pre-line text-slate-700">{c.reason}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function ValueExchange({ exchange }: { exchange: Review["exchange"] }) {
  return (
    <Card
      title="Value exchange"
      description={`What each side asked of and gave the other, over the asks and offers made ${exchange.since}. Value counts each delivered item's rating (3 when unrated).`}
    >
      <ExchangeFiguresTable figures={exchange} caption={`Value exchange ${exchange.since}`} />
    </Card>
  );
}
