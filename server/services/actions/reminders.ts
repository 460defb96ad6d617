// Reminders to an action's owner: one a few days before its by-when date (DUE_SOON) and one once
// the date has passed (OVERDUE), each at most once per action, kind and date. The marker row, the
// email and the in-app notification are written in one transaction, and the marker's primary key
// turns a second attempt (another job run, another instance) into a no-op; moving the date makes
// the reminders due again. Finished actions, actions without an owner or a date, owners who have
// left the workspace and archived partnerships get none.
import { Prisma, type ActionReminderKind, type PrismaClient } from "../../db/generated/client";
import { actionReminderEmail } from "../email/action-reminder";
import { enqueueEmail } from "../email/outbox";
import { isUniqueViolation } from "../errors";
import { addDays, todayUtc } from "./overdue";
import { shortDay } from "../dates";

// How many days before the date the first reminder goes out.
export const DUE_SOON_DAYS = 3;

interface Candidate {
  id: string;
  workspaceId: string;
  partnershipId: string;
  title: string;
  dueDate: Date;
  ownerMemberId: string;
  kind: ActionReminderKind;
  ownerName: string;
  ownerEmail: string;
  partnershipName: string;
  workspaceName: string;
  workspaceSlug: string;
}

// The actions with a reminder due and not yet sent for their current date. Written in SQL
// because "not sent for this date" compares the marker's date with the action's own column; the
// job runs every minute, and once everyone has had their reminder this reads nothing.
async function candidates(db: PrismaClient, now: Date, workspaceIds?: string[]): Promise<Candidate[]> {
  const today = todayUtc(now);
  const soonUntil = addDays(today, DUE_SOON_DAYS);
  const scope = workspaceIds ? Prisma.sql`AND a."workspaceId" IN (${Prisma.join(workspaceIds)})` : Prisma.empty;
  return db.$queryRaw<Candidate[]>`
    SELECT c.*, u.name AS "ownerName", u.email AS "ownerEmail", p.name AS "partnershipName",
           w.name AS "workspaceName", w.slug AS "workspaceSlug"
    FROM (
      SELECT a.id, a."workspaceId", a."partnershipId", a.title, a."dueDate", a."ownerMemberId",
             CASE WHEN a."dueDate" < ${today} THEN 'OVERDUE' ELSE 'DUE_SOON' END AS kind
      FROM "Action" a
      WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a."ownerMemberId" IS NOT NULL AND a."dueDate" <= ${soonUntil} ${scope}
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

// `workspaceIds` limits a run to some workspaces (tests); by default it covers all.
export async function runActionReminders(db: PrismaClient, now: Date, workspaceIds?: string[]): Promise<number> {
  const today = todayUtc(now);
  let count = 0;
  for (const c of await candidates(db, now, workspaceIds)) {
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
          data: { workspaceId: c.workspaceId, actionId: c.id, kind: c.kind, dueDate: c.dueDate, sentAt: now },
        });
        await enqueueEmail(tx, { workspaceId: c.workspaceId, kind: "ACTION_REMINDER", to: c.ownerEmail, ...email });
        // skipDuplicates: a notification for this very event already there is not an error.
        await tx.notification.createMany({
          data: {
            workspaceId: c.workspaceId,
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
  return count;
}
