"use client";
import Link from "next/link";
import { phaseIndex } from "~/server/services/retro/rules";
import { AccessRefusal } from "../../../../../../_components/access-refusal";
import { Alert } from "../../../../../../_components/alert";
import { Button } from "../../../../../../_components/button";
import { Card, PageHeader } from "../../../../../../_components/card";
import { Assignments } from "./assignments";
import { ItemColumn } from "./item-column";
import { PHASE_GUIDE } from "./labels";
import { NextStep } from "./next-step";
import { PhaseStepper } from "./phase-stepper";
import { SummaryView } from "./summary-view";
import { useRetro, type RetroView } from "./use-retro";

// The retro as one live board: both sides work on it at once, and it polls for the others' items,
// votes and volunteering.
export function RetroBoard({ slug, initial }: { slug: string; initial: RetroView }) {
  const { view, refusal } = useRetro(slug, initial);
  if (refusal) return <AccessRefusal kind={refusal} home={`/w/${slug}`} />;
  const { retro, viewer, sides } = view;
  const phase = retro.phase;
  const base = `/w/${slug}/partnerships/${retro.partnershipId}/retro`;
  const lists = view.lists.filter((l) => l.list !== "START_DOING" || phaseIndex(phase) >= phaseIndex("PROPOSING"));
  const pastAssigning = phaseIndex(phase) >= phaseIndex("ASSIGNING");

  return (
    <>
      <PageHeader
        title={`Retro ${retro.cycleLabel}`}
        description={`${retro.partnershipName}: ${sides.HOST} and ${sides.PARTNER}, facilitated by ${retro.facilitatorName}. ${view.attendance.host} from ${sides.HOST} and ${view.attendance.partner} from ${sides.PARTNER} ${phase === "CLOSED" ? "took part" : "taking part so far"}.`}
        action={
          <Button asChild size="sm" variant="secondary">
            <Link href={base}>All retros</Link>
          </Button>
        }
      />
      <div className="space-y-6">
        <PhaseStepper phase={phase} />
        <Alert tone="info">{PHASE_GUIDE[phase]}</Alert>
        {!viewer.canWrite && phase !== "CLOSED" ? (
          <p className="text-sm text-slate-600">You can follow this retro but not add items, vote or own actions.</p>
        ) : null}
        {viewer.canFacilitate && phase !== "CLOSED" ? <NextStep slug={slug} view={view} /> : null}
        {view.summary ? <SummaryView summary={view.summary} exportPath={`${base}/${retro.id}/export`} /> : null}
        <Card title="Ground rules">
          <p className="whitespace-pre-wrap text-sm text-slate-700">{retro.groundRules}</p>
        </Card>
        {pastAssigning && phase !== "CLOSED" ? <Assignments slug={slug} view={view} /> : null}
        <div className={lists.length === 3 ? "grid gap-4 lg:grid-cols-3" : "grid gap-4 md:grid-cols-2"}>
          {lists.map((l) => (
            <ItemColumn key={l.list} slug={slug} retroId={retro.id} phase={phase} list={l} />
          ))}
        </div>
      </div>
    </>
  );
}
