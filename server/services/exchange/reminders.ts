// Reminders of overdue accepted asks, on the same rule as overdue actions (actions/reminders.ts):
// once an accepted ask's by-when date has passed without delivery, the side that owes it (the
// other side's people on the partnership: its owner and host team for an ask made by the partner,
// the partner organisation's contacts for an ask made by the company) hears once per ask and
// date, in the app and by email (kind ACTION_REMINDER, so the "action reminders" choice turns it
// off). The marker row, the emails and the notifications are written in one transaction, and the
// marker's primary key turns a second attempt into a no-op; moving the date (an answer's edit)
// makes the reminder due again. Run by the same job as the action reminders (server/jobs/work.ts):
// two reads whatever the number of asks, then one transaction per ask that is due.
import { WORKSPACE, type TenantDb } from "../../db/tenant";
import { isUniqueViolation } from "../../db/errors";
import { ROLES, speaksForHost, speaksForPartner } from "../../access/roles";
import { askReminderEmail } from "../email/ask-reminder";
import { enqueueEmail } from "../email/outbox";
import { shortDay } from "../dates";
import { todayUtc } from "../actions/overdue";
import { givingSide, type ExchangeSide } from "./life";

interface Candidate {
  id: string;
  partnershipId: string;
  side: ExchangeSide;
  title: string;
  dueDate: Date;
  partnershipName: string;
  partnerOrgId: string;
  partnerName: string;
  ownerMemberId: string | null;
  workspaceName: string;
  workspaceSlug: string;
}

// Accepted asks past their date and not reminded for this date, of live partnerships.
async function candidates(db: TenantDb, now: Date): Promise<Candidate[]> {
  const today = todayUtc(now);
  return db.$queryScoped<Candidate[]>`
    SELECT i.id, i."partnershipId", i.side::text AS side, i.title, i."dueDate",
           p.name AS "partnershipName", p."partnerOrgId", o.name AS "partnerName", p."ownerMemberId",
           w.name AS "workspaceName", w.slug AS "workspaceSlug"
    FROM "ExchangeItem" i
    JOIN "Partnership" p ON p."workspaceId" = i."workspaceId" AND p.id = i."partnershipId" AND p."archivedAt" IS NULL
    JOIN "PartnerOrg" o ON o."workspaceId" = p."workspaceId" AND o.id = p."partnerOrgId"
    JOIN "Workspace" w ON w.id = i."workspaceId"
    WHERE i."workspaceId" = ${WORKSPACE} AND i.kind = 'ASK' AND i.status = 'ACCEPTED' AND i."dueDate" < ${today}
      AND NOT EXISTS (
        SELECT 1 FROM "ExchangeReminderSent" r
        WHERE r."workspaceId" = i."workspaceId" AND r."itemId" = i.id AND r."dueDate" = i."dueDate"
      )
    ORDER BY i."dueDate", i.id`;
}

interface Person {
  id: string;
  role: (typeof ROLES)[number];
  partnerOrgId: string | null;
  user: { name: string; email: string };
  teams: { partnershipId: string }[];
}

// Everyone who may work on any of these partnerships, read once (as peopleOf counts them).
function peopleOfAll(db: TenantDb, list: Candidate[]): Promise<Person[]> {
  const ids = [...new Set(list.map((c) => c.partnershipId))];
  const owners = [...new Set(list.flatMap((c) => (c.ownerMemberId ? [c.ownerMemberId] : [])))];
  const orgs = [...new Set(list.map((c) => c.partnerOrgId))];
  return db.member.findMany({
    where: {
      removedAt: null,
      OR: [
        { role: { in: ROLES.filter(speaksForHost) }, OR: [{ id: { in: owners } }, { teams: { some: { partnershipId: { in: ids } } } }] },
        { role: { in: ROLES.filter(speaksForPartner) }, partnerOrgId: { in: orgs } },
      ],
    },
    select: {
      id: true,
      role: true,
      partnerOrgId: true,
      user: { select: { name: true, email: true } },
      teams: { where: { partnershipId: { in: ids } }, select: { partnershipId: true } },
    },
    orderBy: { id: "asc" },
  });
}

// The people of the side that owes the ask.
function owingPeople(c: Candidate, people: Person[]): Person[] {
  if (givingSide({ kind: "ASK", side: c.side }) === "PARTNER") {
    return people.filter((m) => speaksForPartner(m.role) && m.partnerOrgId === c.partnerOrgId);
  }
  return people.filter(
    (m) => speaksForHost(m.role) && (m.id === c.ownerMemberId || m.teams.some((t) => t.partnershipId === c.partnershipId)),
  );
}

// One workspace's overdue-ask reminders; returns how many asks were reminded.
export async function runAskReminders(db: TenantDb, now: Date): Promise<number> {
  const list = await candidates(db, now);
  if (list.length === 0) return 0;
  const people = await peopleOfAll(db, list);
  let count = 0;
  for (const c of list) {
    const path = `/w/${c.workspaceSlug}/partnerships/${c.partnershipId}/exchange`;
    const askerName = c.side === "HOST" ? c.workspaceName : c.partnerName;
    const day = c.dueDate.toISOString().slice(0, 10);
    try {
      await db.$transaction(async (tx) => {
        await tx.exchangeReminderSent.create({ data: { workspaceId: db.$workspaceId, itemId: c.id, dueDate: c.dueDate, sentAt: now } });
        for (const person of owingPeople(c, people)) {
          await enqueueEmail(tx, {
            workspaceId: db.$workspaceId,
            kind: "ACTION_REMINDER",
            to: person.user.email,
            recipientMemberId: person.id,
            partnershipIds: [c.partnershipId],
            ...askReminderEmail({ ...c, askerName, recipientName: person.user.name, path }),
          });
          await tx.notification.createMany({
            data: {
              workspaceId: db.$workspaceId,
              memberId: person.id,
              kind: "EXCHANGE",
              partnershipId: c.partnershipId,
              title: `${askerName}'s ask "${c.title}" is overdue`,
              body: `${c.partnershipName}: your side accepted it for ${shortDay(c.dueDate)}; deliver it, or agree a new date.`,
              link: path,
              dedupeKey: `ask-overdue:${c.id}:${day}`,
              createdAt: now,
            },
            skipDuplicates: true,
          });
        }
      });
      count++;
    } catch (error) {
      // Another run sent this one first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return count;
}
