// What the scorecard procedure returns. Every figure is already computed and rounded, and every
// field a viewer may not see is null or empty here, on the server, not merely hidden by the page.
import { z } from "zod";

const score = z.number().nullable();
const bandSchema = z.enum(["HEALTHY", "WATCH", "AT_RISK"]);
const side = z.enum(["HOST", "PARTNER"]);

const rate = z.object({ asked: z.number(), answered: z.number(), percent: z.number().nullable() });

export const sharingSchema = z.object({
  scores: z.boolean(),
  trends: z.boolean(),
  comments: z.boolean(),
  sides: z.boolean(),
  statements: z.boolean(),
});
export type Sharing = z.infer<typeof sharingSchema>;

export const commentSchema = z.object({
  cycleLabel: z.string(),
  side,
  sideLabel: z.string(),
  // Only in attributed mode.
  author: z.string().nullable(),
  text: z.string(),
});

export const commentsPageSchema = z.object({
  // The cycles this page covers, newest first.
  cycleLabels: z.array(z.string()),
  pillars: z.array(z.object({ key: z.string(), name: z.string(), comments: z.array(commentSchema) })),
  // Why some comments of these cycles are not shown (a side below the threshold).
  withheld: z.array(z.string()),
  // Pass as `offset` for the next, older page; null when there is none.
  nextOffset: z.number().nullable(),
});
export type CommentsPage = z.infer<typeof commentsPageSchema>;

export const statementRowSchema = z.object({
  key: z.string(),
  text: z.string(),
  host: score,
  partner: score,
  // Each side counts equally, as for pillars.
  combined: score,
  // Against the previous scored cycle, matched by statement key across framework versions.
  change: score,
  // Combined statement score minus the pillar's combined score.
  vsPillar: score,
  // Per side only where that side shows; the total always.
  dontKnow: z.object({ host: z.number().nullable(), partner: z.number().nullable(), total: z.number() }),
  answered: z.number(),
  // The statement that pulls its pillar down most, and the one that lifts it most.
  pull: z.enum(["DOWN", "UP"]).nullable(),
});
export type StatementRow = z.infer<typeof statementRowSchema>;

export const statementsSchema = z.object({
  cycleLabel: z.string(),
  previousCycleLabel: z.string().nullable(),
  hostVisible: z.boolean(),
  partnerVisible: z.boolean(),
  notes: z.array(z.string()),
  pillars: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      score,
      band: bandSchema.nullable(),
      // What of this pillar's breakdown shows (whole or not at all), and why not, when not.
      combinedVisible: z.boolean(),
      hostVisible: z.boolean(),
      partnerVisible: z.boolean(),
      note: z.string().nullable(),
      statements: z.array(statementRowSchema),
    }),
  ),
});

// A scored cycle whose figures may not be shown: "too few responses (1 of 8)".
export const withheldCycleSchema = z.object({
  cycleLabel: z.string(),
  open: z.boolean(),
  // Responses submitted, and the people asked.
  responses: z.number(),
  asked: z.number(),
  text: z.string(),
});

export const scorecardOutput = z.object({
  partnership: z.object({
    id: z.string(),
    name: z.string(),
    partnerName: z.string(),
    tier: z.string(),
    phase: z.string(),
    renewalDate: z.date().nullable(),
    ownerName: z.string().nullable(),
  }),
  // Who is looking, and how each side is named from where they stand.
  viewer: z.object({ partner: z.boolean(), hostLabel: z.string(), partnerLabel: z.string(), workspaceName: z.string() }),
  // What partner contacts see of this scorecard (the workspace setting), and a sentence saying so.
  sharing: sharingSchema.extend({ note: z.string() }),
  // The latest cycle with a score, shown even when the scores themselves are not shared.
  cycle: z.object({ label: z.string(), open: z.boolean() }).nullable(),
  // The latest cycle whose figures may be shown (confidentiality.ts), which may be older than
  // `cycle`; its change is against the showable cycle before it.
  current: z
    .object({
      cycleLabel: z.string(),
      cycleOpen: z.boolean(),
      health: z.number(),
      band: bandSchema,
      bandLabel: z.string(),
      change: score,
      responses: z.object({ host: z.number(), partner: z.number() }),
      // Why something of the headline is not what the reader might expect: a newer cycle with too
      // few responses, pillar scores withheld.
      notes: z.array(z.string()),
    })
    .nullable(),
  // Scored cycles whose figures may not be shown, oldest first: the trend skips them.
  withheld: z.array(withheldCycleSchema),
  pillars: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      score,
      band: bandSchema.nullable(),
      change: score,
      host: score,
      partner: score,
      gap: score,
      gapFlagged: z.boolean(),
      higher: side.nullable(),
      // A flagged gap in words, told from the viewer's side.
      gapSentence: z.string().nullable(),
      // Whether each side's score of this pillar may be shown (of the sides' cycle).
      hostShown: z.boolean(),
      partnerShown: z.boolean(),
    }),
  ),
  sides: z.object({
    // Whether this viewer gets each side's own numbers at all.
    shown: z.boolean(),
    // The cycle the host and partner figures come from (see buildScorecard).
    cycleLabel: z.string().nullable(),
    hostVisible: z.boolean(),
    partnerVisible: z.boolean(),
    threshold: z.number(),
    notes: z.array(z.string()),
  }),
  seriesKeys: z.array(z.object({ key: z.string(), name: z.string() })),
  // One point per cycle, oldest first: { label, health, <pillar key>: score }.
  series: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  // The trend in one or two sentences, for the chart's accessible name.
  trendSummary: z.string().nullable(),
  statements: statementsSchema.nullable(),
  // Of the latest scored cycle's participants, how many of each side answered.
  responseRate: z.object({ cycleLabel: z.string(), host: rate.nullable(), partner: rate.nullable() }).nullable(),
  comments: commentsPageSchema.nullable(),
});
export type Scorecard = z.infer<typeof scorecardOutput>;
