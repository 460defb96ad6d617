// Command-line flags for the scale generator and the benchmark: `--name value` or
// `--name=value`, validated with messages that say what to type instead.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface FlagSpec {
  // Flags that take a value; the rest are switches.
  values: readonly string[];
  switches: readonly string[];
}

export function parseFlags(argv: readonly string[], spec: FlagSpec) {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // npm passes a lone "--" through when the flags came after `npm run x --`.
    if (arg === "--") continue;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument "${arg}".`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    if (spec.switches.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      switches.add(name);
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value.`);
      if (values.has(name)) throw new UsageError(`--${name} was given twice.`);
      values.set(name, value);
    } else {
      const known = [...spec.values, ...spec.switches].map((n) => `--${n}`).join(", ");
      throw new UsageError(`Unknown option --${name}. Known options: ${known}.`);
    }
  }
  return { values, switches };
}

// A whole number in [min, max], or the default when the flag is absent.
export function intFlag(values: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = values.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, not "${raw}".`);
  const n = Number(raw);
  if (n < min || n > max) {
    throw new UsageError(`--${name} must be between ${min.toLocaleString("en-US")} and ${max.toLocaleString("en-US")} (got ${raw}).`);
  }
  return n;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

export function slugFlag(values: Map<string, string>, name: string, fallback: string): string {
  const slug = values.get(name) ?? fallback;
  if (!SLUG.test(slug)) throw new UsageError(`--${name} must be 3-40 lowercase letters, digits or hyphens (got "${slug}").`);
  return slug;
}
