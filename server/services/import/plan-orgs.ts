// Partner organisations: matched by name. An empty cell leaves what is there; a filled one sets it.
import type { OrgWrite, Row, RowOutcome } from "./plan-types";
import type { ImportState } from "./state";
import { matchKey } from "./text-match";
import { NAME_MAX, WEBSITE, changeWords } from "./values";

export function planOrgRow(row: Row, state: ImportState, at: string): RowOutcome {
  const errors: string[] = [];
  const warnings: string[] = [];
  const name = row.name ?? "";
  if (!name) errors.push(`${at}: the name is empty; every partner organisation needs one.`);
  if (name.length > NAME_MAX) errors.push(`${at}: the name is longer than ${NAME_MAX} characters.`);
  for (const field of ["region", "industry"] as const) {
    if ((row[field] ?? "").length > NAME_MAX) errors.push(`${at}: the ${field} is longer than ${NAME_MAX} characters.`);
  }
  let website = row.website || null;
  // "globex.example" is a web address without its scheme: the scheme is added, and said so.
  if (website && !/^[a-z]+:\/\//i.test(website) && /^[^\s/]+\.[^\s]+$/.test(website)) {
    warnings.push(`${at}: the website '${website}' is read as https://${website}.`);
    website = `https://${website}`;
  }
  if (website && (!WEBSITE.test(website) || website.length > 200)) {
    errors.push(`${at}: the website '${website}' is not a web address; write it like https://example.com.`);
  }
  const label = name;
  if (errors.length) return { label, action: "error", errors, warnings, changes: [], write: null };

  const existing = state.orgs.get(matchKey(name));
  const fields: OrgWrite = { name, region: row.region || null, industry: row.industry || null, website };
  if (!existing) {
    return { label, action: "create", errors, warnings, changes: [], write: { kind: "partnerOrgs", id: null, fields } };
  }
  const changes: string[] = [];
  const next: OrgWrite = { name: existing.name, region: existing.region, industry: existing.industry, website: existing.website };
  for (const field of ["region", "industry", "website"] as const) {
    const value = fields[field];
    if (value !== null && value !== existing[field]) {
      changes.push(changeWords(field, existing[field], value));
      next[field] = value;
    }
  }
  if (!changes.length) return { label, action: "unchanged", errors, warnings, changes, write: null };
  return { label, action: "update", errors, warnings, changes, write: { kind: "partnerOrgs", id: existing.id, fields: next } };
}
