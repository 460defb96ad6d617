"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { TextField } from "../../_components/field";
import { useFormErrors } from "../../_lib/use-form-errors";
import { CheckEmail } from "../check-email";

export function ForgotForm({ defaultEmail }: { defaultEmail: string }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.passwordReset.request.mutationOptions());
  const [email, setEmail] = useState(defaultEmail);
  const [invalid, setInvalid] = useState<string | null>(null);
  const errors = useFormErrors(request.error, ["email"], { email: invalid });

  if (request.data && request.variables) {
    return (
      <CheckEmail onAgain={() => request.reset()}>
        If <strong className="font-medium">{request.variables.email}</strong> has an account, we have sent it a link to choose a new
        password. It works once, for the next {request.data.expiresInMinutes} minutes.
      </CheckEmail>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setInvalid("Enter an email address, like name@example.com.");
      return;
    }
    setInvalid(null);
    request.mutate({ email: email.trim() });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{errors.summary}</Alert>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={200}
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.field("email")}
      />
      <Button type="submit" className="w-full" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Email me a reset link"}
      </Button>
    </form>
  );
}
