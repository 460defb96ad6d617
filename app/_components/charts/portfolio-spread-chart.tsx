"use client";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cycleAxisProps, fitHealthAxis } from "../../_lib/chart-axis";
import { BandLegend, bandAreas } from "./bands";

interface Point {
  label: string;
  average: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

const fmt = (v: number | null) => (v === null ? "–" : Math.round(v).toString());

// The portfolio's health across cycles: the median (line), the middle half of partnerships
// (shaded, first to third quartile) and the average (dashed), over the band zones. The axis fits
// the figures: the spread moves a few points a quarter, which a 0-100 axis flattens.
export function PortfolioSpreadChart({ series }: { series: Point[] }) {
  const data = series.map((p) => ({ ...p, iqr: p.q1 === null || p.q3 === null ? null : [p.q1, p.q3] }));
  const axis = fitHealthAxis(series.flatMap((p) => [p.q1, p.q3, p.median, p.average]));
  return (
    <figure aria-label="Health index spread across cycles: median, middle half and average" className="w-full">
      {/* Hidden from screen readers, which read the table below; nothing in it takes focus. */}
      <div className="h-64 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
            {bandAreas("y")}
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" {...cycleAxisProps(series.length)} />
            <YAxis domain={axis.domain} ticks={axis.ticks} allowDataOverflow tick={{ fontSize: 12 }} />
            <Tooltip
              formatter={(v, name) => [Array.isArray(v) ? `${fmt(v[0] as number)}–${fmt(v[1] as number)}` : fmt(v as number), name]}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Area
              dataKey="iqr"
              name="Middle half (quartiles)"
              stroke="none"
              fill="#64748b"
              fillOpacity={0.25}
              connectNulls
              isAnimationActive={false}
            />
            <Line dataKey="median" name="Median" stroke="#0f172a" strokeWidth={3} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            <Line
              dataKey="average"
              name="Average"
              stroke="#2563eb"
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div className="mt-2">
        <BandLegend />
      </div>
      {/* In a clipped box: a table takes its content's width whatever width it is given. */}
      <div className="sr-only">
        <table>
          <caption>Health index per cycle</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Median</th>
              <th scope="col">First quartile</th>
              <th scope="col">Third quartile</th>
              <th scope="col">Average</th>
            </tr>
          </thead>
          <tbody>
            {series.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{fmt(p.median)}</td>
                <td>{fmt(p.q1)}</td>
                <td>{fmt(p.q3)}</td>
                <td>{fmt(p.average)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
