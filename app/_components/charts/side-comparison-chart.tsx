"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface Props {
  data: { name: string; host: number | null; partner: number | null }[];
  partnerName: string;
}

// Host against partner score per pillar, side by side.
export function SideComparisonChart({ data, partnerName }: Props) {
  return (
    <figure aria-label={`Your team's and ${partnerName}'s scores per pillar`} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? Math.round(v) : "hidden")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="host" name="Your team" fill="#2f5bd3" isAnimationActive={false} />
          <Bar dataKey="partner" name={partnerName} fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
