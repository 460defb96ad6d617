// Axes for health charts: fitted to the figures shown, with even ticks, so a change of a few
// points is visible instead of a flat line on 0-100; the health bands stay behind as context
// wherever the fitted range reaches them.

export interface FittedAxis {
  domain: [number, number];
  ticks: number[];
}

// Round steps that divide 100, so a range that reaches either end still ends on a tick.
const STEPS = [2, 5, 10, 20, 25];
const MAX_INTERVALS = 6;

export function fitHealthAxis(values: ReadonlyArray<number | null | undefined>, { min = 0, max = 100, minSpan = 20 } = {}): FittedAxis {
  const shown = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (shown.length === 0) return { domain: [min, max], ticks: evenTicks(min, max, 20) };
  let lo = Math.min(...shown);
  let hi = Math.max(...shown);
  // A span of at least minSpan points: a 3-point wobble should not fill the chart's height.
  if (hi - lo < minSpan) {
    const middle = (lo + hi) / 2;
    lo = middle - minSpan / 2;
    hi = middle + minSpan / 2;
  }
  const pad = Math.max(2, (hi - lo) * 0.1);
  lo -= pad;
  hi += pad;
  const step = STEPS.find((s) => Math.ceil(hi / s) - Math.floor(lo / s) <= MAX_INTERVALS) ?? 25;
  let from = Math.floor(lo / step) * step;
  let to = Math.ceil(hi / step) * step;
  // Kept inside the scale, shifted rather than cut so the span stays.
  if (from < min) [from, to] = [min, Math.min(max, to + (min - from))];
  if (to > max) [from, to] = [Math.max(min, from - (to - max)), max];
  return { domain: [from, to], ticks: evenTicks(from, to, step) };
}

function evenTicks(from: number, to: number, step: number): number[] {
  const ticks: number[] = [];
  for (let t = from; t <= to + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  return ticks;
}

// Every cycle labelled: recharts skips labels that would touch; past a few cycles they tilt.
export function cycleAxisProps(count: number, fontSize = 12) {
  const tilted = count > 6;
  return {
    interval: 0 as const,
    tick: { fontSize: tilted ? fontSize - 1 : fontSize },
    ...(tilted ? { angle: -35, textAnchor: "end" as const, height: 52 } : {}),
  };
}
