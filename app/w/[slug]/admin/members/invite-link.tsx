"use client";
import type { RouterOutputs } from "~/server/trpc/types";
import { date, ROLE_LABEL } from "../../../../_lib/format";
import { CopyField } from "../_components/copy-field";

type Created = RouterOutputs["invitation"]["create"];

// The token exists only in this response, so this is the one chance to pass the link on.
export function InviteLink({ invitation, partnerOrgName }: { invitation: Created; partnerOrgName: string | null }) {
  const url = window.location.origin + invitation.path;

  return (
    <div className="rounded-md bg-green-50 p-4 ring-1 ring-green-200">
      <h3 className="text-sm font-semibold text-green-900">
        Invitation created for {invitation.email} as {ROLE_LABEL[invitation.role]}
        {partnerOrgName ? ` of ${partnerOrgName}` : ""}
      </h3>
      <p className="mt-1 text-sm text-green-900">
        Email delivery is not set up yet, so send this link to them yourself. It works once and expires on {date(invitation.expiresAt)} (in
        7 days). It is shown only now: if it gets lost, create a new invitation.
      </p>
      <CopyField id="invite-link" label="Invitation link" value={url} noun="link" />
    </div>
  );
}
