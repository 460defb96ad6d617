// Partnerships: matched by name. The partner must exist; the owner and the host team are members
// found by email. An empty cell leaves what is there. The phase of an existing partnership is not
// changed here: the lifecycle records every phase change with a reason, on its own page.
import { rolesWith, speaksForHost } from "../../access/roles";
import { findMember, findOrg } from "./lookups";
import type { PartnershipWrite, Row, RowOutcome } from "./plan-types";
import type { ImportState } from "./state";
import { matchKey } from "./text-match";
import { EMAIL, NAME_MAX, PHASES, TIERS, changeWords, enumLabel, readDay, readPhase, readTier, splitEmails } from "./values";

const OWNER_ROLES = new Set(rolesWith("ownPartnerships"));
const START_PHASES = new Set(["EXPLORING", "ONBOARDING", "ACTIVE", "RENEWED"]);
const listWords = (values: readonly string[]) => values.map(enumLabel).join(", ");

export function planPartnershipRow(row: Row, state: ImportState, at: string): RowOutcome {
  const errors: string[] = [];
  const warnings: string[] = [];
  const name = row.name ?? "";
  const label = name;
  if (!name) errors.push(`${at}: the partnership's name is empty; every partnership needs one.`);
  if (name.length > NAME_MAX) errors.push(`${at}: the name is longer than ${NAME_MAX} characters.`);
  const existing = name ? state.partnerships.get(matchKey(name)) : undefined;

  let partnerOrgId: string | null = null;
  if (!row.partner) errors.push(`${at}: the partner organisation is empty; every partnership needs one.`);
  else {
    const found = findOrg(state, row.partner, at);
    if ("error" in found) errors.push(found.error);
    else partnerOrgId = found.org.id;
  }
  if (existing && partnerOrgId && partnerOrgId !== existing.partnerOrgId) {
    const current = state.orgById.get(existing.partnerOrgId)?.name ?? "another partner";
    errors.push(`${at}: '${existing.name}' is a partnership with ${current}; an import does not move it to another partner.`);
  }

  const tier = row.tier ? readTier(row.tier) : null;
  if (row.tier && !tier) errors.push(`${at}: '${row.tier}' is not a tier; use ${listWords(TIERS)}.`);
  const phase = row.phase ? readPhase(row.phase) : null;
  if (row.phase && !phase) errors.push(`${at}: '${row.phase}' is not a phase; use ${listWords(PHASES)}.`);
  if (!existing && phase && !START_PHASES.has(phase)) {
    errors.push(`${at}: a new partnership starts as Exploring, Onboarding, Active or Renewed, not ${enumLabel(phase)}.`);
  }

  let ownerMemberId: string | null | undefined;
  if (row.owner) {
    if (!EMAIL.test(row.owner)) errors.push(`${at}: the owner's email '${row.owner}' is not an email address.`);
    else {
      const found = findMember(state, row.owner, at, "owner's email");
      if ("error" in found) errors.push(found.error);
      else if (!OWNER_ROLES.has(found.member.role)) {
        errors.push(`${at}: ${found.member.email} cannot own a partnership; the owner must be an alliance manager, admin or owner.`);
      } else ownerMemberId = found.member.id;
    }
  }

  const renewalDate = row.renewalDate ? readDay(row.renewalDate) : null;
  if (row.renewalDate && !renewalDate) {
    errors.push(`${at}: '${row.renewalDate}' is not a date; write renewal dates as YYYY-MM-DD, for example 2027-03-31.`);
  }

  const team: string[] = [];
  for (const email of splitEmails(row.team ?? "")) {
    if (!EMAIL.test(email)) {
      errors.push(`${at}: '${email}' in the host team is not an email address.`);
      continue;
    }
    const found = findMember(state, email, at, "host team email");
    if ("error" in found) errors.push(found.error);
    else if (!speaksForHost(found.member.role)) {
      errors.push(
        `${at}: ${found.member.email} cannot be on the host team; it is the workspace's own alliance managers, admins and owners.`,
      );
    } else if (!team.includes(found.member.id)) team.push(found.member.id);
  }
  if (errors.length) return { label, action: "error", errors, warnings, changes: [], write: null };

  if (!existing) {
    const fields: PartnershipWrite = {
      name,
      partnerOrgId: partnerOrgId!,
      tier: tier ?? "CORE",
      phase: phase ?? "ACTIVE",
      ownerMemberId: ownerMemberId ?? null,
      renewalDate,
      addTeam: team,
    };
    return { label, action: "create", errors, warnings, changes: [], write: { kind: "partnerships", id: null, fields } };
  }

  const memberEmail = (id: string | null) => (id ? ([...state.members.values()].find((m) => m.id === id)?.email ?? null) : null);
  const changes: string[] = [];
  if (tier && tier !== existing.tier) changes.push(changeWords("tier", enumLabel(existing.tier), enumLabel(tier)));
  if (ownerMemberId && ownerMemberId !== existing.ownerMemberId) {
    changes.push(changeWords("owner", memberEmail(existing.ownerMemberId), memberEmail(ownerMemberId)));
  }
  if (renewalDate && renewalDate !== existing.renewalDate) changes.push(changeWords("renewal date", existing.renewalDate, renewalDate));
  const addTeam = team.filter((id) => !existing.team.has(id));
  if (addTeam.length) changes.push(`host team: adds ${addTeam.map(memberEmail).join(", ")}`);
  if (phase && phase !== existing.phase) {
    warnings.push(
      `${at}: the phase of '${existing.name}' stays ${enumLabel(existing.phase)}; change it on the partnership's Lifecycle page, where the change is recorded with a reason.`,
    );
  }
  if (!changes.length) return { label, action: "unchanged", errors, warnings, changes, write: null };
  if (existing.archived) {
    return {
      label,
      action: "error",
      errors: [`${at}: '${existing.name}' is archived and read-only; restore it before changing it.`],
      warnings,
      changes: [],
      write: null,
    };
  }
  const fields: PartnershipWrite = {
    name: existing.name,
    partnerOrgId: existing.partnerOrgId,
    tier: tier ?? existing.tier,
    phase: existing.phase,
    ownerMemberId: ownerMemberId ?? existing.ownerMemberId,
    renewalDate: renewalDate ?? existing.renewalDate,
    addTeam,
  };
  return { label, action: "update", errors, warnings, changes, write: { kind: "partnerships", id: existing.id, fields } };
}
