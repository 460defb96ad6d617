// What the REST API answers, as zod schemas: the OpenAPI document's response schemas are generated
// from these, and every answer is checked against them on its way out. Times are ISO 8601
// date-times in UTC; calendar days (renewal, due and start dates) are YYYY-MM-DD, as the inputs
// take them. Each schema with an `id` becomes a named component of the document.
import { z } from "zod";

const day = z.iso.date();
const time = z.iso.datetime();

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const isoDayOrNull = (d: Date | null) => (d ? isoDay(d) : null);
export const isoTime = (d: Date) => d.toISOString();
export const isoTimeOrNull = (d: Date | null) => (d ? isoTime(d) : null);

const band = z.enum(["HEALTHY", "WATCH", "AT_RISK"]);
const score = z.number().nullable();

export const partnerOrgSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    website: z.string().nullable(),
    region: z.string().nullable(),
    industry: z.string().nullable(),
    createdAt: time,
  })
  .meta({ id: "PartnerOrganisation" });

export const partnerOrgListSchema = z
  .object({
    items: z.array(partnerOrgSchema.extend({ partnerships: z.number().int(), contacts: z.number().int() })),
  })
  .meta({ id: "PartnerOrganisationList" });

export const partnershipSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    partnerOrgId: z.string(),
    partnerName: z.string(),
    ownerMemberId: z.string().nullable(),
    ownerName: z.string().nullable(),
    tier: z.enum(["STRATEGIC", "CORE", "EMERGING"]),
    phase: z.string(),
    renewalDate: day.nullable(),
    archivedAt: time.nullable(),
  })
  .meta({ id: "Partnership" });

export const partnershipListSchema = z.object({ items: z.array(partnershipSchema) }).meta({ id: "PartnershipList" });

export const cycleSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    status: z.enum(["DRAFT", "OPEN", "CLOSED"]),
    opensAt: day,
    closesAt: day,
    frameworkVersion: z.number().int(),
    responses: z.number().int(),
    rate: z.object({ asked: z.number().int(), answered: z.number().int(), percent: z.number().nullable() }),
  })
  .meta({ id: "Cycle" });

export const cycleListSchema = z.object({ items: z.array(cycleSchema) }).meta({ id: "CycleList" });

const withheldCycle = z.object({
  cycleLabel: z.string(),
  open: z.boolean(),
  responses: z.number().int(),
  asked: z.number().int(),
  text: z.string(),
});

export const scorecardSummarySchema = z
  .object({
    partnership: z.object({ id: z.string(), name: z.string(), partnerName: z.string() }),
    // The latest cycle whose figures may be shown under the workspace's confidentiality rule; null
    // when none may (too few responses so far) or the partnership has no scores yet.
    current: z
      .object({
        cycleLabel: z.string(),
        cycleOpen: z.boolean(),
        health: z.number(),
        band,
        change: score,
        responses: z.object({ host: z.number().int(), partner: z.number().int() }),
        notes: z.array(z.string()),
      })
      .nullable(),
    // Each pillar of that cycle. A side's score, and the gap, are null where confidentiality or
    // the workspace's sharing settings withhold them.
    pillars: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        score,
        band: band.nullable(),
        change: score,
        host: score,
        partner: score,
        gap: score,
        gapFlagged: z.boolean(),
      }),
    ),
    // Scored cycles whose figures are withheld: "too few responses (1 of 8)".
    withheld: z.array(withheldCycle),
  })
  .meta({ id: "ScorecardSummary" });

export const pillarScoresSchema = z
  .object({
    partnership: z.object({ id: z.string(), name: z.string(), partnerName: z.string() }),
    pillars: z.array(z.object({ key: z.string(), name: z.string() })),
    // One entry per cycle whose figures may be shown, oldest first.
    cycles: z.array(
      z.object({
        cycleLabel: z.string(),
        health: score,
        scores: z.array(z.object({ pillarKey: z.string(), score })),
      }),
    ),
    withheld: z.array(withheldCycle),
  })
  .meta({ id: "PillarScores" });

const person = z.object({ memberId: z.string(), name: z.string(), side: z.enum(["HOST", "PARTNER"]) });

export const actionSchema = z
  .object({
    id: z.string(),
    partnershipId: z.string(),
    title: z.string(),
    status: z.enum(["OPEN", "IN_PROGRESS", "DONE", "DROPPED"]),
    dueDate: day.nullable(),
    overdue: z.boolean(),
    owner: person.nullable(),
    pillarKey: z.string().nullable(),
    notes: z.string(),
    doneAt: time.nullable(),
    // Pass it back with a change: a change made on an older version is refused (409).
    version: z.number().int(),
    updatedAt: time,
  })
  .meta({ id: "Action" });

