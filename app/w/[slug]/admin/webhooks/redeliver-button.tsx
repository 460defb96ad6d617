"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";

// The same message (same webhook-id and payload) queued again, signed afresh.
export function RedeliverButton({ slug, deliveryId }: { slug: string; deliveryId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const again = useMutation(trpc.webhook.redeliver.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <Button size="sm" variant="secondary" disabled={again.isPending} onClick={() => again.mutate({ workspaceSlug: slug, deliveryId })}>
        {again.isPending ? "Queuing…" : "Redeliver"}
      </Button>
      {again.error ? <Alert tone="error">{errorMessage(again.error)}</Alert> : null}
    </div>
  );
}
