"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";

// Signed in as the invited address: one click.
export function JoinButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: (result) => {
        if (result.status === "joined") router.push(`/w/${result.workspaceSlug}`);
      },
    }),
  );
  const busy = accept.isPending || accept.isSuccess;
  return (
    <div className="space-y-4">
      <Alert tone="error">{accept.error ? errorMessage(accept.error) : null}</Alert>
      <Button className="w-full" disabled={busy} onClick={() => accept.mutate({ token })} autoFocus>
        {busy ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}

// Signed in as someone else: the invitation is for its own address, so the person chooses.
// Signing out comes back to this page, signed out, to accept as the invited address.
export function SwitchAccount({ token, inviteeEmail, currentEmail }: { token: string; inviteeEmail: string; currentEmail: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      <Button
        className="w-full"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: `/invite/${token}` });
        }}
      >
        {pending ? "Signing out…" : `Sign out and continue as ${inviteeEmail}`}
      </Button>
      <Button asChild variant="secondary" className="w-full">
        <Link href="/">Stay signed in as {currentEmail}</Link>
      </Button>
    </div>
  );
}
