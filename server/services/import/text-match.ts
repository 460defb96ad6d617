// Matching what people typed against what exists: names compare without case or surrounding
// space, and a near miss gets a suggestion ("did you mean 'Globex'?").

export const matchKey = (text: string) => text.trim().toLocaleLowerCase("en").replace(/\s+/g, " ");

// Headers also compare without punctuation: "Owner's E-mail" is "owners email".
export const headerKey = (text: string) =>
  matchKey(text)
    .replace(/[^\p{L}\p{N} ]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();

// Edit distance (insertions, deletions, substitutions), stopping early past `max`.
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

// The closest of the known names, when it is close enough to be a typo: at most a third of the
// name's letters wrong (and at most `most`), or one name starting with the other.
export function closest(typed: string, known: Iterable<string>, most = 3): string | null {
  const key = matchKey(typed);
  if (!key) return null;
  const limit = Math.min(most, Math.max(1, Math.floor(key.length / 3)));
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const other = matchKey(name);
    const distance = other.startsWith(key) || key.startsWith(other) ? Math.min(limit, 1) : editDistance(key, other, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}
