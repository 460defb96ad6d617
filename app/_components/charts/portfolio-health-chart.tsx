"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BAND_COLOR, type Band } from "../../_lib/format";
import { bandAreas } from "./bands";

interface Row {
  id: string;
  name: string;
  health: number | null;
  band: Band | null;
}

// Current health by partnership, coloured by band; a bar opens that partnership's scorecard.
export function PortfolioHealthChart({ rows, slug }: { rows: Row[]; slug: string }) {
  const router = useRouter();
  const data = rows.filter((r) => r.health !== null);
  return (
    <figure aria-label="Current health index by partnership" style={{ height: Math.max(160, data.length * 28 + 40) }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 8 }}>
          {bandAreas("x")}
          <CartesianGrid stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 60, 75, 100]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={210} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? Math.round(v) : v)} />
          <Bar
            dataKey="health"
            name="Health index"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry) => {
              const id = (entry as unknown as { payload?: Row }).payload?.id;
              if (id) router.push(`/w/${slug}/partnerships/${id}`);
            }}
          >
            {data.map((r) => (
              <Cell key={r.id} fill={BAND_COLOR[r.band ?? "WATCH"]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
