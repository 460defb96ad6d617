// What an import will do, row by row, before anything is written.
import type { Phase, Role, Tier } from "../../db/generated/client";
import type { ImportKind } from "./kinds";

export type RowAction = "create" | "update" | "unchanged" | "skip" | "error";

export interface OrgWrite {
  name: string;
  region: string | null;
  industry: string | null;
  website: string | null;
}

export interface PartnershipWrite {
  name: string;
  partnerOrgId: string;
  tier: Tier;
  phase: Phase;
  ownerMemberId: string | null;
  renewalDate: string | null;
  // Host-side members to add to the team; an import never takes anyone off a team.
  addTeam: string[];
}

export interface PersonWrite {
  email: string;
  name: string | null;
  role: Role;
  partnerOrgId: string | null;
}

export type RowWrite =
  | { kind: "partnerOrgs"; id: string | null; fields: OrgWrite }
  | { kind: "partnerships"; id: string | null; fields: PartnershipWrite }
  | { kind: "people"; id: null; fields: PersonWrite };

export interface PlannedRow {
  // As a spreadsheet numbers it: the header is row 1.
  row: number;
  // What the row is about: a name or an email.
  label: string;
  action: RowAction;
  errors: string[];
  warnings: string[];
  // What changes, in words: "region: EMEA -> APAC".
  changes: string[];
  write: RowWrite | null;
}

export interface ImportPlan {
  kind: ImportKind;
  rows: PlannedRow[];
  counts: Record<RowAction, number>;
}

// One row of the file by field key, trimmed and with an export's formula guard taken off.
export type Row = Record<string, string>;
// What a kind's planner makes of one row (planImport adds its number).
export type RowOutcome = Omit<PlannedRow, "row">;
