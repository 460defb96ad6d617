"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../_components/alert";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../admin/_components/confirm-dialog";

interface Cycle {
  id: string;
  label: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  responses: number;
}

export function CycleActions({ slug, cycle }: { slug: string; cycle: Cycle }) {
  const trpc = useTRPC();
  const router = useRouter();
  const open = useMutation(trpc.cycle.open.mutationOptions({ onSuccess: () => router.refresh() }));
  const close = useMutation(trpc.cycle.close.mutationOptions({ onSuccess: () => router.refresh() }));
  const input = { workspaceSlug: slug, cycleId: cycle.id };

  return (
    <div className="flex flex-col items-end gap-2">
      {cycle.status === "OPEN" ? (
        <ConfirmDialog
          trigger={
            <Button variant="danger" size="sm" aria-label={`Close ${cycle.label}`}>
              Close
            </Button>
          }
          title={`Close ${cycle.label}?`}
          confirmLabel="Close cycle"
          pendingLabel="Closing…"
          onConfirm={() => close.mutateAsync(input)}
        >
          <p>Nobody can answer or change answers for {cycle.label} after it closes.</p>
          <p>
            The {cycle.responses} {cycle.responses === 1 ? "response" : "responses"} given so far are kept and count in the scores. You can
            reopen the cycle later if needed.
          </p>
        </ConfirmDialog>
      ) : (
        <Button
          variant={cycle.status === "DRAFT" ? "primary" : "secondary"}
          size="sm"
          disabled={open.isPending}
          onClick={() => open.mutate(input)}
          aria-label={`${cycle.status === "DRAFT" ? "Open" : "Reopen"} ${cycle.label}`}
        >
          {open.isPending ? "Opening…" : cycle.status === "DRAFT" ? "Open" : "Reopen"}
        </Button>
      )}
      <Alert tone="error" className="max-w-xs text-left">
        {open.error ? errorMessage(open.error) : null}
      </Alert>
    </div>
  );
}
