// What the portfolio procedures accept and return. The page reads the same names from its URL,
// so a link shares a view: every filter, the sort and the page are plain query parameters.
import { z } from "zod";

export const TIERS = ["STRATEGIC", "CORE", "EMERGING"] as const;
// Exited partnerships are out of the active portfolio, so they are no filter choice either.
export const ACTIVE_PHASES = ["EXPLORING", "ONBOARDING", "ACTIVE", "RENEWAL_REVIEW", "RENEWED"] as const;
export const BAND_FILTERS = ["HEALTHY", "WATCH", "AT_RISK", "NONE"] as const;
export const FIXED_SORTS = ["name", "health", "change"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
// The lists beside the heatmap show their first few; "show all" asks for up to this many.
export const INSIGHT_PREVIEW = 5;
export const INSIGHT_EXPANDED = 100;

const text = z.string().trim().min(1).max(200);

export const filtersSchema = z.object({
  tier: z.enum(TIERS).optional(),
  phase: z.enum(ACTIVE_PHASES, { error: "Filter by an active phase; exited partnerships are not in the portfolio." }).optional(),
  // A member id: the partnership's owner.
  owner: z.string().trim().min(1).max(64).optional(),
  region: text.optional(),
  industry: text.optional(),
  // The partnership's current band; NONE for those without a score yet.
  band: z.enum(BAND_FILTERS).optional(),
});
export type PortfolioFilters = z.infer<typeof filtersSchema>;

// "name", "health", "change", or "pillar:<pillar key>" for a pillar's column.
export const sortSchema = z
  .string()
  .max(140)
  .refine((s) => (FIXED_SORTS as readonly string[]).includes(s) || /^pillar:.+$/.test(s), {
    error: (issue) => `Cannot sort by "${String(issue.input)}": use name, health, change or pillar:<pillar key>.`,
  });

export const overviewInput = filtersSchema.extend({
  sort: sortSchema.default("health"),
  // Each column has its natural direction (names A-Z, scores highest first) unless given.
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.number({ error: "The page is a number from 1." }).int().min(1, "Pages start at 1.").max(100_000).default(1),
  pageSize: z
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { error: `Show ${PAGE_SIZES.join(", ")} rows per page.` })
    .default(DEFAULT_PAGE_SIZE),
  // Which insight list to show in full ("show all").
  expand: z.enum(["gaps", "responses", "balance"]).optional(),
});
export type OverviewInput = z.infer<typeof overviewInput>;

const score = z.number().nullable();
export const bandSchema = z.enum(["HEALTHY", "WATCH", "AT_RISK"]);
const bandCounts = { HEALTHY: z.number(), WATCH: z.number(), AT_RISK: z.number() };
const named = { id: z.string(), name: z.string(), partnerName: z.string() };
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

