import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "../../_components/button";
import { Card, PageHeader } from "../../_components/card";
import { date } from "../../_lib/format";
import { surveyLinkHome } from "~/server/trpc/link-context";
import { linkState } from "./link";

export const metadata = { title: "Your surveys" };
export const dynamic = "force-dynamic";

// The person's surveys of the link's cycle: where the link leads when more than one is left to
// answer, or when all are submitted (they can still be changed until the cycle closes).
export default async function SurveyLinkPage({ params }: { params: Promise<{ linkId: string }> }) {
  const { linkId } = await params;
  const link = await linkState(linkId);
  if (!link.ok) notFound();
  const todo = link.surveys.filter((s) => !s.submittedAt);
  const done = link.surveys.filter((s) => s.submittedAt);
  const home = surveyLinkHome(linkId);
  return (
    <>
      <PageHeader
        title={`Your ${link.cycle.label} surveys`}
        description={`${link.workspace.name} asks you about ${link.surveys.length === 1 ? "one partnership" : `${link.surveys.length} partnerships`}. Each takes about five minutes; answers are saved as you go. Open until ${date(link.cycle.closesAt)}.`}
      />
      <div className="space-y-6">
        <Card title={`To answer (${todo.length})`}>
          {todo.length === 0 ? (
            <p className="text-sm text-slate-600">All done. Thank you! You can still change your answers until the survey closes.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {todo.map((s) => (
                <li key={s.partnershipId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <p className="font-medium text-slate-900">{s.partnershipName}</p>
                  <Button asChild size="sm">
                    <Link href={`${home}/${s.partnershipId}`} aria-label={`Answer survey about ${s.partnershipName}, ${link.cycle.label}`}>
                      Answer survey
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
                <li key={s.partnershipId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className="font-medium text-slate-900">{s.partnershipName}</p>
                    <p className="text-xs text-slate-500">submitted {date(s.submittedAt)}</p>
                  </div>
                  <Button asChild size="sm" variant="secondary">
                    <Link href={`${home}/${s.partnershipId}`}>Change answers</Link>
                  </Button>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
