"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/server/trpc/client";
import type { RouterOutputs } from "~/server/trpc/types";
import { Button } from "../../../../_components/button";
import { date, ROLE_LABEL } from "../../../../_lib/format";
import { ConfirmDialog } from "../_components/confirm-dialog";

type Invitation = RouterOutputs["invitation"]["list"][number];

export function PendingInvitations({ slug, invitations }: { slug: string; invitations: Invitation[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: () => router.refresh() }));

  if (invitations.length === 0) {
    return <p className="text-sm text-slate-600">No pending invitations. People you invite appear here until they accept.</p>;
  }

  return (
    <ul className="divide-y divide-slate-100">
      {invitations.map((i) => (
        <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-900">
              {i.email}
              {i.expired ? (
                <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-600/30">
                  Expired
                </span>
              ) : null}
            </p>
            <p className="text-xs text-slate-600">
              {ROLE_LABEL[i.role]}
              {i.partnerOrgName ? ` of ${i.partnerOrgName}` : ""} · invited by {i.invitedBy} on {date(i.createdAt)} ·{" "}
              {i.expired ? `expired on ${date(i.expiresAt)}; invite them again for a new link` : `expires on ${date(i.expiresAt)}`}
            </p>
          </div>
          <ConfirmDialog
            trigger={
              <Button variant="danger" size="sm" aria-label={`Revoke the invitation for ${i.email}`}>
                Revoke
              </Button>
            }
            title={`Revoke the invitation for ${i.email}?`}
            confirmLabel="Revoke invitation"
            pendingLabel="Revoking…"
            onConfirm={() => revoke.mutateAsync({ workspaceSlug: slug, invitationId: i.id })}
          >
            <p>The link stops working at once. You can invite {i.email} again later.</p>
          </ConfirmDialog>
        </li>
      ))}
    </ul>
  );
}
