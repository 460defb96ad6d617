// A partnership's whole history as one CSV, for the archive and for anyone leaving the app with
// it: each cycle's health and pillar scores, its actions, goals and check-ins, its phase changes
// and renewal decisions. One row shape for all of them, so a spreadsheet filters by the first
// column. Combined scores only, and only those confidentiality lets the scorecard show: a cycle
// with too few responses has its counts and why, no score.
import { formatRange, formatValue, measuredProgress } from "../goals/measure";
import type { WorkCtx } from "../../access/context";
import { csvLines } from "../csv/write";
import { auditExport } from "../export-audit";
import { BAND_LABEL, band } from "../scoring";
import { PHASE_LABEL } from "./phase-rules";
import { DECISION_LABEL } from "./renewal";
import { scoreHistory } from "./view";
import { longDay } from "../dates";
import { exchangeLines } from "../exchange/figures";
import { exchangeSinceLastReview } from "../exchange/since";

export const HISTORY_HEADER = ["record", "cycle", "date", "title", "pillar", "status", "score", "person", "details"] as const;
export type HistoryRow = Record<(typeof HISTORY_HEADER)[number], string | number | null>;

const name = { select: { user: { select: { name: true } } } } as const;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
const fixed1 = (v: number | null) => (v === null ? null : v.toFixed(1));
const row = (r: Partial<HistoryRow> & Pick<HistoryRow, "record">): HistoryRow => ({
  cycle: null,
  date: null,
  title: null,
  pillar: null,
  status: null,
  score: null,
  person: null,
  details: null,
  ...r,
});

export async function partnershipHistory(ctx: WorkCtx) {
  const p = ctx.work.partnership;
  const partnershipId = p.id;
  const [scores, actions, goals, changes, reviews, exchange] = await Promise.all([
    scoreHistory(ctx, partnershipId),
    ctx.db.action.findMany({
      where: { partnershipId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { owner: name, cycle: { select: { label: true } } },
    }),
    ctx.db.goal.findMany({
      where: { partnershipId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        hostOwner: name,
        partnerOwner: name,
        checkIns: { orderBy: { createdAt: "asc" }, include: { cycle: { select: { label: true } }, member: name } },
      },
    }),
    ctx.db.phaseChange.findMany({ where: { partnershipId }, orderBy: [{ at: "asc" }, { id: "asc" }], include: { member: name } }),
    ctx.db.renewalReview.findMany({
      where: { partnershipId },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      include: { decidedBy: name },
    }),
    exchangeSinceLastReview(ctx.db, partnershipId, { HOST: ctx.workspace.name, PARTNER: p.partnerName }),
  ]);

  const rows: HistoryRow[] = [];
  for (const c of scores) {
    rows.push(
      row({
        record: "health",
        cycle: c.cycleLabel,
        date: day(c.closesAt),
        title: "Health index",
        status: c.band ? BAND_LABEL[c.band] : null,
        score: fixed1(c.health),
        details: [`responses: host ${c.responses.host}, partner ${c.responses.partner}`, c.withheld].filter(Boolean).join("; "),
      }),
    );
    for (const pillar of c.pillars) {
      if (pillar.combined === null) continue;
      rows.push(
        row({
          record: "pillar score",
          cycle: c.cycleLabel,
          date: day(c.closesAt),
          title: pillar.name,
          pillar: pillar.key,
          status: BAND_LABEL[band(pillar.combined)],
          score: fixed1(pillar.combined),
        }),
      );
    }
  }
  for (const a of actions) {
    rows.push(
      row({
        record: "action",
        cycle: a.cycle?.label ?? null,
        date: day(a.dueDate),
        title: a.title,
        pillar: a.pillarKey,
        status: label(a.status),
        person: a.owner?.user.name ?? null,
        details: a.notes || null,
      }),
    );
  }
  for (const g of goals) {
    const owners = [g.hostOwner?.user.name, g.partnerOwner?.user.name].filter(Boolean).join(" / ");
    rows.push(
      row({
        record: "goal",
        date: day(g.dueDate),
        title: g.title,
        status: label(g.status),
        person: owners || null,
        details: `measure: ${g.measure}; target: ${formatRange(g)}; from ${day(g.startDate)}`,
      }),
    );
    for (const c of g.checkIns) {
      rows.push(
        row({
          record: "goal check-in",
          cycle: c.cycle.label,
          date: day(c.updatedAt),
          title: g.title,
          score: `${formatValue(g.unit, c.value)} (${measuredProgress(g, c.value)}%)`,
          person: c.member.user.name,
          details: c.note || null,
        }),
      );
    }
  }
  for (const c of changes) {
    rows.push(
      row({
        record: "phase change",
        date: day(c.at),
        title: `${PHASE_LABEL[c.fromPhase]} → ${PHASE_LABEL[c.toPhase]}`,
        status: PHASE_LABEL[c.toPhase],
        person: c.member?.user.name ?? "automatic",
        details: c.reason || null,
      }),
    );
  }
  for (const r of reviews) {
    rows.push(
      row({
        record: "renewal review",
        date: day(r.decidedAt ?? r.openedAt),
        title: `Renewal on ${longDay(r.renewalDate)}`,
        status: r.decision ? DECISION_LABEL[r.decision] : "Open",
        person: r.decidedBy?.user.name ?? null,
        details: r.decision
          ? [r.reasons, r.nextRenewalDate ? `next renewal ${day(r.nextRenewalDate)}` : null].filter(Boolean).join("; ")
          : `opened ${day(r.openedAt)}`,
      }),
    );
  }
  // The give/get balance since the last renewal review, as the review page shows it: a row per
  // side (score: the value it received) and one for the reciprocity index.
  const [hostLine, partnerLine, indexLine] = exchangeLines(exchange);
  exchange.sides.forEach((side, i) =>
    rows.push(
      row({
        record: "value exchange",
        date: day(exchange.to),
        title: side.name,
        score: side.valueReceived,
        details: `${exchange.since}: ${i === 0 ? hostLine : partnerLine}`,
      }),
    ),
  );
  rows.push(
    row({
      record: "value exchange",
      date: day(exchange.to),
      title: "Reciprocity index",
      score: exchange.index,
      details: `${exchange.since}: ${indexLine}`,
    }),
  );
  // Read only for its CSV download (renewal/export), so reading it is the export the log records.
  await auditExport(ctx, { kind: "partnership-history", format: "csv", what: `History of ${p.name}`, detail: { partnershipId } });
  return { partnership: { id: p.id, name: p.name, partnerName: p.partnerName, archivedAt: p.archivedAt }, rows };
}

export type PartnershipHistory = Awaited<ReturnType<typeof partnershipHistory>>;

// RFC 4180 lines, spreadsheet-safe cells (see csv/write.ts).
export function historyCsv(history: Pick<PartnershipHistory, "rows">): string {
  return csvLines([[...HISTORY_HEADER], ...history.rows.map((r) => HISTORY_HEADER.map((k) => r[k]))]);
}
