// The scorecard as its one-page printable report (the print page): the same scorecard, by the
// same access and sharing rules, recorded in the audit log as an export, since the page exists to
// be printed or saved as a PDF.
import type { WorkspaceCtx } from "../../access/context";
import { auditExport } from "../export-audit";
import { buildScorecard } from "./index";

export async function buildScorecardReport(ctx: WorkspaceCtx, partnershipId: string) {
  const card = await buildScorecard(ctx, partnershipId);
  await auditExport(ctx, {
    kind: "scorecard-report",
    format: "print",
    what: `Scorecard report of ${card.partnership.name}${card.cycle ? `, ${card.cycle.label}` : ""}`,
    detail: { partnershipId },
  });
  return card;
}
