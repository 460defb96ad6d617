import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { date, isoDay } from "../../../../_lib/format";
import { adminCall } from "../_lib/admin-call";
import { CycleActions } from "./cycle-actions";
import { NewCycleForm } from "./new-cycle-form";
import { nextCycleLabel } from "./next-label";
import { StatusBadge } from "./status-badge";

export const metadata = { title: "Survey cycles" };
export const dynamic = "force-dynamic";

const DEFAULT_LENGTH_DAYS = 21;
const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-3 text-slate-600";

export default async function CyclesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const {
    data: [cycles, framework],
  } = await adminCall(slug, (api) => Promise.all([api.cycle.list({ workspaceSlug: slug }), api.framework.current({ workspaceSlug: slug })]));
  const today = new Date();
  const closes = new Date(today.getTime() + DEFAULT_LENGTH_DAYS * 24 * 60 * 60 * 1000);

  return (
    <>
      <PageHeader
        title="Survey cycles"
        description="A cycle is one survey round, usually a quarter. While a cycle is open, your people and partner contacts answer the survey for each partnership."
      />
      <div className="space-y-6">
        <Card title="Cycles" description="Newest first. Closing a cycle stops new answers; reopening it keeps every answer it had.">
          {cycles.length === 0 ? (
            <EmptyState title="No cycles yet">Create the first cycle below, then open it when you are ready for answers.</EmptyState>
          ) : (
            <div className="-mx-5 overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">Survey cycles</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className={`${th} pl-5`}>Cycle</th>
                    <th scope="col" className={th}>Opens</th>
                    <th scope="col" className={th}>Closes</th>
                    <th scope="col" className={th}>Status</th>
                    <th scope="col" className={th}>Framework</th>
                    <th scope="col" className={`${th} text-right`}>Responses</th>
                    <th scope="col" className={`${th} pr-5`}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {cycles.map((c) => (
                    <tr key={c.id} className="align-top">
                      <td className="px-3 py-3 pl-5 font-medium text-slate-900">{c.label}</td>
                      <td className={`${td} whitespace-nowrap`}>{date(c.opensAt)}</td>
                      <td className={`${td} whitespace-nowrap`}>{date(c.closesAt)}</td>
                      <td className={td}>
                        <StatusBadge status={c.status} />
                      </td>
                      <td className={td}>Version {c.frameworkVersion}</td>
                      <td className={`${td} text-right tabular-nums`}>{c.responses}</td>
                      <td className="px-3 py-3 pr-5">
                        <CycleActions slug={slug} cycle={{ id: c.id, label: c.label, status: c.status, responses: c.responses }} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        <Card
          title="New cycle"
          description={
            <>
              A new cycle starts as a draft: nobody can answer until you open it. It uses the framework as it is now
              {framework ? ` (version ${framework.version})` : ""}, and keeps that version even if the framework is edited later, so its
              scores never change.
            </>
          }
        >
          <NewCycleForm slug={slug} suggestedLabel={nextCycleLabel(cycles[0]?.label, today)} opensAt={isoDay(today)} closesAt={isoDay(closes)} />
        </Card>
      </div>
    </>
  );
}
