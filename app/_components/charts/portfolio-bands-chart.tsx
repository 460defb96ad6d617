"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cycleAxisProps } from "../../_lib/chart-axis";
import { BAND_COLOR, BAND_LABEL, type Band } from "../../_lib/format";

interface Point {
  label: string;
  scored: number;
  HEALTHY: number;
  WATCH: number;
  AT_RISK: number;
}

const BANDS: Band[] = ["HEALTHY", "WATCH", "AT_RISK"];

// Partnerships per band in each cycle, stacked. A segment or a legend entry filters the page
// to partnerships currently in that band (`hrefs`, links the server made).
export function PortfolioBandsChart({ series, hrefs, now }: { series: Point[]; hrefs: Record<Band, string>; now: Record<Band, number> }) {
  const router = useRouter();
  return (
    <figure aria-label="Partnerships by band in each cycle" className="w-full">
      {/* Hidden from screen readers, which read the table below and the links under it; nothing in it takes focus. */}
      <div className="h-64 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" {...cycleAxisProps(series.length)} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip cursor={{ fill: "#f1f5f9" }} />
            {BANDS.map((b) => (
              <Bar
                key={b}
                dataKey={b}
                name={BAND_LABEL[b]}
                stackId="bands"
                fill={BAND_COLOR[b]}
                cursor="pointer"
                isAnimationActive={false}
                onClick={() => router.push(hrefs[b])}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="text-slate-500">Now:</span>
        {BANDS.map((b) => (
          <Link key={b} href={hrefs[b]} className="inline-flex min-h-6 items-center gap-1.5 rounded text-slate-700 hover:underline">
            <span className="h-3 w-3 rounded-sm" style={{ background: BAND_COLOR[b] }} aria-hidden />
            {BAND_LABEL[b]} <span className="font-semibold tabular-nums">{now[b]}</span>
          </Link>
        ))}
      </figcaption>
      {/* In a clipped box: a table takes its content's width whatever width it is given. */}
      <div className="sr-only">
        <table>
          <caption>Partnerships by band in each cycle</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              {BANDS.map((b) => (
                <th key={b} scope="col">
                  {BAND_LABEL[b]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                {BANDS.map((b) => (
                  <td key={b}>{p[b]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
