"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bandAreas, PILLAR_COLORS } from "./bands";

interface Props {
  series: Record<string, string | number | null>[];
  keys: { key: string; name: string }[];
}

// Each pillar and the health index across cycles; the health index is the thick dark line.
export function PillarTrendChart({ series, keys }: Props) {
  return (
    <figure aria-label="Pillar scores and health index across cycles" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          {bandAreas()}
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 60, 75, 100]} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? Math.round(v) : v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {keys.map((k, i) => (
            <Line
              key={k.key}
              type="monotone"
              dataKey={k.key}
              name={k.name}
              stroke={PILLAR_COLORS[i % PILLAR_COLORS.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <Line
            type="monotone"
            dataKey="health"
            name="Health index"
            stroke="#0f172a"
            strokeWidth={3}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
