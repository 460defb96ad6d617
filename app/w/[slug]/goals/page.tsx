import clsx from "clsx";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { Pager } from "../../../_components/pager";
import { Table } from "../../../_components/table";
import { call } from "../../../_lib/call";
import { date } from "../../../_lib/format";
import { ignoredNote, listHref, readPaging, type Params } from "../../../_lib/list-params";
import { GOAL_STATUS_LABEL } from "../partnerships/[id]/goals/progress";

export const metadata = { title: "Goals" };
export const dynamic = "force-dynamic";

const SHOW = {
  behind: "Behind schedule",
  active: "All active",
  all: "All, including decided",
} as const;
type Show = keyof typeof SHOW;

// Joint goals across the partnerships the viewer may read: those behind schedule first of all,
// for executives and managers, with every active or every goal a filter away.
export default async function GoalsAcrossPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Params>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const asked = query.show;
  const show: Show = asked === "active" || asked === "all" ? asked : "behind";
  const ignored: string[] = [];
  const { page } = readPaging(query, [], ignored);
  const data = await call((api) => api.goal.portfolio({ workspaceSlug: slug, show, page }));
  const base = `/w/${slug}/goals`;
  const note = ignoredNote(ignored);
  const partnerships = `${data.partnerships} ${data.partnerships === 1 ? "partnership" : "partnerships"}`;

  return (
    <>
      <PageHeader
        title="Goals"
        description="The joint goals of your partnerships: which are behind the progress their time calls for, and why. Archived partnerships are left out."
      />
      <Card
        title={SHOW[show]}
        description={
          data.page.total === 0
            ? null
            : `${data.page.total} ${data.page.total === 1 ? "goal" : "goals"} across ${partnerships}, the soonest due first.`
        }
      >
        {note ? <p className="mb-4 text-sm text-slate-600">{note}</p> : null}
        <nav aria-label="Which goals" className="mb-4 flex flex-wrap gap-2">
          {(Object.keys(SHOW) as Show[]).map((s) => (
            <Link
              key={s}
              href={s === "behind" ? base : `${base}?show=${s}`}
              aria-current={s === show ? "page" : undefined}
              className={clsx(
                "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                s === show ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {SHOW[s]}
            </Link>
          ))}
        </nav>
        {data.goals.length === 0 ? (
          <EmptyState title={show === "behind" ? "No goal is behind schedule" : "No goals yet"}>
            {show === "behind"
              ? "Every active goal of your partnerships is on schedule."
              : "Goals are agreed with each partner on the partnership's Goals tab."}
          </EmptyState>
        ) : (
          <Table
            caption={`Goals: ${SHOW[show].toLowerCase()}`}
            columns={[
              { label: "Goal" },
              { label: "Partnership" },
              { label: "Latest" },
              { label: "Due" },
              { label: "Owners" },
              { label: "Status" },
            ]}
          >
            {data.goals.map((g) => (
              <tr key={g.goalId} className="align-top">
                <td>
                  <Link
                    href={`/w/${slug}/partnerships/${g.partnershipId}/goals#goal-${g.goalId}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {g.title}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {g.measure}: target {g.targetText}
                  </span>
                </td>
                <td>{g.partnershipName}</td>
                <td>
                  {g.valueText === null ? "No check-in yet" : `${g.valueText} (${g.progress}%)`}
                  <span className="block text-xs text-slate-500">{g.expected}% expected by now</span>
                </td>
                <td className="whitespace-nowrap">{date(g.dueDate)}</td>
                <td>{[g.hostOwner, g.partnerOwner].filter(Boolean).join(", ") || "Nobody yet"}</td>
                <td>
                  {GOAL_STATUS_LABEL[g.status]}
                  {g.reason ? <span className="block text-xs text-amber-800">Behind: {g.reason}</span> : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
        <Pager page={data.page} noun="goals" href={(n) => listHref(base, { show: show === "behind" ? undefined : show }, n)} />
      </Card>
    </>
  );
}
