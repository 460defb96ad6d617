// The events services report to Slack and Teams, each called with one line where the event
// happens, inside its transaction when there is one. Each reads what its message needs through
// the workspace's scoped client and leaves the wording to events.ts.
import type { Cycle } from "../../db/generated/client";
import type { TenantClient, TenantDb } from "../../db/tenant";
import { enough, privacyOf } from "../confidentiality";
import { todayUtc } from "../actions/overdue";
import { dueReminder } from "../periods";
import { rate, type Rate } from "../response-rates";
import { cycleOpenedPost, overdueDigestPost, responseRatesPost } from "./events";
import { chatConfigured, chatPosted, postChat } from "./outbox";

const workspaceOf = (db: TenantClient) =>
  db.workspace.findUniqueOrThrow({
    where: { id: db.$workspaceId },
    select: { slug: true, confidentialityThreshold: true, surveyMode: true },
  });

// Who is asked in a cycle (participants not taken off the list) and who answered, per partnership
// and side: the cycle page's response rates, without anyone's name.
async function cycleCounts(db: TenantClient, cycleId: string) {
  const [participants, responses] = await Promise.all([
    db.cycleParticipant.findMany({
      where: { cycleId, excluded: false, partnership: { archivedAt: null } },
      select: { partnershipId: true, memberId: true, side: true, partnership: { select: { name: true } } },
    }),
    db.response.findMany({ where: { cycleId }, select: { partnershipId: true, memberId: true } }),
  ]);
  const answered = new Set(responses.map((r) => `${r.partnershipId}:${r.memberId}`));
  const perPartnership = new Map<
    string,
    { name: string; asked: { HOST: number; PARTNER: number }; answered: { HOST: number; PARTNER: number } }
  >();
  for (const p of participants) {
    const row = perPartnership.get(p.partnershipId) ?? {
      name: p.partnership.name,
      asked: { HOST: 0, PARTNER: 0 },
      answered: { HOST: 0, PARTNER: 0 },
    };
    perPartnership.set(p.partnershipId, row);
    row.asked[p.side]++;
    if (answered.has(`${p.partnershipId}:${p.memberId}`)) row.answered[p.side]++;
  }
  const rows = [...perPartnership.values()].sort((a, b) => a.name.localeCompare(b.name));
  const sum = (side: "HOST" | "PARTNER", what: "asked" | "answered") => rows.reduce((n, r) => n + r[what][side], 0);
  const host: Rate = rate(sum("HOST", "asked"), sum("HOST", "answered"));
  const partner: Rate = rate(sum("PARTNER", "asked"), sum("PARTNER", "answered"));
  return { rows, host, partner, total: rate(host.asked + partner.asked, host.answered + partner.answered) };
}

// A draft cycle has just opened (a reopened one was announced when it first opened).
export async function reportCycleOpened(db: TenantClient, cycleId: string): Promise<void> {
  if (!(await chatConfigured(db))) return;
  const [workspace, cycle, counts] = await Promise.all([
    workspaceOf(db),
    db.cycle.findFirstOrThrow({ where: { id: cycleId }, select: { id: true, label: true, closesAt: true, openedAt: true } }),
    cycleCounts(db, cycleId),
  ]);
  await postChat(
    db,
    cycleOpenedPost({
      slug: workspace.slug,
      cycleId,
      label: cycle.label,
      closesAt: cycle.closesAt,
      openedAt: cycle.openedAt,
      partnerships: counts.rows.length,
      host: counts.host.asked,
      partner: counts.partner.asked,
    }),
  );
}

async function ratesPost(db: TenantClient, cycle: Pick<Cycle, "id" | "label" | "closesAt" | "closedAt">, stage: "CLOSING_SOON" | "CLOSED") {
  const [workspace, counts] = await Promise.all([workspaceOf(db), cycleCounts(db, cycle.id)]);
  const privacy = privacyOf(workspace);
  return responseRatesPost({
    slug: workspace.slug,
    cycleId: cycle.id,
    label: cycle.label,
    closesAt: cycle.closesAt,
    closedAt: cycle.closedAt,
    stage,
    total: counts.total,
    host: counts.host,
    partner: counts.partner,
    noPartnerAnswer: counts.rows.filter((r) => r.asked.PARTNER > 0 && r.answered.PARTNER === 0).map((r) => r.name),
    tooFew: counts.rows.filter((r) => !enough(r.answered.HOST + r.answered.PARTNER, privacy)).length,
    threshold: privacy.attributed ? 1 : privacy.threshold,
  });
}

// The cycle has just closed: its final response rate.
export async function reportCycleClosed(db: TenantClient, cycleId: string): Promise<void> {
  if (!(await chatConfigured(db))) return;
  const cycle = await db.cycle.findFirstOrThrow({
    where: { id: cycleId },
    select: { id: true, label: true, closesAt: true, closedAt: true },
  });
  await postChat(db, await ratesPost(db, cycle, "CLOSED"));
}

// From the reminders run, every tick: the rate so far, once, when the closing-soon reminder is due.
export async function reportClosingSoon(db: TenantClient, cycle: Cycle, now: Date): Promise<void> {
  if (dueReminder(cycle, now) !== "CLOSING_SOON" || !(await chatConfigured(db))) return;
  if (await chatPosted(db, `rates:closing-soon:${cycle.id}`)) return;
  await postChat(db, await ratesPost(db, cycle, "CLOSING_SOON"));
}

// From the action-reminders run, every tick: the workspace's overdue actions, once a UTC day.
export async function reportOverdueActions(db: TenantDb, now: Date): Promise<void> {
  const today = todayUtc(now);
  const day = today.toISOString().slice(0, 10);
  if (!(await chatConfigured(db)) || (await chatPosted(db, `overdue:${day}`))) return;
  const [workspace, actions] = await Promise.all([
    workspaceOf(db),
    db.action.findMany({
      where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lt: today }, partnership: { archivedAt: null } },
      select: {
        id: true,
        title: true,
        dueDate: true,
        partnershipId: true,
        partnership: { select: { name: true } },
        owner: { select: { removedAt: true, user: { select: { name: true } } } },
      },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    }),
  ]);
  await postChat(
    db,
    overdueDigestPost({
      slug: workspace.slug,
      day,
      today,
      actions: actions.map((a) => ({
        id: a.id,
        partnershipId: a.partnershipId,
        partnershipName: a.partnership.name,
        title: a.title,
        ownerName: a.owner && !a.owner.removedAt ? a.owner.user.name : null,
        dueDate: a.dueDate!,
      })),
    }),
  );
}
