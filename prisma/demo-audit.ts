// The demo's audit log: a few weeks of what Northwind's people did, so Admin → Audit log reads
// like a workspace in use. Written in the shapes the services record (workspace-settings.ts,
// member-change/audit.ts, invitation-audit.ts, export-audit.ts, sign-in), at times before the
// seed. Addresses are from the documentation ranges (RFC 5737).
import type { PrismaClient } from "../server/db/generated/client";
import type { TenantTx } from "../server/db/tenant";
import { personLabel, roleLabel } from "../server/services/accounts/audit-words";
import { describeChanges, type SettingChanges } from "../server/services/workspace-settings";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const OFFICE = "198.51.100.14";
const HOME = "192.0.2.61";
const GLOBEX = "203.0.113.77";

async function user(db: TenantTx | PrismaClient, email: string) {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
}

// Inside the demo's transaction: the workspace's own events of the last weeks. (Members carry
// their own join dates, set when the demo adds them.)
export async function seedAuditTrail(db: TenantTx, r: { now: Date; retroCycleLabel: string }) {
  const ago = (ms: number) => new Date(r.now.getTime() - ms);

  const [avery, jordan, elena, morgan, gina] = await Promise.all(
    ["admin@northwind.test", "ops@northwind.test", "exec@northwind.test", "manager@northwind.test", "partner@globex.test"].map((e) =>
      user(db, e),
    ),
  );
  const globex = await db.partnership.findFirstOrThrow({ where: { name: "Globex Cloud Resale" }, select: { id: true, name: true } });
  const openDay: SettingChanges = { cycleOpenDay: [1, 15] };
  const statements: SettingChanges = { partnerSeesStatements: [true, false] };
  const invitee = "n.ahmed@northwnd.test";

  await db.auditEvent.createMany({
    data: [
      {
        action: "settings.updated",
        actorUserId: avery!.id,
        address: OFFICE,
        target: describeChanges(openDay),
        detail: { changes: openDay },
        createdAt: ago(41 * DAY),
      },
      {
        action: "sharing.updated",
        actorUserId: avery!.id,
        address: OFFICE,
        target: describeChanges(statements),
        detail: { changes: statements },
        createdAt: ago(33 * DAY + 4 * HOUR),
      },
      {
        action: "member.role_changed",
        actorUserId: avery!.id,
        userId: jordan!.id,
        email: jordan!.email,
        address: OFFICE,
        target: `${personLabel(jordan!)}: ${roleLabel("MANAGER")} → ${roleLabel("ADMIN")}`,
        detail: { before: { role: "MANAGER", partnerOrg: null }, after: { role: "ADMIN", partnerOrg: null }, effects: {} },
        createdAt: ago(26 * DAY),
      },
      {
        action: "invitation.sent",
        actorUserId: jordan!.id,
        email: invitee,
        address: HOME,
        target: `${invitee} as ${roleLabel("EXECUTIVE")}`,
        detail: { role: "EXECUTIVE" },
        createdAt: ago(12 * DAY + 2 * HOUR),
      },
      {
        action: "invitation.revoked",
        actorUserId: jordan!.id,
        email: invitee,
        address: HOME,
        target: `${invitee} as ${roleLabel("EXECUTIVE")}`,
        detail: { role: "EXECUTIVE" },
        createdAt: ago(12 * DAY + HOUR),
      },
      {
        action: "export.downloaded",
        actorUserId: elena!.id,
        address: OFFICE,
        target: "Portfolio scores (CSV), filtered by tier STRATEGIC",
        detail: { export: "portfolio", format: "csv", filters: { tier: "STRATEGIC" } },
        createdAt: ago(3 * DAY + 5 * HOUR),
      },
      {
        action: "export.downloaded",
        actorUserId: morgan!.id,
        address: OFFICE,
        target: `Retro summary of ${globex.name}, ${r.retroCycleLabel} (Markdown)`,
        detail: { export: "retro-summary", format: "markdown", partnershipId: globex.id },
        createdAt: ago(2 * DAY + 3 * HOUR),
      },
      {
        action: "export.downloaded",
        actorUserId: gina!.id,
        address: GLOBEX,
        target: `Scorecard report of ${globex.name} (print)`,
        detail: { export: "scorecard-report", format: "print", partnershipId: globex.id },
        createdAt: ago(DAY + 2 * HOUR),
      },
    ].map((e) => ({ ...e, workspaceId: db.$workspaceId })),
  });
}

// After the demo's transaction (account events belong to no workspace: they go to the global
// AccountAuditEvent table, which the workspace's client does not write): sign-ins, a mistyped password, a password change.
export async function seedAccountEvents(db: PrismaClient, now: Date) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const [avery, elena, morgan, gina] = await Promise.all(
    ["admin@northwind.test", "exec@northwind.test", "manager@northwind.test", "partner@globex.test"].map((e) => user(db, e)),
  );
  const signIn = (who: { id: string; email: string }, address: string, at: Date) => ({
    action: "signin.succeeded",
    userId: who.id,
    actorUserId: who.id,
    email: who.email,
    address,
    detail: { method: "PASSWORD" },
    createdAt: at,
  });
  await db.accountAuditEvent.createMany({
    data: [
      {
        action: "password.changed",
        userId: morgan!.id,
        actorUserId: morgan!.id,
        email: morgan!.email,
        address: HOME,
        createdAt: ago(9 * DAY),
      },
      signIn(elena!, OFFICE, ago(3 * DAY + 5 * HOUR + 10 * 60_000)),
      signIn(morgan!, OFFICE, ago(2 * DAY + 3 * HOUR + 20 * 60_000)),
      {
        action: "signin.failed",
        userId: gina!.id,
        email: gina!.email,
        address: GLOBEX,
        detail: { reason: "wrong password" },
        createdAt: ago(DAY + 2 * HOUR + 9 * 60_000),
      },
      signIn(gina!, GLOBEX, ago(DAY + 2 * HOUR + 8 * 60_000)),
      signIn(avery!, OFFICE, ago(2 * HOUR)),
    ],
  });
}
