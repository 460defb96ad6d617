"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { fieldError } from "../_lib/field-error";

export function NameForm({ name }: { name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation(trpc.account.rename.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setError(value ? null : "Please enter your name.");
    if (value) rename.mutate({ name: value });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        maxLength={80}
        defaultValue={name}
        error={error ?? fieldError(rename.error, "name")}
        onChange={() => rename.reset()}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save name"}
        </Button>
        {rename.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        {rename.error && !fieldError(rename.error, "name") ? <Alert tone="error">{errorMessage(rename.error)}</Alert> : null}
      </div>
    </form>
  );
}
