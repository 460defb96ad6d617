"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/server/trpc/client";
import type { RouterOutputs } from "~/server/trpc/types";
import { Button } from "../../../../_components/button";
import { date, ROLE_LABEL } from "../../../../_lib/format";
import { ConfirmDialog } from "../_components/confirm-dialog";
import { ChangeEffects } from "./change-effects";
import { ChangeRoleDialog } from "./change-role-dialog";
import { capabilitiesOf } from "~/server/access/roles";

type Member = RouterOutputs["member"]["list"][number];

export function MemberRow({
  slug,
  workspaceName,
  member,
  partnerOrgs,
  isOwner,
}: {
  slug: string;
  workspaceName: string;
  member: Member;
  partnerOrgs: { id: string; name: string }[];
  isOwner: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.member.remove.mutationOptions());
  // The server refuses admins who touch an owner, so the controls are not offered.
  const locked = capabilitiesOf(member.role).grantOwner && !isOwner;

  async function removeMember() {
    await remove.mutateAsync({ workspaceSlug: slug, memberId: member.id });
    // Removing yourself ends your access here; this page would only answer 404.
    if (member.isYou) router.push("/workspaces");
    else router.refresh();
  }

  return (
    <tr className="align-top">
      <td className="font-medium text-slate-900">
        {member.name}
        {member.isYou ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">You</span> : null}
      </td>
      <td>{member.email}</td>
      <td className="text-slate-700">{ROLE_LABEL[member.role]}</td>
      <td>{member.partnerOrgName ?? <span className="text-slate-400">–</span>}</td>
      <td className="whitespace-nowrap">{date(member.since)}</td>
      <td>
        {locked ? (
          <p className="text-right text-xs text-slate-500">Only an owner can change an owner.</p>
        ) : (
          <div className="flex justify-end gap-2">
            <ChangeRoleDialog slug={slug} member={member} partnerOrgs={partnerOrgs} isOwner={isOwner} />
            <ConfirmDialog
              trigger={
                <Button variant="danger" size="sm" aria-label={member.isYou ? "Leave this workspace" : `Remove ${member.name}`}>
                  {member.isYou ? "Leave" : "Remove"}
                </Button>
              }
              title={member.isYou ? `Leave ${workspaceName}?` : `Remove ${member.name}?`}
              confirmLabel={member.isYou ? "Leave workspace" : "Remove member"}
              pendingLabel="Removing…"
              onConfirm={removeMember}
            >
              <p>
                {member.isYou ? "You lose" : `${member.name} loses`} access to {workspaceName} at once. Survey answers already given keep
                counting in the scores, so past results do not change.
              </p>
              <p>{member.isYou ? "An admin can invite you again later." : "You can invite them again later."}</p>
              <ChangeEffects slug={slug} memberId={member.id} change={{ change: "remove" }} />
            </ConfirmDialog>
          </div>
        )}
      </td>
    </tr>
  );
}
