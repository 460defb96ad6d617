import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "../../../../../../_components/alert";
import { Card, PageHeader } from "../../../../../../_components/card";
import { call } from "../../../../../../_lib/call";
import { date } from "../../../../../../_lib/format";
import { ActionStatusBadge, OverdueBadge, sideName, STATUS_LABEL, type ActionStatus } from "../../../../actions/_components/action-badges";
import { ActionEditor } from "./action-editor";
import { requireWork } from "../../require-work";
import { dateTime } from "~/server/services/dates";

export const metadata = { title: "Action" };
export const dynamic = "force-dynamic";

const FIELD_LABEL: Record<string, string> = {
  title: "Title",
  owner: "Owner",
  dueDate: "By when",
  pillar: "Pillar",
  status: "Status",
  notes: "Notes",
};

// A history value as people read it: statuses and dates in words.
function shown(field: string, value: string | null): string {
  if (value === null) return "none";
  if (field === "status") return STATUS_LABEL[value as ActionStatus] ?? value;
  if (field === "dueDate") return date(value);
  return value;
}

export default async function ActionPage({ params }: { params: Promise<{ slug: string; id: string; actionId: string }> }) {
  const { slug, id, actionId } = await params;
  await requireWork(slug, id);
  const [data, workspace] = await call((api) =>
    Promise.all([api.action.get({ workspaceSlug: slug, actionId }), api.workspace.current({ workspaceSlug: slug })]),
  );
  // The action belongs to another partnership than the address says.
  if (data.partnership.id !== id) notFound();
  const { action: a, partnership: p, viewer } = data;
  const names = { host: workspace.name, partner: p.partnerName };
  const back = `/w/${slug}/partnerships/${p.id}/actions`;

  return (
    <>
      <PageHeader
        title={a.title}
        description={
          <>
            An action of{" "}
            <Link href={back} className="font-medium text-brand-700 hover:underline">
              {p.name}
            </Link>
            , added by {a.createdBy} on {date(a.createdAt)}.
          </>
        }
      />
      <div className="space-y-6">
        {p.archived ? (
          <Alert>This partnership is archived: the action is kept and readable, but cannot be changed until it is restored.</Alert>
        ) : null}
        <Card title="Details">
          <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Status</dt>
              <dd className="mt-1 flex flex-wrap items-center gap-2">
                <ActionStatusBadge status={a.status} />
                {a.overdue ? <OverdueBadge /> : null}
                {a.status === "DONE" && a.doneAt ? <span className="text-slate-600">on {date(a.doneAt)}</span> : null}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Owner</dt>
              <dd className="mt-1 text-slate-900">
                {a.owner
                  ? `${a.owner.name} (${sideName(a.owner.side, names)})${a.owner.removed ? ", no longer a member" : ""}`
                  : "Nobody yet"}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">By when</dt>
              <dd className="mt-1 text-slate-900">{date(a.dueDate)}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Pillar</dt>
              <dd className="mt-1 text-slate-900">{a.pillarName ?? "None in particular"}</dd>
            </div>
          </dl>
          <div className="mt-4">
            <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Notes</h3>
            <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{a.notes || "No notes yet."}</p>
          </div>
        </Card>

        {viewer.canUpdate ? (
          <Card
            title="Update"
            description={
              viewer.canEditDetails
                ? "Change what you need; only the fields you change are saved."
                : "You can change the status and the notes. Its owner, the person who added it, the partnership's owner or an admin can change the rest."
            }
          >
            <ActionEditor
              slug={slug}
              action={{
                id: a.id,
                version: a.version,
                title: a.title,
                status: a.status,
                notes: a.notes,
                ownerMemberId: a.owner?.memberId ?? null,
                dueDate: a.dueDate ? new Date(a.dueDate).toISOString().slice(0, 10) : "",
                pillarKey: a.pillarKey,
              }}
              viewer={viewer}
              people={data.people.map((o) => ({ value: o.memberId, label: `${o.name} (${sideName(o.side, names)})` }))}
              pillars={data.pillars.map((o) => ({ value: o.key, label: o.name }))}
            />
          </Card>
        ) : null}

        <Card title="History" description="Every change, oldest first.">
          <ol className="space-y-3 text-sm">
            {data.history.map((e, i) => (
              <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                <p className="text-slate-900">
                  <span className="font-medium">{e.by}</span> {i === 0 ? "added the action" : "changed it"}
                  <span className="text-slate-500"> · {dateTime(e.at)}</span>
                </p>
                <ul className="mt-1 space-y-0.5 text-slate-600">
                  {e.changes.map((c) =>
                    c.field === "notes" ? (
                      <li key={c.field}>
                        Notes {c.before ? "changed" : "added"}
                        {c.after ? <span className="block whitespace-pre-wrap pl-3 text-slate-500">“{c.after}”</span> : " (cleared)"}
                      </li>
                    ) : (
                      <li key={c.field}>
                        {FIELD_LABEL[c.field] ?? c.field}:{" "}
                        {i === 0 ? shown(c.field, c.after) : `${shown(c.field, c.before)} → ${shown(c.field, c.after)}`}
                      </li>
                    ),
                  )}
                </ul>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
