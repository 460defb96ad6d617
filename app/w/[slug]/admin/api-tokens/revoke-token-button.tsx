"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/server/trpc/client";
import { Button } from "../../../../_components/button";
import { ConfirmDialog } from "../_components/confirm-dialog";

export function RevokeTokenButton({ slug, tokenId, name }: { slug: string; tokenId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" size="sm" aria-label={`Revoke the API token ${name}`}>
          Revoke
        </Button>
      }
      title={`Revoke the API token "${name}"?`}
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      onConfirm={() => revoke.mutateAsync({ workspaceSlug: slug, tokenId })}
    >
      <p>Every call with it is refused from now on. Whatever uses it needs a new token.</p>
    </ConfirmDialog>
  );
}
