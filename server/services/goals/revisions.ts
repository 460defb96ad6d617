// A goal's history: each edit as who changed which fields from what to what, and when. Values are
// kept as they were shown at the time ("$2.0M", "31 Mar 2027", a person's name), so the history
// reads the same after the people or the unit change later.
import type { Goal } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { shortDay } from "../dates";
import type { GoalEdit } from "./edit";
import { formatValue } from "./measure";

export type GoalField =
  "title" | "measure" | "unit" | "startValue" | "targetValue" | "startDate" | "dueDate" | "hostOwner" | "partnerOwner" | "status";

export interface GoalChange {
  field: GoalField;
  from: string;
  to: string;
}

const STATUS = { ACTIVE: "Active", ACHIEVED: "Achieved", MISSED: "Missed", DROPPED: "Dropped" } as const;

export async function describeGoalChanges(ctx: WorkspaceCtx, goal: Goal, edit: GoalEdit): Promise<GoalChange[]> {
  const changes: GoalChange[] = [];
  const add = (field: GoalField, from: string, to: string) => {
    if (from !== to) changes.push({ field, from, to });
  };
  const unit = edit.unit ?? goal.unit;
  if (edit.title !== undefined) add("title", goal.title, edit.title);
  if (edit.measure !== undefined) add("measure", goal.measure, edit.measure);
  if (edit.unit !== undefined) add("unit", goal.unit || "none", edit.unit || "none");
  if (edit.startValue !== undefined && edit.startValue !== goal.startValue) {
    add("startValue", formatValue(goal.unit, goal.startValue), formatValue(unit, edit.startValue));
  }
  if (edit.targetValue !== undefined && edit.targetValue !== goal.targetValue) {
    add("targetValue", formatValue(goal.unit, goal.targetValue), formatValue(unit, edit.targetValue));
  }
  if (edit.startDate !== undefined && edit.startDate.getTime() !== goal.startDate.getTime()) {
    add("startDate", shortDay(goal.startDate), shortDay(edit.startDate));
  }
  if (edit.dueDate !== undefined && edit.dueDate.getTime() !== goal.dueDate.getTime()) {
    add("dueDate", shortDay(goal.dueDate), shortDay(edit.dueDate));
  }
  if (edit.status !== undefined) add("status", STATUS[goal.status], STATUS[edit.status]);

  const owners = (["hostOwnerId", "partnerOwnerId"] as const).filter((k) => edit[k] !== undefined && edit[k] !== goal[k]);
  if (owners.length) {
    const ids = owners.flatMap((k) => [goal[k], edit[k]]).filter((id): id is string => !!id);
    const members = await ctx.db.member.findMany({ where: { id: { in: ids } }, select: { id: true, user: { select: { name: true } } } });
    const name = (id: string | null | undefined) => (id ? (members.find((m) => m.id === id)?.user.name ?? "someone") : "nobody");
    for (const k of owners)
      changes.push({ field: k === "hostOwnerId" ? "hostOwner" : "partnerOwner", from: name(goal[k]), to: name(edit[k]) });
  }
  return changes;
}
