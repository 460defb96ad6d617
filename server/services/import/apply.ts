// Writing a confirmed plan: everything in one transaction, so an import happens whole or not at
// all; rows with errors are left out only when the admin chose to import the valid rows alone.
// New rows are written in batches (createMany), so a 10,000-row file is a few dozen statements.
import type { WorkspaceCtx } from "../../access/context";
import type { TenantTx } from "../../db/tenant";
import { queueInvitations } from "../invitations";
import { syncCurrentCycles } from "../participants";
import { emitWebhookEvents } from "../webhooks/emit";
import { partnershipStates } from "../webhooks/refs";
import type { ColumnMapping, ImportKind } from "./kinds";
import type { ImportPlan, OrgWrite, PartnershipWrite, PersonWrite } from "./plan-types";

export const WRITE_BATCH = 500;
// A large file on a busy database takes a while; Prisma's default of 5 seconds would end it.
const TRANSACTION = { maxWait: 30_000, timeout: 10 * 60_000 };

export type Progress = (done: number, total: number) => void;

const day = (text: string | null) => (text ? new Date(`${text}T00:00:00.000Z`) : null);

export async function applyPlan(
  ctx: WorkspaceCtx,
  plan: ImportPlan,
  mapping: ColumnMapping,
  onProgress: Progress = () => {},
  now = new Date(),
): Promise<void> {
  const writes = plan.rows.flatMap((r) => (r.write && (r.action === "create" || r.action === "update") ? [r.write] : []));
  const total = writes.length;
  onProgress(0, total);
  const inviter =
    plan.kind === "people" ? await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.member.userId }, select: { name: true } }) : null;
  await ctx.db.$transaction(async (tx) => {
    let done = 0;
    const step = (n: number) => {
      done += n;
      onProgress(done, total);
    };
    const creates = <T>(kind: ImportKind) => writes.filter((w) => w.kind === kind && w.id === null).map((w) => w.fields as T);
    const updates = <T>(kind: ImportKind) =>
      writes.filter((w) => w.kind === kind && w.id !== null).map((w) => ({ id: w.id!, fields: w.fields as T }));

    if (plan.kind === "partnerOrgs") {
      await createOrgs(tx, creates<OrgWrite>("partnerOrgs"), step);
      for (const u of updates<OrgWrite>("partnerOrgs")) {
        const { region, industry, website } = u.fields;
        await tx.partnerOrg.update({
          where: { workspaceId_id: { workspaceId: tx.$workspaceId, id: u.id } },
          data: { region, industry, website },
        });
        step(1);
      }
    } else if (plan.kind === "partnerships") {
      const createdIds = await createPartnerships(tx, creates<PartnershipWrite>("partnerships"), step);
      for (const u of updates<PartnershipWrite>("partnerships")) {
        const f = u.fields;
        await tx.partnership.update({
          where: { workspaceId_id: { workspaceId: tx.$workspaceId, id: u.id } },
          data: { tier: f.tier, ownerMemberId: f.ownerMemberId, renewalDate: day(f.renewalDate) },
        });
        await addTeam(tx, [{ id: u.id, members: f.addTeam }]);
        step(1);
      }
      // New partnerships, owners and team members are asked in the open and draft cycles, as
      // when a partnership is added by hand.
      if (total) await syncCurrentCycles(tx);
      await emitImported(tx, createdIds, plan);
    } else {
      const orgs = new Map((await tx.partnerOrg.findMany({ select: { id: true, name: true } })).map((o) => [o.id, o]));
      const people = writes.map((w) => w.fields as PersonWrite);
      for (let i = 0; i < people.length; i += WRITE_BATCH) {
        const batch = people.slice(i, i + WRITE_BATCH).map((p) => ({
          email: p.email,
          role: p.role,
          name: p.name,
          partnerOrg: p.partnerOrgId ? (orgs.get(p.partnerOrgId) ?? null) : null,
        }));
        await queueInvitations(tx, ctx, batch, inviter!.name, now);
        step(batch.length);
      }
    }
    await tx.importMapping.upsert({
      where: { workspaceId_kind: { workspaceId: tx.$workspaceId, kind: plan.kind } },
      create: { workspaceId: tx.$workspaceId, kind: plan.kind, mapping },
      update: { mapping },
    });
  }, TRANSACTION);
}

async function createOrgs(tx: TenantTx, orgs: OrgWrite[], step: (n: number) => void) {
  for (let i = 0; i < orgs.length; i += WRITE_BATCH) {
    const batch = orgs.slice(i, i + WRITE_BATCH);
    await tx.partnerOrg.createMany({ data: batch.map((o) => ({ workspaceId: tx.$workspaceId, ...o })) });
    step(batch.length);
  }
}

async function createPartnerships(tx: TenantTx, partnerships: PartnershipWrite[], step: (n: number) => void) {
  const ids: string[] = [];
  for (let i = 0; i < partnerships.length; i += WRITE_BATCH) {
    const batch = partnerships.slice(i, i + WRITE_BATCH);
    const created = await tx.partnership.createManyAndReturn({
      data: batch.map((p) => ({
        workspaceId: tx.$workspaceId,
        partnerOrgId: p.partnerOrgId,
        name: p.name,
        tier: p.tier,
        phase: p.phase,
        ownerMemberId: p.ownerMemberId,
        renewalDate: day(p.renewalDate),
      })),
      select: { id: true, name: true },
    });
    const idOf = new Map(created.map((c) => [c.name, c.id]));
    ids.push(...created.map((c) => c.id));
    await addTeam(
      tx,
      batch.map((p) => ({ id: idOf.get(p.name)!, members: p.addTeam })),
    );
    step(batch.length);
  }
  return ids;
}

// The plan's words for a changed field ("renewal date: ..."), as the webhook event names it.
const CHANGED_FIELD: Record<string, string> = { tier: "tier", owner: "owner", "renewal date": "renewalDate", "host team": "hostTeam" };

// Webhook events for what the import created and changed, as if each was done by hand.
async function emitImported(tx: TenantTx, createdIds: string[], plan: ImportPlan) {
  const changed = new Map(
    plan.rows.flatMap((r) =>
      r.action === "update" && r.write?.id
        ? [[r.write.id, r.changes.map((c) => CHANGED_FIELD[c.split(":")[0]!] ?? c.split(":")[0]!)] as const]
        : [],
    ),
  );
  await emitWebhookEvents(tx, "partnership.created", async (s) =>
    (await partnershipStates(tx, s, createdIds)).map((partnership) => ({ partnership })),
  );
  await emitWebhookEvents(tx, "partnership.updated", async (s) =>
    (await partnershipStates(tx, s, [...changed.keys()])).map((partnership) => ({ partnership, changed: changed.get(partnership.id)! })),
  );
}

async function addTeam(tx: TenantTx, teams: { id: string; members: string[] }[]) {
  const data = teams.flatMap((t) => t.members.map((memberId) => ({ workspaceId: tx.$workspaceId, partnershipId: t.id, memberId })));
  if (data.length) await tx.partnershipTeamMember.createMany({ data, skipDuplicates: true });
}
