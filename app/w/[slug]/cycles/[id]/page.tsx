import Link from "next/link";
import { forbidden } from "next/navigation";
import { Card, PageHeader } from "../../../../_components/card";
import { Stat } from "../../../../_components/stat";
import { Table } from "../../../../_components/table";
import { call } from "../../../../_lib/call";
import { date, isoDay } from "../../../../_lib/format";
import { CycleActions } from "../cycle-actions";
import { RateText } from "../rate";
import { StatusBadge } from "../status-badge";
import { ExtendForm } from "./extend-form";
import { ParticipantList } from "./participant-list";

export const metadata = { title: "Cycle" };
export const dynamic = "force-dynamic";

const percent = (p: number | null) => (p === null ? "–" : `${p}%`);

export default async function CyclePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const workspace = await call((api) => api.workspace.current({ workspaceSlug: slug }));
  if (!workspace.can.seeAllPartnerships) forbidden();
  const [cycle, participants] = await call((api) =>
    Promise.all([api.cycle.get({ workspaceSlug: slug, cycleId: id }), api.participant.list({ workspaceSlug: slug, cycleId: id })]),
  );
  const isAdmin = workspace.can.administer;
  const { rates } = cycle;

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {cycle.label} <StatusBadge status={cycle.status} />
          </span>
        }
        description={
          <>
            {date(cycle.opensAt)} to {date(cycle.closesAt)} · framework version {cycle.frameworkVersion}
            {cycle.scheduled ? " · created by the schedule" : ""} ·{" "}
            <Link href={`/w/${slug}/cycles`} className="font-medium text-brand-700 hover:underline">
              All cycles
            </Link>
          </>
        }
        action={
          isAdmin ? (
            <div className="flex flex-wrap items-start gap-3">
              {cycle.status !== "CLOSED" ? <ExtendForm slug={slug} cycleId={cycle.id} closesAt={isoDay(new Date(cycle.closesAt))} /> : null}
              <CycleActions
                slug={slug}
                cycle={{ id: cycle.id, label: cycle.label, status: cycle.status, responses: rates.total.answered }}
              />
            </div>
          ) : null
        }
      />

      <dl className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="response-rates">
        <Stat
          label="Response rate"
          value={percent(rates.total.percent)}
          detail={`${rates.total.answered} of ${rates.total.asked} people asked have answered`}
        />
        <Stat label="Your side" value={percent(rates.host.percent)} detail={`${rates.host.answered} of ${rates.host.asked}`} />
        <Stat
          label="Partners' side"
          value={percent(rates.partner.percent)}
          detail={`${rates.partner.answered} of ${rates.partner.asked}`}
        />
      </dl>

      <Card
        title="By partnership"
        description={cycle.status === "OPEN" ? "Live: the rates move as answers arrive." : undefined}
        className="mb-6"
      >
        <Table
          caption={`Response rates in ${cycle.label} by partnership and side`}
          columns={[
            { label: "Partnership" },
            { label: "Your side", align: "right" },
            { label: "Partner's side", align: "right" },
            { label: "All", align: "right" },
          ]}
        >
          {rates.partnerships.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/w/${slug}/partnerships/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>
              </td>
              <td className="text-right tabular-nums">
                <RateText rate={p.host} />
              </td>
              <td className="text-right tabular-nums">
                <RateText rate={p.partner} />
              </td>
              <td className="text-right tabular-nums">
                <RateText rate={p.total} />
              </td>
            </tr>
          ))}
        </Table>
      </Card>

      <Card
        title="Who is asked"
        description="By default the partnership's owner and host team, and every contact of the partner organisation. Admins, and each partnership's owner, can change the list until the cycle closes; someone taken off keeps any answers already given."
      >
        <ul className="divide-y divide-slate-100">
          {participants.partnerships.map((p) => (
            <li key={p.id} className="py-2">
              <ParticipantList slug={slug} cycleId={cycle.id} partnership={p} />
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
