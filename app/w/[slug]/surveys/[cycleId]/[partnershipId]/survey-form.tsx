"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { PageSkipLink } from "../../../../../_components/page-skip-link";
import { serverState, toInput, type Form, type SurveyState } from "./answers";
import { sendDraft, submitErrorMessage } from "./draft-client";
import { DraftSaver, type ServerCopy } from "./draft-saver";
import { localKey } from "./local-copy";
import { ConflictAlert, ReadOnlySurvey, RefusedAlert, StartNotice } from "./notices";
import { PillarStep } from "./pillar-step";
import { Progress } from "./progress";
import { RemindersToggle } from "./reminders-toggle";
import { resume, type Resumed } from "./resume";
import { ReviewStep } from "./review-step";
import { SaveStatusText } from "./save-status";
import { Submitted } from "./submitted";
import type { SurveyPlace } from "./survey-place";
import { useDraftSaver } from "./use-draft-saver";

const noSubscription = () => () => {};

// The question's answer that takes focus from the keyboard: the one chosen, else the first.
function firstAnswer(groupId: string) {
  const group = document.getElementById(groupId);
  return group?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') ?? group?.querySelector<HTMLElement>('[role="radio"]') ?? null;
}

function serverCopy(form: Form): ServerCopy {
  const server = serverState(form);
  return { state: server.state, version: server.version, savedAt: server.source === "draft" && form.draft ? form.draft.updatedAt : null };
}

export function SurveyForm({ slug, form, place }: { slug: string; form: Form; place: SurveyPlace }) {
  // The browser's own copy of the answers can only be read once hydrated; rendering the form
  // before that would flash the server's state and then jump.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (form.cycle.status !== "OPEN") return <ReadOnlySurvey form={form} />;
  if (!hydrated) return <p className="text-sm text-slate-600">Loading your answers…</p>;
  return <OpenSurvey slug={slug} form={form} place={place} />;
}

function OpenSurvey({ slug, form, place }: { slug: string; form: Form; place: SurveyPlace }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const target = { workspaceSlug: slug, cycleId: form.cycle.id, partnershipId: form.partnership.id };
  const key = localKey({ slug, cycleId: form.cycle.id, partnershipId: form.partnership.id, memberId: form.memberId });
  const [start] = useState<Resumed>(() => resume(form, key));
  const [state, setState] = useState<SurveyState>(start.current);
  const [step, setStep] = useState(start.step);
  const [showMissing, setShowMissing] = useState(false);
  const [showConflictOnSubmit, setShowConflictOnSubmit] = useState(false);
  const [latest, setLatest] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const { saver, status } = useDraftSaver(
    () =>
      new DraftSaver({
        localKey: key,
        send: (s, baseVersion) => sendDraft(place.apiUrl, { ...target, ...toInput(form, s), baseVersion }),
        fetchLatest: async () => serverCopy(await queryClient.fetchQuery({ ...trpc.response.form.queryOptions(target), staleTime: 0 })),
        current: start.current,
        server: serverCopy(form),
        step: start.step,
      }),
  );
  const submit = useMutation(trpc.response.submit.mutationOptions());
  // Set at the first click, before the mutation is pending: a double click submits once.
  const submitting = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The step with the notice above it: scrolled into view together, so the notice is seen on every step.
  const stepTop = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus({ preventScroll: true });
    stepTop.current?.scrollIntoView({ block: "nearest" });
  }, [step]);

  const missing = form.pillars.reduce((n, p) => n + p.statements.filter((s) => !(s.id in state.answers)).length, 0);

  function change(next: SurveyState) {
    setState(next);
    saver.update(next);
  }

  function goTo(next: number) {
    moved.current = true;
    setStep(next);
    saver.setStep(next);
  }

  async function onSubmit() {
    if (missing > 0) {
      setShowMissing(true);
      return;
    }
    if (submitting.current) return;
    submitting.current = true;
    await saver.pause();
    // Submitting now would replace what another tab or device saved without anyone seeing it.
    if (saver.getStatus().kind === "conflict") {
      saver.resume();
      submitting.current = false;
      setShowConflictOnSubmit(true);
      return;
    }
    submit.mutate(
      { ...target, ...toInput(form, state) },
      {
        onSuccess: () => {
          saver.submitted();
          router.refresh();
        },
        onError: () => saver.resume(),
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  }

  async function loadLatest() {
    setLatest({ loading: true, error: null });
    try {
      setState(await saver.loadLatest());
      setShowConflictOnSubmit(false);
      setLatest({ loading: false, error: null });
    } catch (error) {
      setLatest({ loading: false, error: errorMessage(error) });
    }
  }

  if (submit.isSuccess) return <Submitted form={form} place={place} updated={submit.data.updated} />;

  const pillar = form.pillars[step];
  const firstQuestion = pillar?.statements[0] ? `statement-${pillar.statements[0].id}` : null;
  return (
    <div className="space-y-6">
      {firstQuestion ? (
        <PageSkipLink href={`#${firstQuestion}`} target={() => firstAnswer(firstQuestion)}>
          Skip to the first question
        </PageSkipLink>
      ) : null}
      {/* Reminders are for surveys not yet answered: once submitted, there is nothing to stop. */}
      {form.previous ? null : (
        <div className="flex justify-end">
          <RemindersToggle slug={slug} cycleId={form.cycle.id} cycleLabel={form.cycle.label} muted={form.remindersMuted} />
        </div>
      )}
      <Progress form={form} answers={state.answers} step={step} onStep={goTo}>
        <SaveStatusText status={status} />
      </Progress>
      {status.kind === "conflict" ? <ConflictAlert onLoadLatest={loadLatest} loading={latest.loading} error={latest.error} /> : null}
      {status.kind === "refused" ? <RefusedAlert message={status.message} onRetry={() => saver.retryAfterRefusal()} /> : null}
      <div ref={stepTop} className="space-y-6">
        <StartNotice form={form} start={start} />
        {pillar ? (
          <PillarStep
            key={pillar.id}
            pillar={pillar}
            isFirst={step === 0}
            nextName={form.pillars[step + 1]?.name ?? null}
            answers={state.answers}
            comment={state.comments[pillar.id] ?? ""}
            headingRef={heading}
            onAnswer={(id, value) => change({ ...state, answers: { ...state.answers, [id]: value } })}
            onComment={(text) => change({ ...state, comments: { ...state.comments, [pillar.id]: text } })}
            onBack={() => goTo(step - 1)}
            onNext={() => goTo(step + 1)}
          />
        ) : (
          <ReviewStep
            form={form}
            state={state}
            missing={missing}
            showMissing={showMissing}
            submitting={submit.isPending}
            submitError={
              showConflictOnSubmit && status.kind === "conflict"
                ? "Load the latest version (above) before submitting: this survey was changed in another tab or on another device."
                : submit.error
                  ? submitErrorMessage(submit.error)
                  : null
            }
            headingRef={heading}
            onEdit={goTo}
            onSubmit={onSubmit}
          />
        )}
      </div>
    </div>
  );
}
