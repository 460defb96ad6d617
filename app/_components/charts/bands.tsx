import { ReferenceArea } from "recharts";

// The health bands drawn behind a 0-100 axis, so a line's band reads at a glance.
export function bandAreas(axis: "x" | "y" = "y") {
  const areas = [
    { from: 75, to: 100, fill: "#dcfce7" },
    { from: 60, to: 75, fill: "#fef3c7" },
    { from: 0, to: 60, fill: "#fee2e2" },
  ];
  return areas.map((a) =>
    axis === "y" ? (
      <ReferenceArea key={a.from} y1={a.from} y2={a.to} fill={a.fill} fillOpacity={0.5} ifOverflow="hidden" />
    ) : (
      <ReferenceArea key={a.from} x1={a.from} x2={a.to} fill={a.fill} fillOpacity={0.5} ifOverflow="hidden" />
    ),
  );
}

export const PILLAR_COLORS = ["#2563eb", "#9333ea", "#0d9488", "#ea580c", "#db2777", "#4d7c0f"];
