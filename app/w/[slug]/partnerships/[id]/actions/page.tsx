import clsx from "clsx";
import Link from "next/link";
import { Alert } from "../../../../../_components/alert";
import { Card, EmptyState, PageHeader } from "../../../../../_components/card";
import { Table } from "../../../../../_components/table";
import { call } from "../../../../../_lib/call";
import { isoDay } from "../../../../../_lib/format";
import { sideName } from "../../../actions/_components/action-badges";
import { ActionRow } from "../../../actions/_components/action-row";
import { NewActionForm } from "./new-action-form";

export const metadata = { title: "Actions" };
export const dynamic = "force-dynamic";

const FILTERS = [
  { value: "open", label: "Open" },
  { value: "done", label: "Done" },
  { value: "dropped", label: "Dropped" },
  { value: "all", label: "All" },
] as const;
type Filter = (typeof FILTERS)[number]["value"];
const isFilter = (v: unknown): v is Filter => FILTERS.some((f) => f.value === v);

export default async function ActionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const { slug, id } = await params;
  const search = await searchParams;
  const filter: Filter = isFilter(search.status) ? search.status : "open";
  const [data, workspace] = await call((api) =>
    Promise.all([api.action.list({ workspaceSlug: slug, partnershipId: id, filter }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const { partnership: p, counts } = data;
  const names = { host: workspace.name, partner: p.partnerName };
  const base = `/w/${slug}/partnerships/${p.id}/actions`;
  const today = new Date();
  const countOf: Record<Filter, number> = {
    open: counts.open,
    done: counts.done,
    dropped: counts.dropped,
    all: counts.open + counts.done + counts.dropped,
  };

  return (
    <>
      <PageHeader
        title={`Actions · ${p.name}`}
        description="What each side agreed to do for the partnership: who owns it, by when, and the pillar it serves. Overdue actions come first."
      />
      <div className="space-y-6">
        {p.archived ? (
          <Alert>This partnership is archived: its actions are kept and readable, but cannot be changed until it is restored.</Alert>
        ) : null}

        <Card
          title="Actions"
          description={
            <>
              {counts.open} open{counts.inProgress ? ` (${counts.inProgress} in progress)` : ""}
              {counts.overdue ? `, ${counts.overdue} overdue` : ""} · {counts.done} done · {counts.dropped} dropped
            </>
          }
        >
          <nav aria-label="Filter actions by status" className="mb-4 flex flex-wrap gap-2">
            {FILTERS.map((f) => (
              <Link
                key={f.value}
                href={f.value === "open" ? base : `${base}?status=${f.value}`}
                aria-current={f.value === filter ? "page" : undefined}
                className={clsx(
                  "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                  f.value === filter ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {f.label} ({countOf[f.value]})
              </Link>
            ))}
          </nav>
          {data.actions.length === 0 ? (
            <EmptyState title={filter === "open" ? "No open actions" : "No actions here"}>
              {filter === "open"
                ? "Agree what each side will do next, and add it below, or run a retro: its top “Start doing” items become actions."
                : "Nothing matches this filter."}
            </EmptyState>
          ) : (
            <Table
              caption={`Actions of ${p.name}`}
              columns={[{ label: "Action" }, { label: "Owner" }, { label: "By when" }, { label: "Status" }, { label: "Pillar" }]}
            >
              {data.actions.map((a) => (
                <ActionRow key={a.id} href={`${base}/${a.id}`} action={a}>
                  {a.owner ? (
                    <>
                      <span className="text-slate-900">{a.owner.name}</span>
                      <span className="block text-xs text-slate-500">
                        {sideName(a.owner.side, names)}
                        {a.owner.removed ? " · no longer a member" : ""}
                      </span>
                    </>
                  ) : (
                    <span className="italic">Nobody yet</span>
                  )}
                </ActionRow>
              ))}
            </Table>
          )}
        </Card>

        {data.viewer.canWrite ? (
          <Card title="New action" description="One clear thing, one owner from either side, and a date both sides agree on.">
            <NewActionForm
              slug={slug}
              partnershipId={p.id}
              people={data.people.map((o) => ({ ...o, label: `${o.name} (${sideName(o.side, names)})` }))}
              pillars={data.pillars}
              me={data.viewer.memberId}
              defaultDueDate={isoDay(new Date(today.getTime() + 14 * 86_400_000))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
