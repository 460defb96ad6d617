import { Alert } from "../../../../../_components/alert";
import { Card, EmptyState, PageHeader } from "../../../../../_components/card";
import { call } from "../../../../../_lib/call";
import { date, isoDay } from "../../../../../_lib/format";
import { CheckInForm } from "./check-in-form";
import { EditGoalForm } from "./edit-goal-form";
import { GoalHistory } from "./goal-history";
import { GoalStatusForm } from "./goal-status-form";
import { NewGoalForm } from "./new-goal-form";
import { BehindBadge, GoalStatusBadge, ProgressBar } from "./progress";

export const metadata = { title: "Goals" };
export const dynamic = "force-dynamic";

export default async function GoalsPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const [data, workspace] = await call((api) =>
    Promise.all([api.goal.list({ workspaceSlug: slug, partnershipId: id }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const { partnership: p, viewer, checkInCycle: cycle } = data;
  const person = (side: "HOST" | "PARTNER") =>
    data.people.filter((o) => o.side === side).map((o) => ({ value: o.memberId, label: o.name }));
  const hostPeople = person("HOST");
  const partnerPeople = person("PARTNER");
  const mine = (options: { value: string }[]) => (options.some((o) => o.value === viewer.memberId) ? viewer.memberId : "");

  return (
    <>
      <PageHeader
        title={`Goals · ${p.name}`}
        description={`Time-bound goals ${workspace.name} and ${p.partnerName} work toward together, with an owner on each side, checked in once per survey cycle.`}
      />
      <div className="space-y-6">
        {p.archived ? (
          <Alert>This partnership is archived: its goals are kept and readable, but cannot be changed until it is restored.</Alert>
        ) : null}

        <Card
          title="Behind schedule"
          description="Active goals past their due date, more than 10 points behind the progress expected by now, or without a check-in a quarter of the way in."
        >
          {data.behind.length === 0 ? (
            <p className="text-sm text-slate-600">
              {data.goals.some((g) => g.status === "ACTIVE") ? "No goal is behind schedule." : "No active goals."}
            </p>
          ) : (
            <ul className="space-y-2 text-sm">
              {data.behind.map((b) => (
                <li key={b.id}>
                  <a href={`#goal-${b.id}`} className="font-medium text-brand-700 hover:underline">
                    {b.title}
                  </a>
                  <span className="text-slate-600">: {b.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        {data.goals.length === 0 ? (
          <EmptyState title="No goals yet">
            {viewer.canWrite
              ? "Agree a goal with the partner below: what, how it is measured, the target and the date."
              : "Neither side has set a goal yet."}
          </EmptyState>
        ) : (
          data.goals.map((g) => (
            <section
              key={g.id}
              id={`goal-${g.id}`}
              aria-labelledby={`goal-${g.id}-title`}
              className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 id={`goal-${g.id}-title`} className="text-base font-semibold text-slate-900">
                    {g.title}
                  </h2>
                  <p className="mt-0.5 text-sm text-slate-600">
                    {g.measure}: target {g.targetText} · {date(g.startDate)} to {date(g.dueDate)}
                  </p>
                  <p className="text-sm text-slate-600">
                    Owners: {g.hostOwner?.name ?? "nobody yet"} ({workspace.name}), {g.partnerOwner?.name ?? "nobody yet"} ({p.partnerName})
                  </p>
                </div>
                <GoalStatusBadge status={g.status} />
              </div>

              <div className="mt-4 space-y-2">
                <ProgressBar
                  progress={g.latest?.progress ?? null}
                  valueText={g.latest?.valueText ?? null}
                  expected={g.schedule.expected}
                  label={`Progress of ${g.title}`}
                />
                {g.schedule.behind ? <BehindBadge reason={g.schedule.reason!} /> : null}
                {g.latest ? (
                  <p className="text-sm text-slate-600">
                    Latest check-in ({g.latest.cycleLabel}, by {g.latest.by}): {g.latest.valueText}
                    {g.latest.note ? ` · “${g.latest.note}”` : ""}
                  </p>
                ) : null}
              </div>

              {viewer.canWrite && g.status === "ACTIVE" && cycle ? (
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <CheckInForm slug={slug} goalId={g.id} goalTitle={g.title} unit={g.unit} cycle={cycle} current={g.current} />
                </div>
              ) : null}

              {g.canEdit ? (
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <GoalStatusForm key={g.version} slug={slug} goalId={g.id} version={g.version} status={g.status} />
                  <details className="mt-4">
                    <summary className="cursor-pointer text-sm font-medium text-slate-700">Edit this goal</summary>
                    <div className="mt-3">
                      <EditGoalForm
                        key={g.version}
                        slug={slug}
                        goal={{
                          ...g.fields,
                          hostOwnerId: g.hostOwner?.memberId ?? null,
                          partnerOwnerId: g.partnerOwner?.memberId ?? null,
                        }}
                        hostPeople={hostPeople}
                        partnerPeople={partnerPeople}
                        hostName={workspace.name}
                        partnerName={p.partnerName}
                      />
                    </div>
                  </details>
                </div>
              ) : null}

              {g.checkIns.length > 1 ? (
                <details className="mt-4 text-sm">
                  <summary className="cursor-pointer font-medium text-slate-700">All check-ins ({g.checkIns.length})</summary>
                  <ul className="mt-2 space-y-1 text-slate-600">
                    {g.checkIns.map((c) => (
                      <li key={c.cycleId}>
                        {c.cycleLabel}: {c.valueText} ({c.progress}%) by {c.by}
                        {c.note ? ` · “${c.note}”` : ""}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}

              <GoalHistory revisions={g.revisions} hostName={workspace.name} partnerName={p.partnerName} />
            </section>
          ))
        )}

        {viewer.canWrite && !cycle ? <Alert>Goals are checked in once per survey cycle; check-ins open with the first cycle.</Alert> : null}

        {viewer.canWrite ? (
          <Card
            title="New goal"
            description="What both sides aim for, how it is measured, the target and the date, with an owner on each side."
          >
            <NewGoalForm
              slug={slug}
              partnershipId={p.id}
              hostPeople={hostPeople}
              partnerPeople={partnerPeople}
              hostDefault={mine(hostPeople)}
              partnerDefault={mine(partnerPeople)}
              today={isoDay(new Date())}
              hostName={workspace.name}
              partnerName={p.partnerName}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
