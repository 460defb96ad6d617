// Finding what a row names in the workspace, and saying what is wrong when it is not there, with
// the nearest name or email as a suggestion.
import type { ImportState, MemberState, OrgState } from "./state";
import { closest, matchKey } from "./text-match";

const didYouMean = (suggestion: string | null) => (suggestion ? ` — did you mean '${suggestion}'?` : ".");

export function findOrg(state: ImportState, name: string, at: string): { org: OrgState } | { error: string } {
  const org = state.orgs.get(matchKey(name));
  if (org) return { org };
  const names = [...state.orgs.values()].map((o) => o.name);
  return { error: `${at}: no partner organisation named '${name}'${didYouMean(closest(name, names))}` };
}

// A current member by email (a removed member is not one).
export function findMember(state: ImportState, email: string, at: string, what: string): { member: MemberState } | { error: string } {
  const member = state.members.get(email.toLowerCase());
  if (member && !member.removed) return { member };
  if (member) return { error: `${at}: the ${what} '${email}' belongs to someone who was removed from this workspace.` };
  const current = [...state.members.values()].filter((m) => !m.removed).map((m) => m.email);
  const pending = state.invitations.has(email.toLowerCase()) ? " (they are invited but have not joined yet)" : "";
  // Emails differ from each other in fewer letters than names do: only a near miss is suggested.
  const suggestion = pending ? "." : didYouMean(closest(email, current, 2));
  return { error: `${at}: the ${what} '${email}' is not a member of this workspace${pending}${suggestion}` };
}
