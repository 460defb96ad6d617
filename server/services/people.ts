// The people of a partnership: who can own its actions and goals and take part in its retro. Who
// counts is the access module's rule (peopleOf in server/access/filters.ts), read at the moment
// of asking, so someone whose role or organisation changed drops out of every picker at once.
import type { Side } from "../db/generated/client";
import type { WorkContext, WorkspaceCtx } from "../access/context";
import { badRequest } from "../access/errors";
import { peopleOf } from "../access/filters";
import { sideOfRole } from "../access/roles";

export interface Person {
  memberId: string;
  name: string;
  email: string;
  side: Side;
}

export async function partnershipPeople(ctx: Pick<WorkspaceCtx, "db">, partnership: WorkContext["partnership"]): Promise<Person[]> {
  const members = await ctx.db.member.findMany({
    where: peopleOf(partnership),
    select: { id: true, role: true, user: { select: { name: true, email: true } } },
  });
  return members
    .map((m) => ({ memberId: m.id, name: m.user.name, email: m.user.email, side: sideOfRole(m.role) }))
    .sort((a, b) => (a.side === b.side ? a.name.localeCompare(b.name) : a.side === "HOST" ? -1 : 1));
}

// An owner named for an action or goal must be one of the partnership's people, or the person
// acting (an admin stepping in may take an action on themselves). `field`: the input it came in,
// so a form shows the refusal beside it.
export async function checkPartnershipPerson(
  ctx: WorkspaceCtx,
  work: WorkContext,
  memberId: string,
  side?: Side,
  field = "ownerMemberId",
): Promise<Person> {
  const people = await partnershipPeople(ctx, work.partnership);
  let person = people.find((p) => p.memberId === memberId);
  if (!person && memberId === ctx.member.id && work.viewer.canWrite) {
    person = { memberId, name: ctx.user.name, email: ctx.user.email, side: work.viewer.side };
  }
  if (!person) throw badRequest("Choose someone who works on this partnership, from either side.", field);
  if (side && person.side !== side) {
    throw badRequest(
      side === "HOST" ? "Choose someone from your own organisation." : "Choose a contact of the partner organisation.",
      field,
    );
  }
  return person;
}

// What a working page (actions, goals) heads itself with.
export function pageHeading(work: WorkContext) {
  const p = work.partnership;
  return { id: p.id, name: p.name, partnerName: p.partnerName, archived: p.archivedAt !== null };
}
