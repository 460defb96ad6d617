"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { ConfirmDialog } from "../_components/confirm-dialog";
import { NewSecret } from "./new-secret";

// An endpoint's buttons: a test event, turning it off or on, a new secret, removing it.
export function EndpointActions({ slug, endpointId, url, enabled }: { slug: string; endpointId: string; url: string; enabled: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const ping = useMutation(trpc.webhook.sendTest.mutationOptions(refresh));
  const toggle = useMutation(trpc.webhook.update.mutationOptions(refresh));
  const rotate = useMutation(trpc.webhook.rotateSecret.mutationOptions(refresh));
  const remove = useMutation(trpc.webhook.remove.mutationOptions(refresh));
  const key = { workspaceSlug: slug, endpointId };
  const error = ping.error ?? toggle.error ?? rotate.error;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={!enabled || ping.isPending} onClick={() => ping.mutate(key)}>
          {ping.isPending ? "Sending…" : "Send test event"}
        </Button>
        <Button size="sm" variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate({ ...key, enabled: !enabled })}>
          {enabled ? "Turn off" : "Turn on"}
        </Button>
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" aria-label={`Rotate secret of ${url}`}>
              Rotate secret
            </Button>
          }
          title="Rotate the signing secret?"
          confirmLabel="Make a new secret"
          pendingLabel="Rotating…"
          variant="primary"
          onConfirm={() => rotate.mutateAsync(key)}
        >
          <p>
            A new secret is made and shown once. For the next 24 hours each delivery is signed with both the new and the old one, so you can
            update your receiver without missing a delivery.
          </p>
        </ConfirmDialog>
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="danger" aria-label={`Remove the webhook endpoint ${url}`}>
              Remove
            </Button>
          }
          title={`Remove the endpoint ${url}?`}
          confirmLabel="Remove endpoint"
          pendingLabel="Removing…"
          onConfirm={() => remove.mutateAsync(key)}
        >
          <p>Nothing more is sent to it, and its delivery log is deleted with it.</p>
        </ConfirmDialog>
      </div>
      {ping.isSuccess ? (
        <p className="text-xs text-slate-600" role="status">
          Test event queued: see it in the delivery log.
        </p>
      ) : null}
      {rotate.data ? <NewSecret key={rotate.data.secret} title="New signing secret" secret={rotate.data.secret} /> : null}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
    </div>
  );
}
