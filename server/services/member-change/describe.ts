// A member change's plan in numbers and in words, for the admin's dialog before they confirm it
// (and as the change's answer). Pure.
import type { MemberChangePlan } from "./plan";

export interface ChangeEffects {
  ownershipCleared: number;
  teamsLeft: number;
  participantsRemoved: number;
  participantsExcluded: number;
  actionsHandedOver: number;
  actionsUnowned: number;
  goalsCleared: number;
  attendanceRemoved: number;
  notificationsDeleted: number;
  emailsDropped: number;
  // What the dialog says, one sentence per kind of effect; empty when nothing they hold changes.
  lines: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// "Globex, Initech and 3 more"
function names(list: string[], max = 3): string {
  const shown = list.slice(0, max);
  const rest = list.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : (shown[0] ?? "");
}

export function describeChange(plan: MemberChangePlan): ChangeEffects {
  const removed = plan.participants.filter((p) => !p.answered).length;
  const excluded = plan.participants.length - removed;
  const handed = plan.actions.filter((a) => a.toMemberId !== null).length;
  const unowned = plan.actions.length - handed;
  const effects = {
    ownershipCleared: plan.ownership.length,
    teamsLeft: plan.teams.length,
    participantsRemoved: removed,
    participantsExcluded: excluded,
    actionsHandedOver: handed,
    actionsUnowned: unowned,
    goalsCleared: plan.goals.length,
    attendanceRemoved: plan.attendance.length,
    notificationsDeleted: plan.notifications.length,
    emailsDropped: plan.emails.length,
  };
  const lines: string[] = [];
  if (plan.ownership.length) {
    lines.push(
      `Owns ${plural(plan.ownership.length, "partnership")} (${names(plan.ownership.map((p) => p.name))}): ownership will be cleared and the admins asked to choose a new owner.`,
    );
  }
  if (plan.teams.length) lines.push(`Leaves the host team of ${names(plan.teams.map((t) => t.name))}.`);
  if (handed)
    lines.push(
      `${plural(handed, "open action")} ${handed === 1 ? "goes" : "go"} to ${handed === 1 ? "its partnership's owner" : "their partnerships' owners"}.`,
    );
  if (unowned)
    lines.push(
      `${plural(unowned, "open action")} ${unowned === 1 ? "has" : "have"} no owner to go to and will wait for someone to take ${unowned === 1 ? "it" : "them"} on.`,
    );
  if (plan.goals.length) lines.push(`No longer named as the owner of ${plural(plan.goals.length, "active goal")}.`);
  if (plan.participants.length) {
    const kept = excluded ? ` (${plural(excluded, "answer")} already given ${excluded === 1 ? "keeps" : "keep"} counting)` : "";
    lines.push(`Taken off ${plural(plan.participants.length, "survey list")} of open or draft cycles${kept}.`);
  }
  if (plan.attendance.length) lines.push(`No longer listed as taking part in ${plural(plan.attendance.length, "open retro")}.`);
  if (plan.notifications.length)
    lines.push(
      `${plural(plan.notifications.length, "notification")} they may no longer read ${plan.notifications.length === 1 ? "is" : "are"} deleted.`,
    );
  if (plan.emails.length)
    lines.push(
      `${plural(plan.emails.length, "queued email")} to them ${plan.emails.length === 1 ? "is" : "are"} dropped, not sent (listed in the outbox).`,
    );
  return { ...effects, lines };
}
