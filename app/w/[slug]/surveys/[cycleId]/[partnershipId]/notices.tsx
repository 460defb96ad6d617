import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { date } from "../../../../../_lib/format";
import type { Form } from "./answers";
import type { Resumed } from "./resume";
import { AnswerSummary } from "./review-step";

export function ReadOnlySurvey({ form }: { form: Form }) {
  const closed = form.cycle.status === "CLOSED";
  return (
    <div className="space-y-6">
      <Alert tone="info">
        {closed
          ? `The ${form.cycle.label} survey closed on ${date(form.cycle.closesAt)}; answers can no longer be changed.`
          : `The ${form.cycle.label} survey has not opened yet.`}{" "}
        {form.previous ? "Your submitted answers are shown read-only." : closed ? "You did not submit answers in this cycle." : null}
      </Alert>
      {form.previous ? <AnswerSummary form={form} state={{ answers: form.previous.answers, comments: form.previous.comments }} /> : null}
    </div>
  );
}

// Says where the answers on screen come from, when that is not a fresh start.
export function StartNotice({ form, start }: { form: Form; start: Resumed }) {
  const restored = start.restoredLocal ? " Answers this browser kept while they could not be saved are back, and are being saved now." : "";
  if (form.previous && start.server.source === "draft") {
    return (
      <Alert tone="info">
        You submitted your answers on {date(form.previous.submittedAt)}. The changes you made since are saved but not submitted yet: submit
        them from the review step.{restored}
      </Alert>
    );
  }
  if (form.previous) {
    return (
      <Alert tone="info">
        You submitted your answers on {date(form.previous.submittedAt)}. You can change them until the survey closes on{" "}
        {date(form.cycle.closesAt)}; changes are saved as you go, and replace your submitted answers when you submit again.{restored}
      </Alert>
    );
  }
  if (start.server.source === "draft" || start.restoredLocal) {
    return <Alert tone="info">Welcome back: you are continuing where you left off.{restored}</Alert>;
  }
  return null;
}

export function ConflictAlert({ onLoadLatest, loading, error }: { onLoadLatest: () => void; loading: boolean; error: string | null }) {
  return (
    <Alert tone="error">
      <p>
        This survey was changed in another tab or on another device. Your answers here are kept: load the latest to combine them before
        saving again.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={onLoadLatest} disabled={loading}>
          {loading ? "Loading…" : "Load the latest and keep my changes"}
        </Button>
        {error ? <span>{error}</span> : null}
      </div>
    </Alert>
  );
}

export function RefusedAlert({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Alert tone="error">
      <p>Your answers could not be saved: {message} They are kept on this device.</p>
      <Button size="sm" variant="secondary" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
