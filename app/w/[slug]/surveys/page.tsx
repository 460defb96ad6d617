import Link from "next/link";
import { Button } from "../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { call } from "../../../_lib/call";
import { date } from "../../../_lib/format";

export const metadata = { title: "Surveys" };
export const dynamic = "force-dynamic";

export default async function SurveysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [owed, workspace] = await call((api) =>
    Promise.all([api.response.owed({ workspaceSlug: slug }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const todo = owed.filter((s) => !s.submittedAt);
  const done = owed.filter((s) => s.submittedAt);
  const isAdmin = workspace.can.administer;

  return (
    <>
      <PageHeader
        title="Surveys"
        description="Once a quarter, both sides rate the partnership on trust, commitment, coordination and communication. It takes about five minutes."
      />
      {owed.length === 0 ? (
        <EmptyState title="No surveys for you right now">
          {!workspace.can.write
            ? "Executives read the results; they are not asked to answer."
            : "When a survey cycle opens for a partnership you work on, it appears here."}{" "}
          {isAdmin ? (
            <Link className="font-medium text-brand-700 hover:underline" href={`/w/${slug}/cycles`}>
              Manage cycles
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title={`To answer (${todo.length})`}>
            {todo.length === 0 ? (
              <p className="text-sm text-slate-600">All done. Thank you! You can still change your answers until each cycle closes.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {todo.map((s) => (
                  <li key={`${s.cycleId}-${s.partnershipId}`} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div>
                      <p className="font-medium text-slate-900">{s.partnershipName}</p>
                      <p className="text-xs text-slate-500">
                        {s.cycleLabel} · closes {date(s.closesAt)}
                      </p>
                    </div>
                    <Button asChild size="sm">
                      <Link href={`/w/${slug}/surveys/${s.cycleId}/${s.partnershipId}`}>
                        {/* Its spoken name starts with what it shows, and says which survey. */}
                        Answer survey
                        <span className="sr-only">
                          {" "}
                          about {s.partnershipName}, {s.cycleLabel}
                        </span>
                      </Link>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {done.length ? (
            <Card title={`Submitted (${done.length})`}>
              <ul className="divide-y divide-slate-100">
                {done.map((s) => (
                  <li key={`${s.cycleId}-${s.partnershipId}`} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div>
                      <p className="font-medium text-slate-900">{s.partnershipName}</p>
                      <p className="text-xs text-slate-500">
                        {s.cycleLabel} · submitted {date(s.submittedAt)} · open until {date(s.closesAt)}
                      </p>
                    </div>
                    <Button asChild size="sm" variant="secondary">
                      <Link href={`/w/${slug}/surveys/${s.cycleId}/${s.partnershipId}`}>Change answers</Link>
                    </Button>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}
