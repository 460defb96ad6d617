// What changing a member's role or organisation, or removing them, does to what they hold: read
// from the database, decided by the access module (server/access/standing.ts), before anything
// is written. The admin's dialog shows this plan before the change; the change applies exactly
// this plan, read again inside its transaction.
//
// Each thing goes where the access rules say, read as if the change were made:
// - ownership of a partnership they may no longer own is cleared (admins choose a new owner);
// - host teams are left when they no longer speak for the company;
// - on the lists of open and draft cycles, a place they may no longer answer from is removed, or,
//   when they already answered there, kept but taken off the list, so the answer keeps counting
//   (closed cycles keep their history);
// - open actions they may no longer hold go to the partnership's owner (when that owner may hold
//   them; otherwise to nobody, for someone to take on);
// - an active goal's host or partner owner they may no longer be is cleared (finished goals keep
//   their history);
// - their attendance of an open retro they may no longer take part in is removed unless they
//   added an item or voted there (what they contributed stays, and so does who gave it);
// - notifications they may no longer read are deleted (they are derived data);
// - queued emails they may no longer receive are dropped, with the reason, never deleted.
import type { Member, Role } from "../../db/generated/client";
import type { TenantClient } from "../../db/tenant";
import type { Actor } from "../../access/context";
import { answersFor, type PartnershipFacts } from "../../access/decide";
import { emailConcern, mayBeOnHostTeam, mayHear, mayHoldWork, mayOwnGoal, mayOwnPartnerships, NOTICE_CONCERN } from "../../access/standing";
import { mayNoLongerHear, REMOVED_REASON } from "../email/deliver";

// The member as the change leaves them; null when they are removed.
export type After = { role: Role; partnerOrgId: string | null } | null;

export interface MemberChangePlan {
  member: { id: string; name: string; role: Role; partnerOrgId: string | null };
  after: After;
  ownership: { id: string; name: string; live: boolean }[];
  teams: { id: string; name: string }[];
  participants: { cycleId: string; partnershipId: string; answered: boolean }[];
  actions: { id: string; title: string; partnershipId: string; partnershipName: string; toMemberId: string | null }[];
  goals: { id: string; title: string; partnershipName: string; host: boolean; partner: boolean }[];
  attendance: { retroId: string }[];
  notifications: string[];
  emails: { id: string; reason: string }[];
}

const OPEN_ACTION = ["OPEN", "IN_PROGRESS"] as const;

