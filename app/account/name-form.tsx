"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { useFormErrors } from "../_lib/use-form-errors";

export function NameForm({ name }: { name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation(trpc.account.rename.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = useFormErrors(rename.error, ["name"], { name: error });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setError(value ? null : "Enter your name.");
    if (value) rename.mutate({ name: value });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-3" noValidate>
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        maxLength={80}
        defaultValue={name}
        error={errors.field("name")}
        onChange={() => rename.reset()}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save name"}
        </Button>
        {rename.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        {rename.error ? <Alert tone="error">{errors.summary}</Alert> : null}
      </div>
    </form>
  );
}
