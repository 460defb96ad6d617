"use client";
import { useId, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cycleAxisProps, fitHealthAxis } from "../../_lib/chart-axis";
import { BandLegend, bandAreas, PILLAR_COLORS } from "./bands";

interface Props {
  series: Record<string, string | number | null>[];
  keys: { key: string; name: string }[];
  // The trend in words, read out as the chart's description.
  summary?: string | null;
  // A fixed size instead of the container's, so the chart renders for print.
  fixed?: { width: number; height: number };
  // What the chart shows, for its accessible name (the pillars and the health index by default).
  title?: string;
}

const shown = (v: string | number | null | undefined) => (typeof v === "number" ? Math.round(v).toString() : "–");

// Each pillar and the health index across cycles over the shaded health bands; the health
// index is the thick dark line. The same figures are available as a table.
export function PillarTrendChart({ series, keys, summary, fixed, title = "Pillar scores and health index across cycles" }: Props) {
  const [table, setTable] = useState(false);
  const tableId = useId();
  const axis = fitHealthAxis(series.flatMap((point) => ["health", ...keys.map((k) => k.key)].map((k) => point[k] as number | null)));
  // The legend in the framework's order, the health index last, rather than alphabetical.
  const order = [...keys.map((k) => k.key), "health"];
  const chart = (
    <LineChart
      data={series}
      margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
      {...(fixed ? { width: fixed.width, height: fixed.height } : {})}
    >
      {bandAreas()}
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" {...cycleAxisProps(series.length, fixed ? 10 : 12)} />
      <YAxis domain={axis.domain} ticks={axis.ticks} allowDataOverflow tick={{ fontSize: fixed ? 10 : 12 }} />
      {fixed ? null : <Tooltip formatter={(v) => (typeof v === "number" ? Math.round(v) : v)} />}
      <Legend wrapperStyle={{ fontSize: fixed ? 10 : 12 }} itemSorter={(item) => order.indexOf(String(item.dataKey))} />
      {keys.map((k, i) => (
        <Line
          key={k.key}
          type="monotone"
          dataKey={k.key}
          name={k.name}
          stroke={PILLAR_COLORS[i % PILLAR_COLORS.length]}
          strokeWidth={2}
          dot={{ r: fixed ? 2 : 3 }}
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
        dot={{ r: fixed ? 3 : 4 }}
        connectNulls
        isAnimationActive={false}
      />
    </LineChart>
  );
  return (
    <div className="space-y-3">
      <figure
        aria-label={`${title}${summary ? `. ${summary}` : ""}`}
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
      <div className="flex flex-wrap items-center justify-between gap-2">
        <BandLegend />
        {fixed ? null : (
          <button
            type="button"
            aria-expanded={table}
            aria-controls={tableId}
            onClick={() => setTable((t) => !t)}
            className="inline-flex min-h-6 items-center rounded text-xs font-medium text-brand-700 underline-offset-2 hover:underline print:hidden"
          >
            {table ? "Hide the figures" : "Show the figures as a table"}
          </button>
        )}
      </div>
      {fixed ? null : (
        <div id={tableId} className={table ? "overflow-x-auto" : "sr-only"}>
          <table className="min-w-full text-sm">
            <caption className="sr-only">Health index and pillar scores per cycle</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  Cycle
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Health index
                </th>
                {keys.map((k) => (
                  <th key={k.key} scope="col" className="px-2 py-1.5 text-right font-medium">
                    {k.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums text-slate-700">
              {series.map((point) => (
                <tr key={String(point.label)}>
                  <th scope="row" className="px-2 py-1.5 text-left font-medium text-slate-900">
                    {point.label}
                  </th>
                  <td className="px-2 py-1.5 text-right">{shown(point.health)}</td>
                  {keys.map((k) => (
                    <td key={k.key} className="px-2 py-1.5 text-right">
                      {shown(point[k.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