export async function planMemberChange(db: TenantClient, member: Member, after: After): Promise<MemberChangePlan> {
  const m = member.id;
  const actor: Actor | null = after ? { id: m, role: after.role, partnerOrgId: after.partnerOrgId } : null;
  const user = await db.user.findUniqueOrThrow({ where: { id: member.userId }, select: { name: true } });

  // Sequential reads: this runs inside the change's transaction, one statement at a time.
  const owned = await db.partnership.findMany({ where: { ownerMemberId: m }, select: { id: true } });
  const teamRows = await db.partnershipTeamMember.findMany({ where: { memberId: m }, select: { partnershipId: true } });
  const places = await db.cycleParticipant.findMany({
    where: { memberId: m, excluded: false, cycle: { status: { in: ["DRAFT", "OPEN"] } } },
    select: { cycleId: true, partnershipId: true, side: true },
  });
  const answers = places.length
    ? await db.response.findMany({
        where: { memberId: m, cycleId: { in: [...new Set(places.map((p) => p.cycleId))] } },
        select: { cycleId: true, partnershipId: true },
      })
    : [];
  const actions = await db.action.findMany({
    where: { ownerMemberId: m, status: { in: [...OPEN_ACTION] } },
    select: { id: true, title: true, partnershipId: true },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
  const goals = await db.goal.findMany({
    where: { status: "ACTIVE", OR: [{ hostOwnerId: m }, { partnerOwnerId: m }] },
    select: { id: true, title: true, partnershipId: true, hostOwnerId: true, partnerOwnerId: true },
  });
  const attended = await db.retroAttendee.findMany({
    where: { memberId: m, retro: { phase: { not: "CLOSED" } } },
    select: { retroId: true, retro: { select: { partnershipId: true } } },
  });
  const attendedIds = attended.map((a) => a.retroId);
  const contributed = new Set(
    attendedIds.length
      ? [
          ...(await db.retroItem.findMany({ where: { authorId: m, retroId: { in: attendedIds } }, select: { retroId: true } })),
          ...(await db.retroVote.findMany({ where: { memberId: m, retroId: { in: attendedIds } }, select: { retroId: true } })),
        ].map((r) => r.retroId)
      : [],
  );
  const notices = await db.notification.findMany({ where: { memberId: m }, select: { id: true, kind: true, partnershipId: true } });
  const queued = await db.outboxEmail.findMany({
    where: { recipientMemberId: m, sentAt: null, droppedAt: null },
    select: { id: true, kind: true, about: { select: { partnershipId: true } } },
    orderBy: { createdAt: "asc" },
  });

  // Every partnership any of these names, read once.
  const ids = new Set<string>([
    ...owned.map((p) => p.id),
    ...teamRows.map((t) => t.partnershipId),
    ...places.map((p) => p.partnershipId),
    ...actions.map((a) => a.partnershipId),
    ...goals.map((g) => g.partnershipId),
    ...attended.map((a) => a.retro.partnershipId),
    ...notices.flatMap((n) => (n.partnershipId ? [n.partnershipId] : [])),
    ...queued.flatMap((e) => e.about.map((a) => a.partnershipId)),
  ]);
  const partnerships = new Map(
    (
      await db.partnership.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, name: true, partnerOrgId: true, ownerMemberId: true, archivedAt: true },
      })
    ).map((p) => [p.id, p]),
  );
  const get = (id: string) => partnerships.get(id)!;

  const clearOwnership = !actor || !mayOwnPartnerships(actor);
  const leaveTeams = !actor || !mayBeOnHostTeam(actor);
  const onTeam = new Set(teamRows.map((t) => t.partnershipId));
  // A partnership's facts as the change leaves them.
  const facts = (id: string): PartnershipFacts => {
    const p = get(id);
    return {
      partnerOrgId: p.partnerOrgId,
      ownerMemberId: p.ownerMemberId === m && clearOwnership ? null : p.ownerMemberId,
      teamMemberIds: onTeam.has(id) && !leaveTeams ? [m] : [],
      archived: false,
    };
  };
  const holds = (id: string) => actor !== null && mayHoldWork(actor, facts(id));

  // Who takes over an action: the partnership's owner, while they may hold its work themselves.
  const handedActions = actions.filter((a) => !holds(a.partnershipId));
  const ownerIds = [...new Set(handedActions.flatMap((a) => facts(a.partnershipId).ownerMemberId ?? []))];
  const owners = new Map(
    (
      await db.member.findMany({ where: { id: { in: ownerIds }, removedAt: null }, select: { id: true, role: true, partnerOrgId: true } })
    ).map((o) => [o.id, o]),
  );
  const takerOf = (partnershipId: string) => {
    const f = facts(partnershipId);
    const owner = f.ownerMemberId ? owners.get(f.ownerMemberId) : undefined;
    return owner && mayHoldWork(owner, f) ? owner.id : null;
  };

  const answered = new Set(answers.map((r) => `${r.cycleId}:${r.partnershipId}`));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

  return {
    member: { id: m, name: user.name, role: member.role, partnerOrgId: member.partnerOrgId },
    after,
    ownership: clearOwnership
      ? owned.map((p) => ({ id: p.id, name: get(p.id).name, live: get(p.id).archivedAt === null })).sort(byName)
      : [],
    teams: leaveTeams ? teamRows.map((t) => ({ id: t.partnershipId, name: get(t.partnershipId).name })).sort(byName) : [],
    participants: places
      .filter((p) => !actor || !answersFor(actor, facts(p.partnershipId), p.side))
      .map((p) => ({ cycleId: p.cycleId, partnershipId: p.partnershipId, answered: answered.has(`${p.cycleId}:${p.partnershipId}`) })),
    actions: handedActions.map((a) => ({
      id: a.id,
      title: a.title,
      partnershipId: a.partnershipId,
      partnershipName: get(a.partnershipId).name,
      toMemberId: takerOf(a.partnershipId),
    })),
    goals: goals
      .map((g) => ({
        id: g.id,
        title: g.title,
        partnershipName: get(g.partnershipId).name,
        host: g.hostOwnerId === m && !(actor && mayOwnGoal(actor, facts(g.partnershipId), "HOST")),
        partner: g.partnerOwnerId === m && !(actor && mayOwnGoal(actor, facts(g.partnershipId), "PARTNER")),
      }))
      .filter((g) => g.host || g.partner),
    attendance: attended.filter((a) => !holds(a.retro.partnershipId) && !contributed.has(a.retroId)).map((a) => ({ retroId: a.retroId })),
    notifications: notices
      .filter((n) => !actor || (n.partnershipId !== null && !mayHear(actor, facts(n.partnershipId), NOTICE_CONCERN[n.kind])))
      .map((n) => n.id),
    emails: queued.flatMap((e) => {
      if (!actor) return [{ id: e.id, reason: REMOVED_REASON }];
      const concern = emailConcern(e.kind);
      if (!concern) return [];
      const barred = e.about
        .map((a) => get(a.partnershipId))
        .sort(byName)
        .find((p) => !mayHear(actor, facts(p.id), concern));
      return barred ? [{ id: e.id, reason: mayNoLongerHear(barred.name) }] : [];
    }),
  };
}
