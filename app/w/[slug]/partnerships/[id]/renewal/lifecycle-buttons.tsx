"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";

// Opening the renewal review ahead of the job (which opens it on its own when it is due).
export function OpenReviewButton({ slug, partnershipId }: { slug: string; partnershipId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const open = useMutation(trpc.lifecycle.openReview.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <Button disabled={open.isPending} onClick={() => open.mutate({ workspaceSlug: slug, partnershipId })}>
        {open.isPending ? "Opening…" : "Open renewal review"}
      </Button>
      <Alert tone="error">{open.error ? errorMessage(open.error) : null}</Alert>
    </div>
  );
}

// Restoring an exited partnership to the phase it left.
export function RestoreButton({ slug, partnershipId, name }: { slug: string; partnershipId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const restore = useMutation(trpc.lifecycle.restore.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={restore.isPending} onClick={() => restore.mutate({ workspaceSlug: slug, partnershipId })}>
        {restore.isPending ? "Restoring…" : `Restore ${name}`}
      </Button>
      <Alert tone="error">{restore.error ? errorMessage(restore.error) : null}</Alert>
    </div>
  );
}
