"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";

export function ConfirmEmailButton({ token, newEmail }: { token: string; newEmail: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.account.confirmEmailChange.mutationOptions());

  if (confirm.data) {
    return (
      <Alert tone="success">
        Done: your email address is now {confirm.data.email}.{" "}
        <Link href="/account" className="font-medium underline">
          Back to your account
        </Link>
      </Alert>
    );
  }
  return (
    <div className="space-y-3">
      <Button className="w-full" disabled={confirm.isPending} onClick={() => confirm.mutate({ token })}>
        {confirm.isPending ? "Confirming…" : `Use ${newEmail}`}
      </Button>
      <Alert tone="error">{confirm.error ? errorMessage(confirm.error) : null}</Alert>
    </div>
  );
}
