"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { MIN_PASSWORD_LENGTH as MIN_PASSWORD } from "~/server/password-policy";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { TextField } from "../../_components/field";
import { signInWithToken } from "../../_lib/auth-forms";
import { useFormErrors } from "../../_lib/use-form-errors";
import { CheckEmail } from "../../signin/check-email";

type Errors = { name?: string; password?: string };

// Signed out: a name, and a password only if the person wants one (without, they sign in by
// emailed link). The same form for everybody; the answer says what comes next.
export function AcceptForm({
  token,
  email,
  workspaceName,
  name,
}: {
  token: string;
  email: string;
  workspaceName: string;
  // Offered when an import named the person.
  name?: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const [problems, setProblems] = useState<Errors>({});
  const errors = useFormErrors(accept.error, ["name", "password"], problems);
  // A problem after joining (signing in failed), with a way on.
  const [problem, setProblem] = useState<ReactNode>(null);
  const [signingIn, setSigningIn] = useState(false);
  const signInHere = `/signin?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;

  if (accept.data?.status === "signInToJoin") {
    return (
      <CheckEmail>
        <strong className="font-medium">{email}</strong> already has an account, so joining {workspaceName} takes signing in to it. We have
        emailed a sign-in link that brings you back here, or you can{" "}
        <Link className="font-medium underline" href={signInHere}>
          sign in another way
        </Link>
        .
      </CheckEmail>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const found: Errors = {};
    if (!name) found.name = "Enter your name.";
    if (password && password.length < MIN_PASSWORD) found.password = `Use at least ${MIN_PASSWORD} characters, or leave it empty.`;
    setProblems(found);
    setProblem(null);
    if (Object.keys(found).length) return;

    let result;
    try {
      result = await accept.mutateAsync({ token, name, ...(password ? { password } : {}) });
    } catch {
      // The mutation's error is shown by the form (errors.summary and beside its field).
      return;
    }
    if (result.status !== "joined") return;
    const path = `/w/${result.workspaceSlug}`;
    if (!result.signInToken) {
      router.push(path);
      return;
    }
    setSigningIn(true);
    const failed = await signInWithToken(result.signInToken, path);
    if (!failed) return;
    setSigningIn(false);
    setProblem(
      <>
        You have joined {workspaceName}, but signing you in failed ({failed.error}){" "}
        <Link
          className="font-medium underline"
          href={`/signin?email=${encodeURIComponent(result.email)}&callbackUrl=${encodeURIComponent(path)}`}
        >
          Sign in
        </Link>{" "}
        to continue.
      </>,
    );
  }

  const busy = accept.isPending || signingIn;
  return (
    <form id={errors.formId} onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <Alert tone="error">{problem ?? errors.summary}</Alert>
      <TextField
        label="Email"
        name="email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
        hint="The invitation is for this address."
        className="bg-slate-50 text-slate-700"
      />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={name ?? undefined}
        autoFocus
        error={errors.field("name")}
      />
      <TextField
        label="Password (optional)"
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        hint={`At least ${MIN_PASSWORD} characters. Leave it empty to sign in with a link we email you instead.`}
        error={errors.field("password")}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {signingIn ? "Signing you in…" : accept.isPending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </form>
  );
}
