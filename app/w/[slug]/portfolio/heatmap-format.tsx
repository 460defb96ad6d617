import type { PortfolioRow } from "~/server/services/portfolio/schema";
import { score, type Band } from "../../../_lib/format";

// A band's cell colours, the same in the heatmap's table and its cards on phones.
export const CELL: Record<Band, string> = {
  HEALTHY: "bg-green-100 text-green-900",
  WATCH: "bg-amber-100 text-amber-900",
  AT_RISK: "bg-red-100 text-red-900",
};

// A change as a small signed whole number: "+4", "−3", "±0".
export function signed(v: number | null) {
  if (v === null) return null;
  const r = Math.round(v);
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : "±0";
}

// A cell's figure and its change since the previous cycle, the same in the table and the cards.
export function ScoreFigure({ value, change }: { value: number; change: number | null }) {
  const delta = signed(change);
  return (
    <>
      <span className="text-sm font-semibold">{score(value)}</span>
      {delta ? (
        <span className="ml-1 text-[11px] opacity-80">
          <span className="sr-only">, change </span>
          {delta}
        </span>
      ) : null}
    </>
  );
}

// A row's reciprocity index for the year, the same in the table and the cards: the figure and a
// one-sided mark, or a dash that reads out why there is none.
export function ReciprocityFigure({ cell, year }: { cell: PortfolioRow["reciprocity"]; year: number }) {
  if (!cell || cell.index === null) {
    return (
      <span className="text-slate-400">
        <span aria-hidden>—</span>
        <span className="sr-only">{cell ? `nothing delivered yet in ${year}` : `no asks or offers in ${year}`}</span>
      </span>
    );
  }
  return (
    <>
      <span className="text-sm font-semibold">{cell.index}</span>
      {cell.oneSided ? <span className="ml-1 text-[11px] font-medium text-red-700">one-sided</span> : null}
      <span className="sr-only">
        , reciprocity index {year} from {cell.delivered} {cell.delivered === 1 ? "delivery" : "deliveries"}
      </span>
    </>
  );
}
