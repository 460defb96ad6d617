import Link from "next/link";
import { Table } from "../../../../_components/table";
import { change, changeClass, date } from "../../../../_lib/format";
import { ActionDue, ActionStatusBadge } from "../../actions/_components/action-badges";
import { PHASE_LABEL } from "~/server/services/retro/rules";
import type { Scorecard } from "~/server/services/scorecard";
import type { ScorecardWork } from "~/server/services/scorecard/work";

// The partnership's work beside its scores: did what both sides did move the pillar it was for?
// Then the actions still open, and each cycle's retro.
export function WorkSection({ slug, card, work }: { slug: string; card: Scorecard; work: ScorecardWork }) {
  const base = `/w/${slug}/partnerships/${card.partnership.id}`;
  const trends = card.sharing.trends || !card.viewer.partner;
  const pillarName = new Map(card.pillars.map((p) => [p.key, p.name]));
  const doneFor = (key: string | null) => work.doneByPillar.find((g) => g.pillarKey === key)?.actions ?? [];
  const unassigned = doneFor(null);
  return (
    <>
      {work.cycleLabel && card.pillars.length ? (
        <section aria-labelledby="outcomes-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="outcomes-heading" className="text-base font-semibold text-slate-900">
            What we did, and what moved
          </h2>
          <p className="mb-4 mt-0.5 text-sm text-slate-500">
            {work.sinceLabel
              ? `Actions done since ${work.sinceLabel} closed, beside each pillar's change in ${work.cycleLabel}.`
              : `Actions done up to ${work.cycleLabel}, beside each pillar's score.`}
          </p>
          <Table
            caption="Each pillar's change beside the actions done for it"
            columns={[{ label: "Pillar" }, ...(trends ? [{ label: "Change" }] : []), { label: "Actions done for it" }]}
          >
            {card.pillars.map((p) => {
              const done = doneFor(p.key);
              return (
                <tr key={p.key} className="border-b border-slate-100 align-top" data-testid={`outcome-${p.key}`}>
                  <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900 first:pl-5">
                    {p.name}
                  </th>
                  {trends ? <td className={`px-3 py-2 tabular-nums ${changeClass(p.change)}`}>{change(p.change)}</td> : null}
                  <td className="px-3 py-2 last:pr-5">
                    {done.length ? (
                      <ul className="space-y-1">
                        {done.map((a) => (
                          <li key={a.id}>
                            <Link href={`${base}/actions/${a.id}`} className="text-brand-700 hover:underline">
                              {a.title}
                            </Link>
                            <span className="text-slate-500">
                              {" "}
                              · {a.ownerName ?? "no owner"}, done {date(a.doneAt)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-slate-500">None</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
          {unassigned.length ? (
            <p className="mt-3 text-sm text-slate-600">
              Also done, for no pillar in particular: {unassigned.map((a) => a.title).join("; ")}.
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="open-actions-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 id="open-actions-heading" className="text-base font-semibold text-slate-900">
              Open actions
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">What either side agreed to do and has not finished.</p>
          </div>
          <Link href={`${base}/actions`} className="text-sm font-medium text-brand-700 hover:underline">
            All actions
          </Link>
        </div>
        {work.openActions.length ? (
          <Table
            caption="Open actions"
            columns={[{ label: "Action" }, { label: "Owner" }, { label: "By when" }, { label: "Pillar" }, { label: "Status" }]}
          >
            {work.openActions.map((a) => (
              <tr key={a.id} className="border-b border-slate-100">
                <td className="px-3 py-2 first:pl-5">
                  <Link href={`${base}/actions/${a.id}`} className="text-brand-700 hover:underline">
                    {a.title}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {a.ownerName ?? "Nobody yet"}
                  {a.ownerSide ? (
                    <span className="text-slate-500">
                      {" "}
                      · {a.ownerSide === "PARTNER" ? card.partnership.partnerName : card.viewer.workspaceName}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 tabular-nums">
                  <ActionDue dueDate={a.dueDate} overdue={a.overdue} />
                </td>
                <td className="px-3 py-2">{a.pillarKey ? (pillarName.get(a.pillarKey) ?? a.pillarKey) : "–"}</td>
                <td className="px-3 py-2 last:pr-5">
                  <ActionStatusBadge status={a.status} />
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="text-sm text-slate-600">No open actions.</p>
        )}
      </section>

      {work.retros.length ? (
        <section aria-labelledby="retros-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="retros-heading" className="text-base font-semibold text-slate-900">
            Retros
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {work.retros.map((r) => (
              <li key={r.retroId}>
                <Link href={`${base}/retro/${r.retroId}`} className="font-medium text-brand-700 hover:underline">
                  Retro {r.cycleLabel}
                </Link>{" "}
                <span className="text-slate-500">({PHASE_LABEL[r.phase].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
