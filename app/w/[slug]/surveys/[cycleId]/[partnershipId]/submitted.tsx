import Link from "next/link";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import type { Form } from "./answers";
import type { SurveyPlace } from "./survey-place";

export function Submitted({ form, place, updated }: { form: Form; place: SurveyPlace; updated: boolean }) {
  return (
    <div className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
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
