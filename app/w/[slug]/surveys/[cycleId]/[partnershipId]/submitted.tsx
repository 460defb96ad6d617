import Link from "next/link";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import type { Form } from "./answers";

export function Submitted({ slug, form, updated }: { slug: string; form: Form; updated: boolean }) {
  return (
    <div className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <Alert tone="success">
        Thank you: your answers for {form.partnership.name} ({form.cycle.label}) are {updated ? "updated" : "submitted"}.
      </Alert>
      <p className="mt-4 text-sm text-slate-600">You can change them until the cycle closes.</p>
      <div className="mt-6 flex justify-center gap-3">
        <Button asChild variant="secondary">
          <Link href={`/w/${slug}/surveys`}>Back to surveys</Link>
        </Button>
        <Button asChild>
          <Link href={`/w/${slug}/partnerships/${form.partnership.id}`}>See the scorecard</Link>
        </Button>
      </div>
    </div>
  );
}
