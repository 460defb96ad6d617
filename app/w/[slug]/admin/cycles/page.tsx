import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { Table } from "../../../../_components/table";
import { date, isoDay } from "../../../../_lib/format";
import { adminCall } from "../_lib/admin-call";
import { CycleActions } from "./cycle-actions";
import { NewCycleForm } from "./new-cycle-form";
import { nextCycleLabel } from "./next-label";
import { StatusBadge } from "./status-badge";

export const metadata = { title: "Survey cycles" };
export const dynamic = "force-dynamic";

const DEFAULT_LENGTH_DAYS = 21;

export default async function CyclesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const {
    data: [cycles, framework],
  } = await adminCall(slug, (api) =>
    Promise.all([api.cycle.list({ workspaceSlug: slug }), api.framework.current({ workspaceSlug: slug })]),
  );
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
            <Table
              caption="Survey cycles"
              columns={[
                { label: "Cycle" },
                { label: "Opens" },
                { label: "Closes" },
                { label: "Status" },
                { label: "Framework" },
                { label: "Responses", align: "right" },
                { label: "Actions", visuallyHidden: true },
              ]}
            >
              {cycles.map((c) => (
                <tr key={c.id} className="align-top">
                  <td className="font-medium text-slate-900">{c.label}</td>
                  <td className="whitespace-nowrap">{date(c.opensAt)}</td>
                  <td className="whitespace-nowrap">{date(c.closesAt)}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>Version {c.frameworkVersion}</td>
                  <td className="text-right tabular-nums">{c.responses}</td>
                  <td>
                    <CycleActions slug={slug} cycle={{ id: c.id, label: c.label, status: c.status, responses: c.responses }} />
                  </td>
                </tr>
              ))}
            </Table>
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
          <NewCycleForm
            slug={slug}
            suggestedLabel={nextCycleLabel(cycles[0]?.label, today)}
            opensAt={isoDay(today)}
            closesAt={isoDay(closes)}
          />
        </Card>
      </div>
    </>
  );
}
