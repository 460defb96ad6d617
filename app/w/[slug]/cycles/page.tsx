import Link from "next/link";
import { forbidden } from "next/navigation";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { Table } from "../../../_components/table";
import { call } from "../../../_lib/call";
import { date, isoDay } from "../../../_lib/format";
import { CycleActions } from "./cycle-actions";
import { NewCycleForm } from "./new-cycle-form";
import { nextCycleLabel } from "./next-label";
import { RateText } from "./rate";
import { StatusBadge } from "./status-badge";

export const metadata = { title: "Survey cycles" };
export const dynamic = "force-dynamic";

const CADENCE_LABEL = { MONTHLY: "monthly", QUARTERLY: "quarterly", HALF_YEARLY: "half-yearly" } as const;

export default async function CyclesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [workspace, cycles, framework] = await call((api) =>
    Promise.all([
      api.workspace.current({ workspaceSlug: slug }),
      api.cycle.list({ workspaceSlug: slug }),
      api.framework.current({ workspaceSlug: slug }),
    ]),
  );
  // Response rates are the program's business, not a partner contact's.
  if (!workspace.can.seeAllPartnerships) forbidden();
  const isAdmin = workspace.can.administer;
  const today = new Date();
  const closes = new Date(today.getTime() + workspace.cycleLengthDays * 86_400_000);

  return (
    <>
      <PageHeader
        title="Survey cycles"
        description={
          <>
            A cycle is one survey round. While it is open, your people and partner contacts answer the survey for each partnership.{" "}
            {workspace.autoSchedule
              ? `Cycles run ${CADENCE_LABEL[workspace.cadence]}: each opens on day ${workspace.cycleOpenDay} of its period and stays open ${workspace.cycleLengthDays} days, with reminders to those who have not answered.`
              : "The schedule is off: admins open and close cycles by hand."}{" "}
            {isAdmin ? (
              <Link href={`/w/${slug}/admin/settings`} className="font-medium text-brand-700 hover:underline">
                Change the schedule
              </Link>
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Cycles" description="Newest first. Open a cycle for its response rates and who is asked.">
          {cycles.length === 0 ? (
            <EmptyState title="No cycles yet">
              {isAdmin
                ? "Create the first cycle below, then open it when you are ready for answers."
                : "An admin has not started a survey cycle yet."}
            </EmptyState>
          ) : (
            <Table
              caption="Survey cycles"
              columns={[
                { label: "Cycle" },
                { label: "Opens" },
                { label: "Closes" },
                { label: "Status" },
                { label: "Framework" },
                { label: "Response rate", align: "right" },
                ...(isAdmin ? [{ label: "Actions", visuallyHidden: true }] : []),
              ]}
            >
              {cycles.map((c) => (
                <tr key={c.id} className="align-top">
                  <td>
                    <Link href={`/w/${slug}/cycles/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.label}
                    </Link>
                    {c.scheduled ? <span className="block text-xs text-slate-500">scheduled</span> : null}
                  </td>
                  <td className="whitespace-nowrap">{date(c.opensAt)}</td>
                  <td className="whitespace-nowrap">{date(c.closesAt)}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>Version {c.frameworkVersion}</td>
                  <td className="text-right tabular-nums">
                    <RateText rate={c.rate} />
                  </td>
                  {isAdmin ? (
                    <td>
                      <CycleActions slug={slug} cycle={{ id: c.id, label: c.label, status: c.status, responses: c.responses }} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </Table>
          )}
        </Card>

        {isAdmin ? (
          <Card
            title="New cycle"
            description={
              <>
                A new cycle starts as a draft: nobody can answer until it opens. It takes the framework as it is when it opens
                {framework ? ` (now version ${framework.version})` : ""} and keeps that version even if the framework is edited later, so
                its scores never change.
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
        ) : null}
      </div>
    </>
  );
}
