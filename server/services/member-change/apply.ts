// Making a member change: the member's new role, organisation or removal and everything its plan
// (plan.ts) says, in the caller's one transaction, so a failure changes nothing. Each write is
// conditional on the row still being as the plan read it.
import { byId, type TenantTx } from "../../db/tenant";
import { recordActionEvent } from "../actions/record";
import { ownerNeededEmail, ownerNeededNotice, actionHandedOverNotice, type OwnerGone } from "../email/people-change";
import { notifyOnce, partnershipRecipients, type Notice } from "../notifications";
import { syncCurrentCycles } from "../participants";
import type { MemberChangePlan } from "./plan";

const ROLE_PHRASE = {
  OWNER: "is now a workspace owner",
  ADMIN: "is now a workspace admin",
  MANAGER: "is now an alliance manager",
  EXECUTIVE: "is now an executive",
  PARTNER: "is now a partner contact",
} as const;

export function goneOf(plan: MemberChangePlan): OwnerGone {
  const { after, member } = plan;
  let why: string;
  if (!after) why = "left the workspace";
  else if (after.role === "PARTNER" && member.role === "PARTNER") why = "moved to another partner organisation";
  else why = ROLE_PHRASE[after.role];
  return { memberName: member.name, why };
}

export interface ChangeContext {
  // The admin making the change, who the actions' history names.
  byMemberId: string;
  workspace: { slug: string; name: string };
  now: Date;
}

export async function applyMemberChange(tx: TenantTx, plan: MemberChangePlan, c: ChangeContext): Promise<void> {
  const m = plan.member.id;
  const { after } = plan;
  const gone = goneOf(plan);
  const stamp = c.now.toISOString();

  await tx.member.update({
    where: byId(tx, m),
    data: after ? { role: after.role, partnerOrgId: after.partnerOrgId } : { removedAt: c.now },
  });

  if (plan.ownership.length) {
    await tx.partnership.updateMany({
      where: { id: { in: plan.ownership.map((p) => p.id) }, ownerMemberId: m },
      data: { ownerMemberId: null },
    });
  }
  if (plan.teams.length) {
    await tx.partnershipTeamMember.deleteMany({ where: { memberId: m, partnershipId: { in: plan.teams.map((t) => t.id) } } });
  }

  const places = (rows: MemberChangePlan["participants"]) => rows.map((r) => ({ cycleId: r.cycleId, partnershipId: r.partnershipId }));
  const unanswered = plan.participants.filter((p) => !p.answered);
  const answered = plan.participants.filter((p) => p.answered);
  if (unanswered.length) await tx.cycleParticipant.deleteMany({ where: { memberId: m, OR: places(unanswered) } });
  if (answered.length) {
    await tx.cycleParticipant.updateMany({ where: { memberId: m, OR: places(answered) }, data: { excluded: true, manual: true } });
  }
  if (plan.participants.length) await tx.responseDraft.deleteMany({ where: { memberId: m, OR: places(plan.participants) } });

  for (const a of plan.actions) {
    const moved = await tx.action.updateMany({
      where: { id: a.id, ownerMemberId: m },
      data: { ownerMemberId: a.toMemberId, version: { increment: 1 } },
    });
    if (moved.count === 0) continue;
    await recordActionEvent(tx, a.id, c.byMemberId, { owner: [m, a.toMemberId] });
    if (!a.toMemberId) continue;
    const text = actionHandedOverNotice({ title: a.title, partnershipName: a.partnershipName, gone });
    await tx.notification.createMany({
      data: {
        workspaceId: tx.$workspaceId,
        memberId: a.toMemberId,
        kind: "ACTION_HANDED_OVER",
        partnershipId: a.partnershipId,
        ...text,
        link: `/w/${c.workspace.slug}/partnerships/${a.partnershipId}/actions/${a.id}`,
        dedupeKey: `action-handed-over:${a.id}:${stamp}`,
        createdAt: c.now,
      },
      skipDuplicates: true,
    });
  }

  for (const g of plan.goals) {
    if (g.host) await tx.goal.updateMany({ where: { id: g.id, hostOwnerId: m }, data: { hostOwnerId: null, version: { increment: 1 } } });
    if (g.partner) {
      await tx.goal.updateMany({ where: { id: g.id, partnerOwnerId: m }, data: { partnerOwnerId: null, version: { increment: 1 } } });
    }
  }

  if (plan.attendance.length) {
    await tx.retroAttendee.deleteMany({ where: { memberId: m, retroId: { in: plan.attendance.map((a) => a.retroId) } } });
  }
  if (plan.notifications.length) await tx.notification.deleteMany({ where: { memberId: m, id: { in: plan.notifications } } });

  const byReason = new Map<string, string[]>();
  for (const e of plan.emails) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e.id]);
  for (const [reason, ids] of byReason) {
    await tx.outboxEmail.updateMany({
      where: { id: { in: ids }, sentAt: null, droppedAt: null },
      data: { droppedAt: c.now, dropReason: reason },
    });
  }

  // A contact who moved is asked about their new organisation's partnerships (someone made a
  // manager is asked once they own one or join its team).
  if (after) await syncCurrentCycles(tx);

  // The admins (as they are after the change) hear of every live partnership left without an owner.
  const unowned = plan.ownership.filter((p) => p.live);
  if (unowned.length === 0) return;
  const path = `/w/${c.workspace.slug}/admin/partners`;
  const notices: Notice[] = unowned.map((p) => ({
    kind: "OWNER_NEEDED",
    partnershipId: p.id,
    cycleId: null,
    ...ownerNeededNotice(p.name, gone),
    link: path,
    dedupeKey: `owner-needed:${p.id}:${m}:${stamp}`,
  }));
  for (const admin of await partnershipRecipients(tx, null)) {
    await notifyOnce(tx, admin, notices, (fresh) =>
      ownerNeededEmail({
        workspaceName: c.workspace.name,
        recipientName: admin.name,
        gone,
        partnershipNames: fresh.map((n) => unowned.find((p) => p.id === n.partnershipId)!.name),
        path,
      }),
    );
  }
}
