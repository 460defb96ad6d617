"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";

// An email the job queue gave up on goes back on it, with fresh tries.
export function SendAgainButton({ slug, emailId }: { slug: string; emailId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const again = useMutation(trpc.outbox.sendAgain.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="mt-2 space-y-2">
      <Button size="sm" variant="secondary" disabled={again.isPending} onClick={() => again.mutate({ workspaceSlug: slug, emailId })}>
        {again.isPending ? "Queuing…" : "Send again"}
      </Button>
      {again.error ? <Alert tone="error">{errorMessage(again.error)}</Alert> : null}
    </div>
  );
}
