import { ReferenceArea } from "recharts";

// The health bands, subtle enough to sit behind lines and bars.
export const BANDS = [
  { key: "HEALTHY", label: "Healthy", range: "75–100", from: 75, to: 100, fill: "#dcfce7" },
  { key: "WATCH", label: "Watch", range: "60–74", from: 60, to: 75, fill: "#fef3c7" },
  { key: "AT_RISK", label: "At risk", range: "0–59", from: 0, to: 60, fill: "#fee2e2" },
] as const;

// The health bands drawn behind a 0-100 axis, so a line's band reads at a glance.
export function bandAreas(axis: "x" | "y" = "y") {
  return BANDS.map((a) =>
    axis === "y" ? (
      <ReferenceArea key={a.from} y1={a.from} y2={a.to} fill={a.fill} fillOpacity={0.5} ifOverflow="hidden" />
    ) : (
      <ReferenceArea key={a.from} x1={a.from} x2={a.to} fill={a.fill} fillOpacity={0.5} ifOverflow="hidden" />
    ),
  );
}

// A key to the shaded bands, for charts whose own legend names only the series.
export function BandLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Health bands">
      {BANDS.map((b) => (
        <li key={b.key} className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm ring-1 ring-slate-300" style={{ backgroundColor: b.fill }} aria-hidden />
          {b.label} {b.range}
        </li>
      ))}
    </ul>
  );
}

export const PILLAR_COLORS = ["#2563eb", "#9333ea", "#0d9488", "#ea580c", "#db2777", "#4d7c0f"];
// The two sides, in every two-sided chart.
export const SIDE_COLORS = { host: "#2f5bd3", partner: "#f59e0b" } as const;
