// A goal's measure: what is measured, in a unit, from a start value to a target value. Progress is
// computed from the measured value, never typed: (value - start) / (target - start), so a target
// below the start (lower is better) works the same way. Pure, so the pages, the schedule rule,
// the renewal review and the tests agree.

export interface Measure {
  unit: string;
  startValue: number;
  targetValue: number;
}

const CURRENCIES = new Set(["$", "€", "£"]);

// Progress as a share of the way from start to target, 0-100, rounded. Above the target counts
// as 100 and behind the start as 0; the value itself is always shown beside it.
export function measuredProgress(m: Measure, value: number): number {
  const span = m.targetValue - m.startValue;
  if (span === 0) return value === m.targetValue ? 100 : 0;
  const share = ((value - m.startValue) / span) * 100;
  return Math.round(Math.min(100, Math.max(0, share)));
}

// The value that would give this progress: how the old percentages became values.
export const valueAtProgress = (m: Measure, progress: number) => m.startValue + (progress / 100) * (m.targetValue - m.startValue);

const plain = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(n);

// Money reads as people write it: "$2.0M", "$850K", "$1,200". `scale`: the amount whose size
// decides millions or thousands, so a value beside its target reads "$0.4M of $2.0M".
function money(n: number, scale = n): string {
  const size = Math.abs(scale);
  const sign = n < 0 ? "-" : "";
  const abs = Math.abs(n);
  if (size >= 1e9) return `${sign}${(abs / 1e9).toFixed(1)}B`;
  if (size >= 1e6) return `${sign}${(abs / 1e6).toFixed(1)}M`;
  if (size >= 1e4) return `${sign}${plain(Math.round(abs / 1e3))}K`;
  return `${sign}${plain(abs)}`;
}

// One value in the measure's unit, standing alone: "$1.2M", "38%", "14 deals", "14".
export function formatValue(unit: string, value: number, scale = value): string {
  if (CURRENCIES.has(unit)) return `${unit}${money(value, Math.max(Math.abs(value), Math.abs(scale)))}`;
  if (unit === "%") return `${plain(value)}%`;
  return unit ? `${plain(value)} ${unit}` : plain(value);
}

// A value against the target, as people say it: "$1.2M of $2.0M", "14 of 20 deals", "38% of 50%".
export function formatAgainstTarget(m: Measure, value: number): string {
  if (CURRENCIES.has(m.unit) || m.unit === "%")
    return `${formatValue(m.unit, value, m.targetValue)} of ${formatValue(m.unit, m.targetValue)}`;
  return `${plain(value)} of ${formatValue(m.unit, m.targetValue)}`;
}

// The whole measure in a line: "from $0.4M to $2.0M", or "20 deals" when it starts at 0.
export function formatRange(m: Measure): string {
  if (m.startValue === 0) return formatValue(m.unit, m.targetValue);
  return `from ${formatValue(m.unit, m.startValue, m.targetValue)} to ${formatValue(m.unit, m.targetValue, m.startValue)}`;
}
