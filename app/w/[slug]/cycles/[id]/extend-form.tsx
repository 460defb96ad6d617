"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";

// Moving the close date: more time for answers, or a closed cycle's date set ahead before reopening.
export function ExtendForm({ slug, cycleId, closesAt }: { slug: string; cycleId: string; closesAt: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(closesAt);
  const extend = useMutation(trpc.cycle.extend.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
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
            onChange={(e) => setValue(e.target.value)}
            className="rounded-md border-0 px-2 py-1 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={extend.isPending || value === closesAt}>
          {extend.isPending ? "Saving…" : "Change"}
        </Button>
      </div>
      {extend.error ? <Alert tone="error">{errorMessage(extend.error)}</Alert> : null}
    </form>
  );
}