export const actionListSchema = z.object({ items: z.array(actionSchema) }).meta({ id: "ActionList" });

export const actionChangeSchema = z
  .object({ id: z.string(), version: z.number().int(), changed: z.array(z.string()) })
  .meta({ id: "ActionChange" });

export const goalSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    measure: z.string().meta({ description: "What is measured, e.g. Co-sold pipeline." }),
    unit: z.string().meta({ description: 'The measure\'s unit: "$", "deals", "%"; empty for a plain count.' }),
    startValue: z.number(),
    targetValue: z.number().meta({ description: "Below the start value when lower is better." }),
    startDate: day,
    dueDate: day,
    status: z.enum(["ACTIVE", "ACHIEVED", "MISSED", "DROPPED"]),
    version: z.number().int(),
    hostOwner: z.object({ memberId: z.string(), name: z.string() }).nullable(),
    partnerOwner: z.object({ memberId: z.string(), name: z.string() }).nullable(),
    latest: z
      .object({
        cycleLabel: z.string(),
        value: z.number().meta({ description: "The measured value, in the goal's unit." }),
        progress: z.number().int().meta({ description: "Computed: (value - start) / (target - start), as 0-100." }),
        note: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "Goal" });

export const goalListSchema = z.object({ items: z.array(goalSchema) }).meta({ id: "GoalList" });

export const goalChangeSchema = z.object({ id: z.string(), version: z.number().int() }).meta({ id: "GoalChange" });

export const memberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["OWNER", "ADMIN", "MANAGER", "EXECUTIVE", "PARTNER"]),
    partnerOrgId: z.string().nullable(),
    partnerOrgName: z.string().nullable(),
    since: time,
  })
  .meta({ id: "Member" });

export const memberListSchema = z.object({ items: z.array(memberSchema) }).meta({ id: "MemberList" });

const side = z.enum(["HOST", "PARTNER"]).meta({ description: "HOST: the workspace's company; PARTNER: the partner organisation." });
const namedPerson = z.object({ memberId: z.string(), name: z.string() });

export const exchangeItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["ASK", "OFFER"]),
    side: side.meta({ description: "The side that made it." }),
    title: z.string(),
    detail: z.string(),
    counterpart: z.string().meta({ description: "Of whom (an ask) or to whom (an offer): a person or role, as typed." }),
    counterpartMember: namedPerson.nullable(),
    dueDate: day.nullable().meta({ description: "An ask's by-when date; an offer's from-when date." }),
    status: z.enum(["OPEN", "CLARIFY", "ACCEPTED", "DECLINED", "DELIVERED", "LAPSED", "WITHDRAWN"]),
    maker: namedPerson.nullable(),
    responder: namedPerson.nullable(),
    responseNote: z.string().meta({ description: "The other side's last answer: a decline's reason, a question." }),
    deliveredAt: time.nullable(),
    rating: z.number().int().nullable().meta({ description: "1-5, given by the side that received it." }),
    ratingNote: z.string(),
    actionId: z.string().nullable(),
    canDo: z
      .array(z.enum(["accept", "decline", "clarify", "answer", "withdraw", "deliver", "lapse", "toAction"]))
      .meta({ description: "The moves the token's member may make on it now." }),
    version: z.number().int(),
    createdAt: time,
  })
  .meta({ id: "ExchangeItem" });

const sideBalance = z.object({
  asksMade: z.number().int(),
  asksReceived: z.number().int(),
  asksFulfilled: z.number().int().meta({ description: "Of the asks received, how many this side delivered." }),
  offersMade: z.number().int(),
  offersDelivered: z.number().int(),
  valueReceived: z.number().int().meta({ description: "Sum of the ratings of what was delivered to this side (3 when unrated)." }),
  valueGiven: z.number().int(),
});

const balanceShape = {
  HOST: sideBalance,
  PARTNER: sideBalance,
  delivered: z.number().int(),
  index: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Reciprocity, 0 (only one side gave) to 100 (balanced); null before any delivery." }),
  oneSided: z.boolean().meta({ description: "Index below 40 with at least 4 deliveries." }),
};

export const exchangeSchema = z
  .object({
    names: z.object({ HOST: z.string(), PARTNER: z.string() }),
    viewerSide: side.meta({ description: "The side the token's member speaks for." }),
    items: z.array(exchangeItemSchema),
    balance: z.object({
      cycle: z.object({ cycleId: z.string(), label: z.string(), ...balanceShape }).nullable(),
      year: z.object({ year: z.number().int(), ...balanceShape }),
    }),
  })
  .meta({ id: "Exchange" });

export const exchangeChangeSchema = z
  .object({ id: z.string(), status: exchangeItemSchema.shape.status, version: z.number().int() })
  .meta({ id: "ExchangeChange" });
