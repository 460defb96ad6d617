// The partner organisations, partnerships and people as tables in the import's own columns, so a
// downloaded file imports back with nothing to change. Recorded in the audit log as exports.
import type { WorkspaceCtx } from "../../access/context";
import { auditExport } from "../export-audit";
import { FIELDS, KIND_LABEL, type ImportKind } from "./kinds";
import { ROLE_WORDS, enumLabel } from "./values";

const EXPORT_KIND = { partnerOrgs: "partner-organisations", partnerships: "partnerships", people: "people" } as const;

export async function exportTable(ctx: WorkspaceCtx, kind: ImportKind): Promise<{ headers: string[]; rows: (string | null)[][] }> {
  const headers = FIELDS[kind].map((f) => f.header);
  const rows = await ROWS[kind](ctx);
  const what = KIND_LABEL[kind].charAt(0).toUpperCase() + KIND_LABEL[kind].slice(1);
  await auditExport(ctx, { kind: EXPORT_KIND[kind], format: "csv", what, detail: { rows: rows.length } });
  return { headers, rows };
}

const ROWS: Record<ImportKind, (ctx: WorkspaceCtx) => Promise<(string | null)[][]>> = {
  async partnerOrgs(ctx) {
    const orgs = await ctx.db.partnerOrg.findMany({ orderBy: { name: "asc" } });
    return orgs.map((o) => [o.name, o.region, o.industry, o.website]);
  },
  async partnerships(ctx) {
    const rows = await ctx.db.partnership.findMany({
      orderBy: { name: "asc" },
      select: {
        name: true,
        tier: true,
        phase: true,
        renewalDate: true,
        partnerOrg: { select: { name: true } },
        owner: { select: { user: { select: { email: true } } } },
        team: { select: { member: { select: { user: { select: { email: true } } } } } },
      },
    });
    return rows.map((p) => [
      p.name,
      p.partnerOrg.name,
      enumLabel(p.tier),
      enumLabel(p.phase),
      p.owner?.user.email ?? null,
      p.renewalDate ? p.renewalDate.toISOString().slice(0, 10) : null,
      p.team
        .map((t) => t.member.user.email)
        .sort()
        .join("; "),
    ]);
  },
  // Current members, then pending invitations: everyone an import of people would leave as is.
  async people(ctx) {
    const [members, invitations] = await Promise.all([
      ctx.db.member.findMany({
        where: { removedAt: null },
        select: { role: true, partnerOrg: { select: { name: true } }, user: { select: { email: true, name: true } } },
        orderBy: { user: { email: "asc" } },
      }),
      ctx.db.invitation.findMany({
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        select: { email: true, name: true, role: true, partnerOrg: { select: { name: true } } },
        orderBy: { email: "asc" },
      }),
    ]);
    const memberEmails = new Set(members.map((m) => m.user.email));
    return [
      ...members.map((m) => [m.user.email, m.user.name, ROLE_WORDS[m.role], m.partnerOrg?.name ?? null]),
      ...invitations
        .filter((i) => !memberEmails.has(i.email))
        .map((i) => [i.email, i.name, ROLE_WORDS[i.role], i.partnerOrg?.name ?? null]),
    ];
  },
};
