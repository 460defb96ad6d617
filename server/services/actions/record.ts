// Making an action and keeping its history: the one write path for actions made by hand and for
// those a retro makes from its top "Start doing" items, so both start their history alike.
import type { ActionStatus, Prisma } from "../../db/generated/client";
import type { TenantClient } from "../../db/tenant";
import { emitWebhookEvent } from "../webhooks/emit";
import { actionState } from "../webhooks/refs";

export interface NewAction {
  partnershipId: string;
  title: string;
  notes?: string;
  pillarKey?: string | null;
  ownerMemberId?: string | null;
  dueDate?: Date | null;
  cycleId?: string | null;
  retroId?: string | null;
  retroItemId?: string | null;
}

// Each changed field as [before, after]; what an ActionEvent stores.
export type ActionChanges = Record<string, [unknown, unknown]>;

export async function createAction(db: TenantClient, actorId: string, a: NewAction) {
  const action = await db.action.create({
    data: {
      workspaceId: db.$workspaceId,
      partnershipId: a.partnershipId,
      title: a.title,
      notes: a.notes ?? "",
      pillarKey: a.pillarKey ?? null,
      ownerMemberId: a.ownerMemberId ?? null,
      dueDate: a.dueDate ?? null,
      cycleId: a.cycleId ?? null,
      retroId: a.retroId ?? null,
      retroItemId: a.retroItemId ?? null,
      createdById: actorId,
    },
  });
  const created: ActionChanges = { title: [null, a.title] };
  if (a.ownerMemberId) created.owner = [null, a.ownerMemberId];
  if (a.dueDate) created.dueDate = [null, a.dueDate.toISOString().slice(0, 10)];
  if (a.pillarKey) created.pillar = [null, a.pillarKey];
  await writeActionEvent(db, action.id, actorId, created);
  await emitWebhookEvent(db, "action.created", (s) => actionState(db, s, action.id));
  return action;
}

async function writeActionEvent(db: TenantClient, actionId: string, actorId: string, changes: ActionChanges) {
  await db.actionEvent.create({
    data: { workspaceId: db.$workspaceId, actionId, memberId: actorId, changes: changes as Prisma.InputJsonValue },
  });
}

// Every change to an action after it was made comes through here (edits, a retro's assignment,
// an owner handed over), so its history and its "action.updated" event cannot be forgotten.
export async function recordActionEvent(db: TenantClient, actionId: string, actorId: string, changes: ActionChanges) {
  await writeActionEvent(db, actionId, actorId, changes);
  await emitWebhookEvent(db, "action.updated", async (s) => ({ ...(await actionState(db, s, actionId)), changed: Object.keys(changes) }));
}

// Done and dropped actions are finished: not overdue, not reminded.
export const FINISHED: readonly ActionStatus[] = ["DONE", "DROPPED"];
