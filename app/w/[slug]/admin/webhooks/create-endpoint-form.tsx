"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { TextField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { EventChoices, type EventChoice } from "./event-choices";
import { NewSecret } from "./new-secret";

export function CreateEndpointForm({ slug, events }: { slug: string; events: EventChoice[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: () => {
        setUrl("");
        setDescription("");
        setChosen([]);
        router.refresh();
      },
    }),
  );

  const errors = useFormErrors(create.error, ["url", "description", "events"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ workspaceSlug: slug, url, description, events: chosen });
  }

  return (
    <div className="space-y-6">
      {create.data ? <NewSecret key={create.data.id} title={`Endpoint ${create.data.url} added`} secret={create.data.secret} /> : null}
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-5" noValidate>
        <Alert tone="error">{errors.summary}</Alert>
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          required
          placeholder="https://example.com/webhooks/partnership-health"
          hint="A public https address; each event is POSTed to it as JSON."
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={errors.field("url")}
          className="max-w-xl"
        />
        <TextField
          label="Description"
          name="description"
          autoComplete="off"
          hint="What receives it, so you know which is which: “CRM sync”, “Data warehouse”."
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.field("description")}
          className="max-w-xl"
        />
        <EventChoices events={events} chosen={chosen} onChange={setChosen} error={errors.field("events")} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding endpoint…" : "Add endpoint"}
        </Button>
      </form>
    </div>
  );
}
