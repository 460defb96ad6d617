"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import type { Form } from "./answers";
import type { SurveyPlace } from "./survey-place";

// Shown in place of the form once it is submitted: focus moves to the confirmation, so a keyboard
// or screen reader user hears it instead of being left on a button that is gone.
export function Submitted({ form, place, updated }: { form: Form; place: SurveyPlace; updated: boolean }) {
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => confirmation.current?.focus(), []);
  return (
    <div
      ref={confirmation}
      tabIndex={-1}
      data-testid="survey-submitted"
      className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <Alert tone="success">
        Thank you: your answers for {form.partnership.name} ({form.cycle.label}) are {updated ? "updated" : "submitted"}.
      </Alert>
      <p className="mt-4 text-sm text-slate-600">You can change them until the cycle closes.</p>
      <div className="mt-6 flex justify-center gap-3">
        <Button asChild variant="secondary">
          <Link href={place.surveysHref}>Back to surveys</Link>
        </Button>
        <Button asChild>
          <Link href={place.scorecardHref}>{place.scorecardNeedsSignIn ? "Sign in to see the scorecard" : "See the scorecard"}</Link>
        </Button>
      </div>
    </div>
  );
}
