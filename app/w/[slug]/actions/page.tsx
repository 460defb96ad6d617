import clsx from "clsx";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { Table } from "../../../_components/table";
import { call } from "../../../_lib/call";
import { date } from "../../../_lib/format";
import { ActionRow } from "./_components/action-row";

export const metadata = { title: "My actions" };
export const dynamic = "force-dynamic";

export default async function MyActionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const { slug } = await params;
  const filter = (await searchParams).status === "all" ? "all" : "open";
  const [data, behind] = await call((api) =>
    Promise.all([api.action.mine({ workspaceSlug: slug, filter }), api.goal.behind({ workspaceSlug: slug })]),
  );
  const { counts } = data;
  const base = `/w/${slug}/actions`;

  return (
    <>
      <PageHeader
        title="My actions"
        description="The actions you own across your partnerships, overdue first, then by date, and the joint goals that are behind. Archived partnerships are left out."
      />
      <Card
        title={filter === "open" ? "Open" : "All"}
        description={
          <>
            {counts.open} open · {counts.overdue} overdue · {counts.dueThisWeek} due in the next 7 days · {counts.done} done
          </>
        }
      >
        <nav aria-label="Filter actions" className="mb-4 flex flex-wrap gap-2">
          {(["open", "all"] as const).map((f) => (
            <Link
              key={f}
              href={f === "open" ? base : `${base}?status=all`}
              aria-current={f === filter ? "page" : undefined}
              className={clsx(
                "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                f === filter ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {f === "open" ? "Open and in progress" : "All, including done and dropped"}
            </Link>
          ))}
        </nav>
        {data.actions.length === 0 ? (
          <EmptyState title={filter === "open" ? "Nothing on your list" : "You own no actions yet"}>
            When you take on an action of a partnership, in a retro or on its actions page, it appears here.
          </EmptyState>
        ) : (
          <Table
            caption="My actions"
            columns={[{ label: "Action" }, { label: "Partnership" }, { label: "By when" }, { label: "Status" }, { label: "Pillar" }]}
          >
            {data.actions.map((a) => (
              <ActionRow key={a.id} href={`/w/${slug}/partnerships/${a.partnershipId}/actions/${a.id}`} action={a}>
                <Link href={`/w/${slug}/partnerships/${a.partnershipId}/actions`} className="hover:underline">
                  {a.partnershipName}
                </Link>
              </ActionRow>
            ))}
          </Table>
        )}
      </Card>
      <Card
        className="mt-6"
        title="Goals behind schedule"
        description="Joint goals of your partnerships that are past their date or behind the progress their time calls for."
      >
        {behind.total === 0 ? (
          <p className="text-sm text-slate-600">None: every active goal of your partnerships is on schedule.</p>
        ) : (
          <Table
            caption="Goals behind schedule"
            columns={[{ label: "Goal" }, { label: "Partnership" }, { label: "Due" }, { label: "Why" }]}
          >
            {behind.goals.map((g) => (
              <tr key={g.goalId} className="align-top">
                <td>
                  <Link
                    href={`/w/${slug}/partnerships/${g.partnershipId}/goals#goal-${g.goalId}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {g.title}
                  </Link>
                </td>
                <td>{g.partnershipName}</td>
                <td className="whitespace-nowrap">{date(g.dueDate)}</td>
                <td>
                  {g.reason}
                  {g.valueText ? <span className="block text-xs text-slate-500">Latest: {g.valueText}</span> : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {behind.total > behind.goals.length ? (
          <p className="mt-4 text-sm text-slate-600">
            The {behind.goals.length} due soonest of {behind.total}.{" "}
            <Link href={`/w/${slug}/goals`} className="font-medium text-brand-700 hover:underline">
              See every goal behind schedule
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
