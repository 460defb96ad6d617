"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { fitHealthAxis } from "../../_lib/chart-axis";
import { bandAreas, SIDE_COLORS } from "./bands";

interface Props {
  data: { name: string; host: number | null; partner: number | null }[];
  hostLabel: string;
  partnerLabel: string;
  fixed?: { width: number; height: number };
}

// Host against partner score per pillar: a pair of bars per pillar over the health bands.
export function SideComparisonChart({ data, hostLabel, partnerLabel, fixed }: Props) {
  // Bars start at the scale's zero, so their lengths compare honestly; only the top end fits.
  const axis = fitHealthAxis([0, ...data.flatMap((d) => [d.host, d.partner])]);
  const chart = (
    <BarChart
      data={data}
      layout="vertical"
      barGap={2}
      margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
      {...(fixed ? { width: fixed.width, height: fixed.height } : {})}
    >
      {bandAreas("x")}
      <CartesianGrid stroke="#e2e8f0" horizontal={false} />
      <XAxis type="number" domain={axis.domain} ticks={axis.ticks} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
      {fixed ? null : <Tooltip formatter={(v) => (typeof v === "number" ? Math.round(v) : "hidden")} />}
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => (item.dataKey === "host" ? 0 : 1)} />
      <Bar dataKey="host" name={hostLabel} fill={SIDE_COLORS.host} isAnimationActive={false} />
      <Bar dataKey="partner" name={partnerLabel} fill={SIDE_COLORS.partner} isAnimationActive={false} />
    </BarChart>
  );
  return (
    <figure
      aria-label={`${hostLabel} and ${partnerLabel}: scores per pillar`}
      className={fixed ? undefined : "h-72 w-full"}
      style={fixed ? { width: fixed.width, height: fixed.height } : undefined}
    >
      {fixed ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
