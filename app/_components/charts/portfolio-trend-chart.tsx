"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface Point {
  label: string;
  average: number | null;
  HEALTHY: number;
  WATCH: number;
  AT_RISK: number;
}

// The portfolio across cycles: how many partnerships sit in each band (stacked bars, left axis)
// and the average health index (line, right axis).
export function PortfolioTrendChart({ series }: { series: Point[] }) {
  return (
    <figure aria-label="Partnerships by band and average health across cycles" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={series} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="score" orientation="right" domain={[0, 100]} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? Math.round(v * 10) / 10 : v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="count" dataKey="HEALTHY" name="Healthy" stackId="bands" fill="#15803d" isAnimationActive={false} />
          <Bar yAxisId="count" dataKey="WATCH" name="Watch" stackId="bands" fill="#d97706" isAnimationActive={false} />
          <Bar yAxisId="count" dataKey="AT_RISK" name="At risk" stackId="bands" fill="#b91c1c" isAnimationActive={false} />
          <Line
            yAxisId="score"
            type="monotone"
            dataKey="average"
            name="Average health"
            stroke="#0f172a"
            strokeWidth={3}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
