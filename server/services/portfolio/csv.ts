// The export as CSV text: one row per partnership, cycle, pillar (and the health index) and side,
// each figure only where confidentiality lets it show; then a "Reciprocity index" row per cycle in
// which value was delivered between the sides (side "both", no response count; the note gives the
// deliveries behind it and says when the exchange is one-sided).
// Pure, so the route handler streams it and tests read it without a server.
import type { ExportBatch } from "./schema";
import { csvLine } from "../csv/write";

// Quoting and the formula guard live in the shared writer; its cell is exported here too, where
// the portfolio's tests have always found it.
export { csvCell } from "../csv/write";

export const CSV_HEADER = [
  "partnership",
  "partner",
  "tier",
  "phase",
  "owner",
  "region",
  "industry",
  "cycle",
  "pillar",
  "side",
  "score",
  "responses",
  // Why a figure is withheld: "too few responses (1 of 8)"; for a reciprocity index, the
  // deliveries behind it: "4 deliveries; one-sided".
  "note",
];

// STRATEGIC -> Strategic, RENEWAL_REVIEW -> Renewal review: the words the app shows.
const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
const fixed1 = (v: number | null) => (v === null ? null : v.toFixed(1));

export const csvHeader = () => csvLine(CSV_HEADER);

// A cycle whose figures may not be shown has one row: its counts and why. Pillar and side rows
// are there only where their figures may be shown.
export function csvRows(batch: ExportBatch): string {
  let out = "";
  for (const p of batch.partnerships) {
    const about = [p.name, p.partner, label(p.tier), label(p.phase), p.owner, p.region, p.industry];
    for (const c of p.cycles) {
      const total = c.responses.host + c.responses.partner;
      out += csvLine([...about, c.label, "Health index", "combined", fixed1(c.health), total, c.note]);
      for (const pillar of c.pillars) {
        if (pillar.combined !== null) out += csvLine([...about, c.label, pillar.name, "combined", fixed1(pillar.combined), total, null]);
        if (pillar.host !== null) out += csvLine([...about, c.label, pillar.name, "host", fixed1(pillar.host), c.responses.host, null]);
        if (pillar.partner !== null)
          out += csvLine([...about, c.label, pillar.name, "partner", fixed1(pillar.partner), c.responses.partner, null]);
      }
    }
    for (const r of p.reciprocity) {
      const note = `${r.delivered} ${r.delivered === 1 ? "delivery" : "deliveries"}${r.oneSided ? "; one-sided" : ""}`;
      out += csvLine([...about, r.label, "Reciprocity index", "both", r.index, null, note]);
    }
  }
  return out;
}
