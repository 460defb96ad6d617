"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { useFormErrors } from "../../../../_lib/use-form-errors";

// Moving the close date: more time for answers, or a closed cycle's date set ahead before reopening.
export function ExtendForm({ slug, cycleId, closesAt }: { slug: string; cycleId: string; closesAt: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(closesAt);
  const extend = useMutation(trpc.cycle.extend.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = useFormErrors(extend.error, ["closesAt"]);
  const problem = errors.field("closesAt");
  const errorId = useId();
  return (
    <form
      id={errors.formId}
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        extend.mutate({ workspaceSlug: slug, cycleId, closesAt: value });
      }}
    >
      <div className="flex items-end gap-2">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Close date</span>
          <input
            type="date"
            value={value}
            onChange={(e) => {
              extend.reset();
              setValue(e.target.value);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            className="rounded-md border-0 px-2 py-1 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={extend.isPending || value === closesAt}>
          {extend.isPending ? "Saving…" : "Change"}
        </Button>
      </div>
      {problem ? (
        <p id={errorId} className="text-xs text-red-700">
          {problem}
        </p>
      ) : (
        <Alert tone="error">{errors.summary}</Alert>
      )}
    </form>
  );
}
