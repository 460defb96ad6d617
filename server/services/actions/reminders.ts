// Reminders to an action's owner: one a few days before its by-when date (DUE_SOON) and one once
// the date has passed (OVERDUE), each at most once per action, kind and date. The marker row, the
// email and the in-app notification are written in one transaction, and the marker's primary key
// turns a second attempt (another job run, another instance) into a no-op; moving the date makes
// the reminders due again. Finished actions, actions without an owner or a date, owners who have
// left the workspace and archived partnerships get none.
import type { ActionReminderKind, Role } from "../../db/generated/client";
import { WORKSPACE, type TenantDb } from "../../db/tenant";
import { decideWork } from "../../access/decide";
import { actionReminderEmail } from "../email/action-reminder";
import { enqueueEmail } from "../email/outbox";
import { isUniqueViolation } from "../../db/errors";
import { addDays, todayUtc } from "./overdue";
import { shortDay } from "../dates";
import { reportOverdueActions } from "../chat/report";

// How many days before the date the first reminder goes out.
export const DUE_SOON_DAYS = 3;

interface Candidate {
  id: string;
  partnershipId: string;
  title: string;
  dueDate: Date;
  ownerMemberId: string;
  kind: ActionReminderKind;
  ownerName: string;
  ownerEmail: string;
  ownerRole: Role;
  ownerPartnerOrgId: string | null;
  ownerOnTeam: boolean;
  partnershipName: string;
  partnerOrgId: string;
  partnershipOwnerId: string | null;
  workspaceName: string;
  workspaceSlug: string;
}

// The actions with a reminder due and not yet sent for their current date. Written in SQL
// because "not sent for this date" compares the marker's date with the action's own column; the
// job runs every minute, and once everyone has had their reminder this reads nothing.
async function candidates(db: TenantDb, now: Date): Promise<Candidate[]> {
  const today = todayUtc(now);
  const soonUntil = addDays(today, DUE_SOON_DAYS);
  return db.$queryScoped<Candidate[]>`
    SELECT c.*, u.name AS "ownerName", u.email AS "ownerEmail", m.role::text AS "ownerRole", m."partnerOrgId" AS "ownerPartnerOrgId",
           EXISTS (SELECT 1 FROM "PartnershipTeamMember" t
                   WHERE t."workspaceId" = c."workspaceId" AND t."partnershipId" = c."partnershipId" AND t."memberId" = m.id) AS "ownerOnTeam",
           p.name AS "partnershipName", p."partnerOrgId", p."ownerMemberId" AS "partnershipOwnerId",
           w.name AS "workspaceName", w.slug AS "workspaceSlug"
    FROM (
      SELECT a.id, a."workspaceId", a."partnershipId", a.title, a."dueDate", a."ownerMemberId",
             CASE WHEN a."dueDate" < ${today} THEN 'OVERDUE' ELSE 'DUE_SOON' END AS kind
      FROM "Action" a
      WHERE a."workspaceId" = ${WORKSPACE} AND a.status IN ('OPEN', 'IN_PROGRESS') AND a."ownerMemberId" IS NOT NULL
        AND a."dueDate" <= ${soonUntil}
    ) c
    JOIN "Partnership" p ON p."workspaceId" = c."workspaceId" AND p.id = c."partnershipId" AND p."archivedAt" IS NULL
    JOIN "Member" m ON m."workspaceId" = c."workspaceId" AND m.id = c."ownerMemberId" AND m."removedAt" IS NULL
    JOIN "User" u ON u.id = m."userId"
    JOIN "Workspace" w ON w.id = c."workspaceId"
    WHERE NOT EXISTS (
      SELECT 1 FROM "ActionReminderSent" r
      WHERE r."workspaceId" = c."workspaceId" AND r."actionId" = c.id AND r."dueDate" = c."dueDate" AND r.kind::text = c.kind
    )
    ORDER BY c."dueDate", c.id`;
}

// Whether the owner may still work on the action's partnership, by the access module's rule,
// read at send time: an owner whose role or organisation changed since is neither emailed nor
// notified about a partnership they can no longer see or change.
const ownerMayWork = (c: Candidate) =>
  decideWork(
    { id: c.ownerMemberId, role: c.ownerRole, partnerOrgId: c.ownerPartnerOrgId },
    {
      partnerOrgId: c.partnerOrgId,
      ownerMemberId: c.partnershipOwnerId,
      teamMemberIds: c.ownerOnTeam ? [c.ownerMemberId] : [],
      archived: false,
    },
    "write",
  ).ok;

// One workspace's reminders (its action-reminders job, server/jobs/work.ts).
export async function runActionReminders(db: TenantDb, now: Date): Promise<number> {
  const today = todayUtc(now);
  let count = 0;
  for (const c of await candidates(db, now)) {
    if (!ownerMayWork(c)) continue;
    const path = `/w/${c.workspaceSlug}/partnerships/${c.partnershipId}/actions/${c.id}`;
    const email = actionReminderEmail({
      kind: c.kind,
      workspaceName: c.workspaceName,
      recipientName: c.ownerName,
      partnershipName: c.partnershipName,
      title: c.title,
      dueDate: c.dueDate,
      path,
      today,
    });
    const day = c.dueDate.toISOString().slice(0, 10);
    const due = shortDay(c.dueDate);
    try {
      await db.$transaction(async (tx) => {
        await tx.actionReminderSent.create({
          data: { workspaceId: db.$workspaceId, actionId: c.id, kind: c.kind, dueDate: c.dueDate, sentAt: now },
        });
        await enqueueEmail(tx, {
          workspaceId: db.$workspaceId,
          kind: "ACTION_REMINDER",
          to: c.ownerEmail,
          recipientMemberId: c.ownerMemberId,
          partnershipIds: [c.partnershipId],
          ...email,
        });
        // skipDuplicates: a notification for this very event already there is not an error.
        await tx.notification.createMany({
          data: {
            workspaceId: db.$workspaceId,
            memberId: c.ownerMemberId,
            kind: "ACTION_DUE",
            partnershipId: c.partnershipId,
            title: c.kind === "DUE_SOON" ? `"${c.title}" is due soon` : `"${c.title}" is overdue`,
            body: `${c.partnershipName}: ${c.kind === "DUE_SOON" ? "due" : "was due"} on ${due}.`,
            link: path,
            dedupeKey: `action-due:${c.id}:${c.kind}:${day}`,
            createdAt: now,
          },
          skipDuplicates: true,
        });
      });
      count++;
    } catch (error) {
      // Another run sent this one first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  await reportOverdueActions(db, now);
  return count;
}
