"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { dateTime } from "~/server/services/dates";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { TextField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { ConfirmDialog } from "../_components/confirm-dialog";

interface Integration {
  platform: "SLACK" | "TEAMS";
  configured: boolean;
  urlHint: string | null;
  lastAttemptAt: Date | null;
  lastSentAt: Date | null;
  lastError: string | null;
  pending: number;
  failed: number;
}

// The last delivery in words: "Last sent …", or "Failed …: <why>".
function LastDelivery({ integration: i }: { integration: Integration }) {
  if (!i.lastAttemptAt) return <p className="text-sm text-slate-600">Nothing sent yet.</p>;
  if (i.lastError) {
    return (
      <p className="text-sm text-red-700">
        Failed {dateTime(i.lastAttemptAt)}: {i.lastError}
        {i.lastSentAt ? <span className="block text-slate-600">Last sent {dateTime(i.lastSentAt)}.</span> : null}
      </p>
    );
  }
  return <p className="text-sm text-green-800">Last sent {dateTime(i.lastSentAt ?? i.lastAttemptAt)}.</p>;
}

export function ChatIntegrationCard({
  slug,
  integration,
  name,
  placeholder,
  how,
}: {
  slug: string;
  integration: Integration;
  name: string;
  placeholder: string;
  how: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [url, setUrl] = useState("");
  // The form shows while not connected, and when the admin asks to replace the address.
  const [replacing, setReplacing] = useState(false);
  const editing = replacing || !integration.configured;
  const save = useMutation(
    trpc.chatIntegration.save.mutationOptions({
      onSuccess: () => {
        setUrl("");
        setReplacing(false);
        router.refresh();
      },
    }),
  );
  const errors = useFormErrors(save.error, ["url"]);
  const test = useMutation(trpc.chatIntegration.test.mutationOptions({ onSettled: () => router.refresh() }));
  const remove = useMutation(trpc.chatIntegration.remove.mutationOptions({ onSuccess: () => router.refresh() }));
  const platform = integration.platform;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    test.reset();
    save.mutate({ workspaceSlug: slug, platform, url });
  }

  return (
    <section aria-labelledby={`chat-${platform}`} className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`chat-${platform}`} className="text-base font-semibold text-slate-900">
            {name}
          </h2>
          {integration.configured ? (
            <p className="mt-1 text-sm text-slate-700">
              Posting to <span className="font-mono text-xs">{integration.urlHint}</span>
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-600">Not connected.</p>
          )}
        </div>
        {integration.configured ? (
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={test.isPending} onClick={() => test.mutate({ workspaceSlug: slug, platform })}>
              {test.isPending ? "Sending…" : "Send a test message"}
            </Button>
            {!editing ? (
              <Button variant="secondary" size="sm" onClick={() => setReplacing(true)}>
                Replace address
              </Button>
            ) : null}
            <ConfirmDialog
              trigger={
                <Button variant="danger" size="sm" aria-label={`Disconnect ${name}`}>
                  Disconnect
                </Button>
              }
              title={`Disconnect ${name}?`}
              confirmLabel="Disconnect"
              pendingLabel="Disconnecting…"
              onConfirm={() => remove.mutateAsync({ workspaceSlug: slug, platform })}
            >
              <p>Nothing more is posted to that channel, including messages still waiting. You can connect it again at any time.</p>
            </ConfirmDialog>
          </div>
        ) : null}
      </div>

      {integration.configured ? (
        <div className="space-y-1">
          <LastDelivery integration={integration} />
          {integration.pending ? <p className="text-sm text-slate-600">{integration.pending} waiting to be posted.</p> : null}
          {integration.failed ? <p className="text-sm text-red-700">{integration.failed} given up on after repeated failures.</p> : null}
        </div>
      ) : null}

      {test.data ? <Alert tone={test.data.ok ? "success" : "error"}>{test.data.message}</Alert> : null}
      <Alert tone="error">{test.error ? errorMessage(test.error) : null}</Alert>

      {editing ? (
        <form id={errors.formId} onSubmit={onSubmit} className="space-y-3" noValidate>
          <Alert tone="error">{errors.summary}</Alert>
          <TextField
            label={`${name} incoming webhook address`}
            name="url"
            type="url"
            autoComplete="off"
            placeholder={placeholder}
            hint={`${how} The address is kept encrypted and never shown again in full.`}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={errors.field("url")}
            className="max-w-2xl"
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
            {integration.configured ? (
              <Button variant="ghost" onClick={() => setReplacing(false)}>
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
