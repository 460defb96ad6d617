// Survey notices and reminders: to participants who have not answered yet, when the cycle opens,
// 7 days later, and 2 days before it closes. Each goes out at most once per person and cycle:
// the ReminderSent row and the email are written in one transaction, and the row's primary key
// turns a second attempt (another job run, another instance) into a no-op.
import type { Cycle, ReminderKind, Workspace } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { enqueueEmail } from "./email/outbox";
import { reminderEmail, surveyOpenEmail } from "./email/templates";
import { isUniqueViolation } from "../db/errors";
import { dueReminder, REMINDER_ORDER } from "./periods";
import { answersFor, decideSurvey } from "../access/decide";
import { issueSurveyLink } from "./survey-links/issue";

interface Owing {
  name: string;
  email: string;
  partnerships: string[];
  partnershipIds: string[];
}

// Who still owes answers in this cycle and has neither had this reminder (or a later one) nor
// muted them, with the partnerships they owe. The job runs every minute on every open cycle, so
// the filter runs in the database: once everyone has had the current reminder, this reads
// nothing, however large the program.
async function pendingPeople(db: TenantDb, cycle: Cycle, later: ReminderKind[]) {
  const participants = await db.cycleParticipant.findMany({
    where: {
      cycleId: cycle.id,
      excluded: false,
      member: {
        removedAt: null,
        remindersSent: { none: { cycleId: cycle.id, kind: { in: later } } },
        reminderMutes: { none: { cycleId: cycle.id } },
      },
    },
    include: {
      member: { include: { user: { select: { name: true, email: true } } } },
      partnership: { select: { name: true, partnerOrgId: true, archivedAt: true } },
    },
  });
  if (participants.length === 0) return new Map<string, Owing>();
  const answered = await db.response.findMany({
    where: { cycleId: cycle.id, memberId: { in: [...new Set(participants.map((p) => p.memberId))] } },
    select: { memberId: true, partnershipId: true },
  });
  const done = new Set(answered.map((r) => `${r.memberId}:${r.partnershipId}`));
  const people = new Map<string, Owing>();
  for (const p of participants) {
    if (done.has(`${p.memberId}:${p.partnershipId}`)) continue;
    // Asked when the list was made, but read again now: a contact since moved to another
    // organisation is not reminded of (nor told the name of) a partnership they cannot see, nor
    // someone since made an executive (or a contact) of a survey they no longer answer.
    const asked = decideSurvey(
      p.member,
      { ...p.partnership, archived: p.partnership.archivedAt !== null },
      cycle,
      answersFor(p.member, p.partnership, p.side),
    );
    if (!asked.ok) continue;
    const person = people.get(p.memberId) ?? { name: p.member.user.name, email: p.member.user.email, partnerships: [], partnershipIds: [] };
    person.partnerships.push(p.partnership.name);
    person.partnershipIds.push(p.partnershipId);
    people.set(p.memberId, person);
  }
  return people;
}

export async function sendDueReminders(
  db: TenantDb,
  workspace: Pick<Workspace, "name" | "slug">,
  cycle: Cycle,
  now: Date,
): Promise<number> {
  const kind = dueReminder(cycle, now);
  if (!kind) return 0;
  const later = REMINDER_ORDER.slice(REMINDER_ORDER.indexOf(kind));
  const people = await pendingPeople(db, cycle, later);
  if (people.size === 0) return 0;

  let count = 0;
  for (const [memberId, person] of people) {
    try {
      await db.$transaction(async (tx) => {
        await tx.reminderSent.create({ data: { workspaceId: cycle.workspaceId, cycleId: cycle.id, memberId, kind, sentAt: now } });
        // Its own personal link, made with the email: a link exists exactly when its email does.
        const details = {
          workspaceName: workspace.name,
          workspaceSlug: workspace.slug,
          cycleLabel: cycle.label,
          closesAt: cycle.closesAt,
          partnershipNames: person.partnerships.sort(),
          recipientName: person.name,
          personalLink: await issueSurveyLink(tx, { memberId, cycleId: cycle.id }),
        };
        const email = kind === "OPENED" ? surveyOpenEmail(details) : reminderEmail({ ...details, kind, now });
        await enqueueEmail(tx, {
          workspaceId: cycle.workspaceId,
          kind: kind === "OPENED" ? "SURVEY_OPEN" : "REMINDER",
          to: person.email,
          recipientMemberId: memberId,
          partnershipIds: person.partnershipIds,
          cycleId: cycle.id,
          ...email,
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
