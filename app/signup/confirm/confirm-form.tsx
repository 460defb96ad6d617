"use client";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { TextField } from "../../_components/field";
import { signInWithToken } from "../../_lib/auth-forms";
import { fieldErrorsOf, useFormErrors } from "../../_lib/use-form-errors";
import { SLUG_PATTERN, SLUG_RULE } from "../../workspaces/workspace-fields";

const codeOf = (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined);

// One button, and the workspace address again only when the one asked for was taken meanwhile.
export function ConfirmForm({
  token,
  slug: asked,
  slugProblem,
  workspaceName,
}: {
  token: string;
  slug: string;
  slugProblem: string | null;
  workspaceName: string;
}) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.workspace.confirmSignUp.mutationOptions());
  const [slug, setSlug] = useState(asked);
  // The address needs choosing again: taken before the page opened, or refused by the button.
  const [slugError, setSlugError] = useState<string | null>(slugProblem);
  const [choosing, setChoosing] = useState(slugProblem !== null);
  const [problem, setProblem] = useState<ReactNode>(null);
  const errors = useFormErrors(null, ["slug"], { slug: slugError });
  const [signingIn, setSigningIn] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (choosing && !SLUG_PATTERN.test(slug)) {
      setSlugError(SLUG_RULE);
      return;
    }
    let done: { slug: string; signInToken: string };
    try {
      done = await confirm.mutateAsync({ token, ...(choosing ? { slug } : {}) });
    } catch (error) {
      const slugSentence = fieldErrorsOf(error).slug;
      const message = slugSentence ?? errorMessage(error);
      // A taken or reserved address (the server's only CONFLICT here): ask for another, the link
      // stays usable.
      if (codeOf(error) === "CONFLICT" || slugSentence) {
        setChoosing(true);
        setSlugError(message);
      } else setProblem(message);
      return;
    }
    setSigningIn(true);
    const failed = await signInWithToken(done.signInToken, `/w/${done.slug}`);
    if (!failed) return;
    setSigningIn(false);
    setProblem(
      <>
        Your account and workspace are ready, but signing you in failed ({failed.error}){" "}
        <Link className="font-medium underline" href={`/signin?callbackUrl=${encodeURIComponent(`/w/${done.slug}`)}`}>
          Sign in
        </Link>{" "}
        to continue.
      </>,
    );
  }

  const busy = confirm.isPending || signingIn;
  return (
    <form id={errors.formId} onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <Alert tone="error">{problem}</Alert>
      {choosing ? (
        <TextField
          label="Workspace address"
          name="slug"
          required
          maxLength={40}
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={slug}
          onChange={(e) => setSlug(e.target.value.toLowerCase().replace(/\s+/g, "-"))}
          hint={`Your workspace will live at /w/${slug || "…"}. ${SLUG_RULE}`}
          error={errors.field("slug")}
        />
      ) : (
        <p className="text-sm text-slate-600">
          Its address: <span className="font-mono text-slate-800">/w/{slug}</span>
        </p>
      )}
      <Button type="submit" className="w-full" disabled={busy} autoFocus={!choosing}>
        {signingIn ? "Signing you in…" : confirm.isPending ? "Creating your workspace…" : `Create ${workspaceName}`}
      </Button>
    </form>
  );
}
