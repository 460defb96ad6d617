// Suggests the label of the next cycle: the quarter after the newest cycle's ("2026-Q4" ->
// "2027-Q1"), or the current quarter when there is none. Labels in another style get no guess.
export function nextCycleLabel(newest: string | undefined, today: Date): string {
  if (!newest) return `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
  const match = /^(\d{4})-Q([1-4])$/i.exec(newest.trim());
  if (!match) return "";
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}
