// A workspace's settings: the survey schedule and confidentiality, what partner contacts see, and
// when renewal reviews open. Each save is one transaction that locks the workspace's row, reads
// the settings as they were, writes the new ones and records in the audit log what changed, from
// what to what; so concurrent saves are recorded in the order they happened, a save that fails
// leaves no record, and a save that changes nothing records nothing.
import type { Cadence, SurveyMode } from "../db/generated/client";
import { WORKSPACE, type TenantTx } from "../db/tenant";
import type { WorkspaceCtx } from "../access/context";
import { audit, type AuditAction } from "./accounts/audit";
import { auditSource } from "./accounts/audit-source";

export interface SurveySettings {
  cadence: Cadence;
  cycleOpenDay: number;
  cycleLengthDays: number;
  autoSchedule: boolean;
  confidentialityThreshold: number;
  surveyMode: SurveyMode;
}

// What partner contacts see of their own partnerships' scorecards (server/services/scorecard
// enforces it). Never individual answers, whatever is chosen here.
export interface PartnerSharingSettings {
  partnerSeesScores: boolean;
  partnerSeesTrends: boolean;
  partnerSeesComments: boolean;
  partnerSeesSides: boolean;
  partnerSeesStatements: boolean;
}

type Setting = keyof SurveySettings | keyof PartnerSharingSettings | "renewalReviewDays";
type Value = string | number | boolean;

// The settings as the Settings page names them, for the log's one-line summary.
export const SETTING_LABEL: Record<Setting, string> = {
  cadence: "Cadence",
  cycleOpenDay: "Cycles open on day",
  cycleLengthDays: "Cycles open for (days)",
  autoSchedule: "Cycles run on a schedule",
  confidentialityThreshold: "Responses needed per side",
  surveyMode: "Survey mode",
  partnerSeesScores: "Partners see combined scores",
  partnerSeesTrends: "Partners see trends",
  partnerSeesComments: "Partners see comments",
  partnerSeesSides: "Partners see each side's scores and the gaps",
  partnerSeesStatements: "Partners see the statement breakdown",
  renewalReviewDays: "Renewal review opens (days before)",
};

const VALUE_LABEL: Record<string, string> = {
  MONTHLY: "monthly",
  QUARTERLY: "quarterly",
  HALF_YEARLY: "half-yearly",
  CONFIDENTIAL: "confidential",
  ATTRIBUTED: "attributed",
};
const word = (v: Value) => (typeof v === "boolean" ? (v ? "on" : "off") : (VALUE_LABEL[String(v)] ?? String(v)));

// Each setting that differs, as [before, after].
export type SettingChanges = Partial<Record<Setting, [Value, Value]>>;

function changesOf<T extends Partial<Record<Setting, Value>>>(before: T, after: T): SettingChanges {
  const changes: SettingChanges = {};
  for (const key of Object.keys(after) as (keyof T & Setting)[]) {
    if (before[key] !== after[key]) changes[key] = [before[key] as Value, after[key] as Value];
  }
  return changes;
}

// "Survey mode: confidential → attributed; Responses needed per side: 3 → 5"
export const describeChanges = (changes: SettingChanges) =>
  (Object.entries(changes) as [Setting, [Value, Value]][])
    .map(([key, [from, to]]) => `${SETTING_LABEL[key]}: ${word(from)} → ${word(to)}`)
    .join("; ");

// The workspace's row, locked until the transaction ends, so two saves at once are read and
// recorded one after the other.
const lockWorkspace = (tx: TenantTx) => tx.$executeScoped`SELECT 1 FROM "Workspace" WHERE id = ${WORKSPACE} FOR UPDATE`;

async function save<T extends Partial<Record<Setting, Value>>>(
  ctx: WorkspaceCtx,
  action: AuditAction,
  select: Record<keyof T, true>,
  next: T,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await lockWorkspace(tx);
    const before = (await tx.workspace.findUniqueOrThrow({ where: { id: tx.$workspaceId }, select })) as unknown as T;
    const after = (await tx.workspace.update({ where: { id: tx.$workspaceId }, data: next, select })) as unknown as T;
    const changes = changesOf(before, after);
    if (Object.keys(changes).length > 0) {
      await audit(tx, { action, ...auditSource(ctx), target: describeChanges(changes), detail: { changes } });
    }
    return after;
  });
}

const keys = <K extends string>(...names: K[]) => Object.fromEntries(names.map((n) => [n, true])) as Record<K, true>;

// The survey schedule and confidentiality. Changes apply to cycles created from now on.
export function updateSurveySettings(ctx: WorkspaceCtx, settings: SurveySettings) {
  const select = keys("cadence", "cycleOpenDay", "cycleLengthDays", "autoSchedule", "confidentialityThreshold", "surveyMode");
  return save<SurveySettings>(ctx, "settings.updated", select, settings);
}

export function updatePartnerSharing(ctx: WorkspaceCtx, settings: PartnerSharingSettings) {
  const select = keys("partnerSeesScores", "partnerSeesTrends", "partnerSeesComments", "partnerSeesSides", "partnerSeesStatements");
  return save<PartnerSharingSettings>(ctx, "sharing.updated", select, settings);
}

// A partnership's renewal review opens this many days before its renewal date. Reviews already
// open stay; the next job run opens those that the new lead time makes due.
export function updateRenewalReviewDays(ctx: WorkspaceCtx, renewalReviewDays: number) {
  return save<{ renewalReviewDays: number }>(ctx, "settings.updated", keys("renewalReviewDays"), { renewalReviewDays });
}
