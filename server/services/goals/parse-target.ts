// The rules the goal-measures migration used to read an old free-text target as a number and a
// unit ("$2.0M" -> 2000000 "$", "20 deals" -> 20 "deals", "50%" -> 50 "%", "40" -> 40 ""). The
// migration ran them in SQL (ph_goal_target_parse in
// prisma/migrations/20261208000000_goal_measures); this twin keeps them readable and unit-tested,
// and tests/integration/goal-target-parse.test.ts checks that both agree case by case.
export const TARGET_PATTERN = /^\s*([$€£])?\s*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?:(bn|k|m|b)(?![a-z]))?\s*(%|[a-z][a-z ./'-]*)?\s*$/i;

const MULTIPLIER: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

// Null when the text does not read as one number with at most one unit, when it names both a
// currency and a word unit ("$2M ARR"), when the unit is longer than 40 characters, or when the
// target is 0 (the start value every migrated goal got, so no progress could be measured).
export function parseTarget(text: string): { unit: string; target: number } | null {
  const m = TARGET_PATTERN.exec(text);
  if (!m) return null;
  const [, currency, digits, suffix, word] = m;
  const target = Number(digits!.replaceAll(",", "")) * (suffix ? MULTIPLIER[suffix.toLowerCase()]! : 1);
  const unit = currency ?? word?.trim() ?? "";
  if (target === 0 || (currency && word) || (word?.trim().length ?? 0) > 40) return null;
  return { unit, target };
}