export const portfolioOutput = z.object({
  filters: z.object({
    applied: filtersSchema,
    options: z.object({
      owners: z.array(z.object({ id: z.string(), name: z.string() })),
      regions: z.array(z.string()),
      industries: z.array(z.string()),
    }),
  }),
  summary: z.object({
    // Active partnerships matching the filter, and those with a score.
    partnerships: z.number(),
    scored: z.number(),
    // Active partnerships in the workspace, whatever the filter.
    active: z.number(),
    average: score,
    median: score,
    q1: score,
    q3: score,
    // The mean of each partnership's own change, so partnerships scored in different cycles
    // compare like with like.
    change: score,
    bands: z.object({ ...bandCounts, NONE: z.number() }),
  }),
  // One point per cycle, oldest first, over the partnerships matching the filter.
  series: z.array(
    z.object({
      label: z.string(),
      scored: z.number(),
      average: score,
      median: score,
      q1: score,
      q3: score,
      ...bandCounts,
    }),
  ),
  // The heatmap's columns besides health: the newest framework's pillars first, then pillars
  // only older cycles scored.
  pillarKeys: z.array(z.object({ key: z.string(), name: z.string() })),
  sort: z.object({ column: z.string(), dir: z.enum(["asc", "desc"]) }),
  page: z.object({ number: z.number(), size: z.number(), pages: z.number(), total: z.number() }),
  // The heatmap's rows on this page.
  rows: z.array(
    z.object({
      ...named,
      tier: z.string(),
      phase: z.string(),
      ownerName: z.string().nullable(),
      // The cycle the figures come from: the latest whose figures may be shown.
      cycleLabel: z.string().nullable(),
      // A newer cycle whose figures may not be shown ("too few responses (1 of 8)"): the row keeps
      // its last showable cycle (or shows no figures) and stays out of the movers and at-risk lists.
      withheld: z.object({ cycleLabel: z.string(), text: z.string() }).nullable(),
      health: score,
      band: bandSchema.nullable(),
      change: score,
      // By pillar key: the combined score of the current cycle, its band and its change.
      pillars: z.record(z.string(), score),
      pillarBands: z.record(z.string(), bandSchema.nullable()),
      pillarChanges: z.record(z.string(), score),
      // The give/get balance of the calendar year (reciprocityYear): the reciprocity index (null
      // while nothing was delivered), the deliveries behind it and the one-sided flag; null when
      // nothing was asked or offered.
      reciprocity: z.object({ index: score, delivered: z.number(), oneSided: z.boolean() }).nullable(),
    }),
  ),
  // The period of the reciprocity figures: the portfolio has no period filter, so the calendar year.
  reciprocityYear: z.number(),
  insights: z.object({
    moversUp: list(z.object({ ...named, health: z.number(), change: z.number() })),
    moversDown: list(z.object({ ...named, health: z.number(), change: z.number() })),
    atRisk: list(z.object({ ...named, health: z.number(), change: score })),
    gaps: list(
      z.object({
        ...named,
        pillar: z.string(),
        gap: z.number(),
        higher: z.enum(["HOST", "PARTNER"]),
        cycleLabel: z.string(),
        text: z.string(),
      }),
    ),
    // Lowest reciprocity index first, among partnerships with at least one delivery this year.
    leastBalanced: list(
      z.object({
        ...named,
        index: z.number(),
        delivered: z.number(),
        oneSided: z.boolean(),
        given: z.object({ HOST: z.number(), PARTNER: z.number() }),
        text: z.string(),
      }),
    ),
    responseRates: z.object({
      cycleLabel: z.string().nullable(),
      cycleOpen: z.boolean(),
      items: z.array(z.object({ ...named, asked: z.number(), answered: z.number(), percent: z.number() })),
      total: z.number(),
    }),
  }),
});
export type Portfolio = z.infer<typeof portfolioOutput>;
export type PortfolioRow = Portfolio["rows"][number];

// One batch of the CSV export: the partnerships after `after` in name order, each with its
// scores per cycle. Every figure confidentiality withholds is null, and `note` says why.
export const exportInput = filtersSchema.extend({
  after: z.string().min(1).max(64).optional(),
});
export const exportOutput = z.object({
  partnerships: z.array(
    z.object({
      name: z.string(),
      partner: z.string(),
      tier: z.string(),
      phase: z.string(),
      owner: z.string().nullable(),
      region: z.string().nullable(),
      industry: z.string().nullable(),
      cycles: z.array(
        z.object({
          label: z.string(),
          health: score,
          responses: z.object({ host: z.number(), partner: z.number() }),
          hostVisible: z.boolean(),
          partnerVisible: z.boolean(),
          // Why the cycle's figures, or its pillar scores, are withheld; null when nothing is.
          note: z.string().nullable(),
          pillars: z.array(z.object({ name: z.string(), host: score, partner: score, combined: score })),
        }),
      ),
      // The reciprocity index of each cycle with an exchange delivered in it (asks and offers
      // counted in the cycle in which they were made), with the deliveries behind it.
      reciprocity: z.array(z.object({ label: z.string(), index: z.number(), delivered: z.number(), oneSided: z.boolean() })),
    }),
  ),
  // The id to pass as `after` for the next batch; null after the last.
  next: z.string().nullable(),
});
export type ExportBatch = z.infer<typeof exportOutput>;
