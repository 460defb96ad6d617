// People: matched by email. Someone new is invited (on confirm, never before) with the row's
// role; someone already invited with another role or organisation is invited again, which
// replaces the earlier link. A current member's role is not changed by an import: role changes
// have consequences the Members page shows before they happen.
import { speaksForPartner } from "../../access/roles";
import { findOrg } from "./lookups";
import type { PersonWrite, Row, RowOutcome } from "./plan-types";
import type { ImportState } from "./state";
import { EMAIL, ROLE_WORDS, readRole } from "./values";

// As long as the invite page lets a name be.
const PERSON_NAME_MAX = 80;

export function planPersonRow(row: Row, state: ImportState, at: string): RowOutcome {
  const errors: string[] = [];
  const warnings: string[] = [];
  const email = (row.email ?? "").toLowerCase();
  const label = email;
  if (!email) errors.push(`${at}: the email is empty; every person needs one.`);
  else if (!EMAIL.test(email) || email.length > 254) errors.push(`${at}: '${row.email}' is not an email address.`);
  const name = row.name || null;
  if (name && name.length > PERSON_NAME_MAX) errors.push(`${at}: the name is longer than ${PERSON_NAME_MAX} characters.`);

  const role = row.role ? readRole(row.role) : null;
  if (!row.role) errors.push(`${at}: the role is empty; use Admin, Alliance manager, Executive or Partner contact.`);
  else if (!role) errors.push(`${at}: '${row.role}' is not a role; use Admin, Alliance manager, Executive or Partner contact.`);
  // Granting the owner role is an owner's; a row that leaves an owner as they are grants nothing.
  const current = state.members.get(email);
  const staysAsIs = current && !current.removed && current.role === role;
  if (role === "OWNER" && !state.mayGrantOwner && !staysAsIs) errors.push(`${at}: only an owner can grant the owner role.`);

  let partnerOrgId: string | null = null;
  if (role && speaksForPartner(role)) {
    if (!row.partner) errors.push(`${at}: a partner contact needs their partner organisation.`);
    else {
      const found = findOrg(state, row.partner, at);
      if ("error" in found) errors.push(found.error);
      else partnerOrgId = found.org.id;
    }
  } else if (role && row.partner) {
    warnings.push(`${at}: the partner organisation '${row.partner}' is left out: only partner contacts belong to one.`);
  }
  if (errors.length || !role) return { label, action: "error", errors, warnings, changes: [], write: null };

  const orgName = (id: string | null) => (id ? state.orgById.get(id)?.name : undefined);
  const roleWords = (r: typeof role, org: string | null) => `${ROLE_WORDS[r]}${orgName(org) ? ` (${orgName(org)})` : ""}`;
  const member = current;
  if (member && !member.removed) {
    if (member.role !== role || member.partnerOrgId !== partnerOrgId) {
      warnings.push(
        `${at}: ${email} is already a member as ${roleWords(member.role, member.partnerOrgId)}; change their role on the Members page.`,
      );
    }
    if (name && name !== member.name) warnings.push(`${at}: ${email} keeps the name '${member.name}' of their account.`);
    return { label, action: "unchanged", errors, warnings, changes: [], write: null };
  }
  const fields: PersonWrite = { email, name, role, partnerOrgId };
  const invited = state.invitations.get(email);
  if (invited) {
    if (invited.role === role && invited.partnerOrgId === partnerOrgId) {
      return { label, action: "unchanged", errors, warnings, changes: [], write: null };
    }
    const change = `invited again as ${roleWords(role, partnerOrgId)} (was ${roleWords(invited.role, invited.partnerOrgId)})`;
    return { label, action: "update", errors, warnings, changes: [change], write: { kind: "people", id: null, fields } };
  }
  return {
    label,
    action: "create",
    errors,
    warnings,
    changes: [`invited as ${roleWords(role, partnerOrgId)}`],
    write: { kind: "people", id: null, fields },
  };
}
