"use client";
import { useId, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cycleAxisProps } from "../../_lib/chart-axis";
import { SIDE_COLORS } from "./bands";

export interface ExchangePoint {
  label: string;
  youFulfilled: number;
  themFulfilled: number;
  youGave: number;
  themGave: number;
  index: number | null;
}

interface Props {
  series: ExchangePoint[];
  theirName: string;
  // The balance in words, read out as the chart's description.
  summary: string;
  fixed?: { width: number; height: number };
}

type Measure = "value" | "asks";
const MEASURES: { key: Measure; label: string }[] = [
  { key: "value", label: "Value given" },
  { key: "asks", label: "Asks fulfilled" },
];

const shown = (v: number | null) => (v === null ? "–" : String(v));

// What each side gave per cycle (value, or asks fulfilled) as a pair of bars, with the
// reciprocity index as a line on its own 0-100 axis. The same figures are available as a table.
export function ExchangeChart({ series, theirName, summary, fixed }: Props) {
  const [measure, setMeasure] = useState<Measure>("value");
  const [table, setTable] = useState(false);
  const tableId = useId();
  const you = measure === "value" ? "youGave" : "youFulfilled";
  const them = measure === "value" ? "themGave" : "themFulfilled";
  const what = measure === "value" ? "value given" : "asks fulfilled";
  const chart = (
    <ComposedChart
      data={series}
      margin={{ top: 8, right: 0, bottom: 0, left: -16 }}
      {...(fixed ? { width: fixed.width, height: fixed.height } : {})}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" {...cycleAxisProps(series.length, fixed ? 10 : 12)} />
      <YAxis yAxisId="given" allowDecimals={false} tick={{ fontSize: fixed ? 10 : 12 }} />
      <YAxis yAxisId="index" orientation="right" domain={[0, 100]} ticks={[0, 40, 100]} tick={{ fontSize: fixed ? 10 : 12 }} />
      {fixed ? null : <Tooltip />}
      <Legend wrapperStyle={{ fontSize: fixed ? 10 : 12 }} itemSorter={(item) => [you, them, "index"].indexOf(String(item.dataKey))} />
      <Bar yAxisId="given" dataKey={you} name={`You: ${what}`} fill={SIDE_COLORS.host} maxBarSize={40} isAnimationActive={false} />
      <Bar
        yAxisId="given"
        dataKey={them}
        name={`${theirName}: ${what}`}
        fill={SIDE_COLORS.partner}
        maxBarSize={40}
        isAnimationActive={false}
      />
      <Line
        yAxisId="index"
        type="monotone"
        dataKey="index"
        name="Reciprocity index"
        stroke="#0f172a"
        strokeWidth={2}
        dot={{ r: fixed ? 2 : 3 }}
        connectNulls
        isAnimationActive={false}
      />
    </ComposedChart>
  );
  return (
    <div className="space-y-3">
      {fixed ? null : (
        <div role="group" aria-label="What the bars show" className="flex gap-1 text-xs print:hidden">
          {MEASURES.map((m) => (
            <button
              key={m.key}
              type="button"
              aria-pressed={measure === m.key}
              onClick={() => setMeasure(m.key)}
              className={
                measure === m.key
                  ? "min-h-6 rounded bg-slate-900 px-2 py-0.5 font-medium text-white"
                  : "min-h-6 rounded px-2 py-0.5 text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-slate-50"
              }
            >
              {m.label}
            </button>
          ))}
        </div>
      )}
      <figure
        aria-label={`${what === "value given" ? "Value given" : "Asks fulfilled"} by each side and the reciprocity index per cycle. ${summary}`}
        className={fixed ? undefined : "h-64 w-full"}
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
      {fixed ? null : (
        <>
          <button
            type="button"
            aria-expanded={table}
            aria-controls={tableId}
            onClick={() => setTable((t) => !t)}
            className="inline-flex min-h-6 items-center rounded text-xs font-medium text-brand-700 underline-offset-2 hover:underline print:hidden"
          >
            {table ? "Hide the figures" : "Show the figures as a table"}
          </button>
          <div id={tableId} className={table ? "overflow-x-auto" : "sr-only"}>
            <table className="min-w-full text-sm">
              <caption className="sr-only">Asks fulfilled, value given and reciprocity index per cycle</caption>
              <thead>
                <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                  <th scope="col" className="px-2 py-1.5 text-left font-medium">
                    Cycle
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    Asks you fulfilled
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    Asks {theirName} fulfilled
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    Value you gave
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    Value {theirName} gave
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-right font-medium">
                    Reciprocity index
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums text-slate-700">
                {series.map((p) => (
                  <tr key={p.label}>
                    <th scope="row" className="px-2 py-1.5 text-left font-medium text-slate-900">
                      {p.label}
                    </th>
                    <td className="px-2 py-1.5 text-right">{p.youFulfilled}</td>
                    <td className="px-2 py-1.5 text-right">{p.themFulfilled}</td>
                    <td className="px-2 py-1.5 text-right">{p.youGave}</td>
                    <td className="px-2 py-1.5 text-right">{p.themGave}</td>
                    <td className="px-2 py-1.5 text-right">{shown(p.index)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
