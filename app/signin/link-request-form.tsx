"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { useFormErrors } from "../_lib/use-form-errors";
import { CheckEmail } from "./check-email";

const looksLikeEmail = (value: string) => /^\S+@\S+\.\S+$/.test(value.trim());

// "Email me a sign-in link": one field, and the same answer for every address.
export function LinkRequestForm({
  defaultEmail,
  next,
  autoFocus,
  footer,
}: {
  defaultEmail: string;
  // Where the link leads once signed in (the server keeps only a path of this site).
  next?: string;
  autoFocus?: boolean;
  footer?: ReactNode;
}) {
  const trpc = useTRPC();
  const request = useMutation(trpc.signInLink.request.mutationOptions());
  const [email, setEmail] = useState(defaultEmail);
  const [invalid, setInvalid] = useState<string | null>(null);
  const errors = useFormErrors(request.error, ["email"], { email: invalid });

  if (request.data && request.variables) {
    return (
      <CheckEmail onAgain={() => request.reset()}>
        If <strong className="font-medium">{request.variables.email}</strong> has an account, we have sent it a sign-in link. It works once,
        for the next {request.data.expiresInMinutes} minutes.
      </CheckEmail>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!looksLikeEmail(email)) {
      setInvalid("Enter an email address, like name@example.com.");
      return;
    }
    setInvalid(null);
    request.mutate({ email: email.trim(), ...(next ? { next } : {}) });
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
        autoFocus={autoFocus}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.field("email")}
      />
      <Button type="submit" className="w-full" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Email me a sign-in link"}
      </Button>
      {footer}
    </form>
  );
}
