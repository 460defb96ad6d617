// The demo's value exchange (issue 15; docs/value-exchange.md): what Northwind and two partners
// asked of each other and offered this year. Globex gives far more than it gets: it fulfilled 7 of
// Northwind's 9 asks, while Northwind fulfilled 3 of Globex's 8, so its exchange is one-sided and
// its scorecard says so. Initech's is balanced. A few items are still open, so each demo login has
// something to answer: Globex's newest ask waits for Northwind, Northwind's newest for Gina.
// Written as the moves would have written them: each item with its history of events.
import type { ExchangeKind, ExchangeStatus, Side } from "../server/db/generated/client";
import { alertIfOneSided } from "../server/services/alerts/one-sided";
import { scopedTo, type Db } from "./factories";

const DAY = 86_400_000;
const day = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

interface Person {
  id: string;
  side: Side;
}

interface ItemSpec {
  kind: ExchangeKind;
  by: Person;
  // The other side's person who answers it, and the person or role it names.
  answerer: Person;
  counterpart: string;
  title: string;
  detail: string;
  // Days before now it was made; days after that it was due (an offer: from when).
  madeAgo: number;
  dueIn: number;
  status: ExchangeStatus;
  // DELIVERED: days after it was made, and the receiving side's rating and note.
  deliveredIn?: number;
  rating?: number;
  ratingNote?: string;
  // DECLINED: the reason; CLARIFY: the question.
  note?: string;
}

// The side that confirms delivery: an ask's asker, an offer's receiver.
const confirmer = (i: ItemSpec) => (i.kind === "ASK" ? i.by : i.answerer);

async function seedItem(db: Db, ws: string, partnershipId: string, now: Date, i: ItemSpec) {
  const made = new Date(now.getTime() - i.madeAgo * DAY);
  const answered = new Date(made.getTime() + 2 * DAY);
  const delivered = i.status === "DELIVERED" ? new Date(made.getTime() + (i.deliveredIn ?? 14) * DAY) : null;
  const answeredBy = i.status === "OPEN" ? null : i.answerer.id;
  const item = await db.exchangeItem.create({
    data: {
      workspaceId: ws,
      partnershipId,
      kind: i.kind,
      side: i.by.side,
      title: i.title,
      detail: i.detail,
      counterpart: i.counterpart,
      counterpartMemberId: i.kind === "ASK" ? i.answerer.id : null,
      dueDate: day(new Date(made.getTime() + i.dueIn * DAY)),
      status: i.status,
      makerId: i.by.id,
      responderId: answeredBy,
      responseNote: i.status === "DECLINED" || i.status === "CLARIFY" ? (i.note ?? "") : "",
      deliveredAt: delivered,
      deliveredById: delivered ? confirmer(i).id : null,
      rating: delivered ? (i.rating ?? null) : null,
      ratingNote: delivered ? (i.ratingNote ?? "") : "",
      version: i.status === "OPEN" ? 1 : i.status === "DELIVERED" || i.status === "LAPSED" ? 3 : 2,
      createdAt: made,
    },
  });
  const events: { memberId: string; move: string; status: ExchangeStatus; note?: string; at: Date }[] = [
    { memberId: i.by.id, move: "create", status: "OPEN", at: made },
  ];
  if (i.status === "DECLINED") events.push({ memberId: i.answerer.id, move: "decline", status: i.status, note: i.note, at: answered });
  if (i.status === "CLARIFY") events.push({ memberId: i.answerer.id, move: "clarify", status: i.status, note: i.note, at: answered });
  if (i.status === "ACCEPTED" || i.status === "DELIVERED" || i.status === "LAPSED")
    events.push({ memberId: i.answerer.id, move: "accept", status: "ACCEPTED", at: answered });
  if (delivered) events.push({ memberId: confirmer(i).id, move: "deliver", status: "DELIVERED", note: i.ratingNote, at: delivered });
  if (i.status === "LAPSED")
    events.push({ memberId: i.by.id, move: "lapse", status: "LAPSED", at: new Date(made.getTime() + (i.dueIn + 3) * DAY) });
  await db.exchangeEvent.createMany({
    data: events.map((e) => ({
      workspaceId: ws,
      itemId: item.id,
      memberId: e.memberId,
      move: e.move,
      status: e.status,
      note: e.note ?? "",
      createdAt: e.at,
    })),
  });
}

// Asks one person makes of another: each delivered unless its own fields say otherwise.
const asksOf =
  (by: Person, answerer: Person, counterpart: string) =>
  (title: string, detail: string, madeAgo: number, rest: Partial<ItemSpec>): ItemSpec => ({
    kind: "ASK",
    by,
    answerer,
    counterpart,
    title,
    detail,
    madeAgo,
    dueIn: 30,
    status: "DELIVERED",
    ...rest,
  });

export interface ExchangeInput {
  workspaceId: string;
  now: Date;
  globex: { partnershipId: string; owner: Person; team: Person[]; contacts: Person[] };
  initech: { partnershipId: string; owner: Person; contacts: Person[] };
}

// Days before now, so every item falls in the calendar year the demo is seeded in, when it is
// seeded late in the year (the balance's "this year" period): the oldest is 200 days back.
export async function seedExchange(db: Db, r: ExchangeInput) {
  const { workspaceId: ws, now, globex, initech } = r;
  const [morgan, sam] = [globex.owner, globex.team[0]!];
  const [gina, gContact] = [globex.contacts[0]!, globex.contacts[1]!];
  const delivered = (rating: number, deliveredIn: number, ratingNote = "") =>
    ({ status: "DELIVERED", rating, deliveredIn, ratingNote }) as const;
  const ofGlobex = asksOf(morgan, gina, "Globex alliance lead");
  const ofNorthwind = asksOf(gina, morgan, "Northwind partner manager");

  const globexItems: ItemSpec[] = [
    // Northwind's 9 asks of Globex: 7 delivered, 1 accepted and under way, 1 waiting for Gina.
    ofGlobex(
      "Three warm intros to Nordic retailers",
      "Our Q2 pipeline needs named accounts in the Nordics.",
      200,
      delivered(5, 18, "Two turned into opportunities."),
    ),
    ofGlobex("A Globex solution engineer on the Contoso bid", "The bid is won or lost on the migration plan.", 175, delivered(4, 12)),
    ofGlobex(
      "Joint case study draft for the retail vertical",
      "Field sales asked for proof in retail.",
      150,
      delivered(5, 25, "Used in every retail pitch since."),
    ),
    ofGlobex("Marketplace listing reviewed by Globex's cloud team", "Listing rejected twice on technical grounds.", 130, delivered(4, 9)),
    ofGlobex("Speaking slot for Northwind at Globex Summit", "Our largest audience of the year.", 110, delivered(4, 40)),
    ofGlobex("Co-sell forecast for EMEA by region", "We plan partner headcount from it.", 80, delivered(5, 10)),
    ofGlobex(
      "Pricing feedback from five Globex resellers",
      "Before the new tiers are published.",
      60,
      delivered(3, 20, "Three of five answered."),
    ),
    ofGlobex("Nominate two engineers for the certification cohort", "The cohort starts in January and has 12 seats.", 25, {
      status: "ACCEPTED",
      dueIn: 40,
    }),
    ofGlobex("Introduce us to Globex's public-sector lead", "Two state tenders close in the spring.", 3, { status: "OPEN", dueIn: 30 }),
    // Globex's 8 asks of Northwind: 3 delivered, 2 lapsed, 1 declined, 1 overdue, 1 waiting.
    ofNorthwind(
      "Roadmap briefing for the Globex alliance team",
      "Our sellers keep getting asked about Q3 features.",
      190,
      delivered(3, 20),
    ),
    ofNorthwind("Northwind MDF for the Globex partner summit booth", "We co-fund half; the booth needs a decision by March.", 170, {
      status: "LAPSED",
      dueIn: 20,
    }),
    ofNorthwind(
      "Sandbox accounts for 20 Globex engineers",
      "The certification cohort needs hands-on time.",
      140,
      delivered(2, 45, "Came a month late, after the cohort started."),
    ),
    ofNorthwind("Named escalation contact for outage calls", "Customers wait hours for the right person.", 120, {
      status: "LAPSED",
      dueIn: 21,
    }),
    ofNorthwind("Exclusive territory for Globex in Canada", "To justify the resale investment.", 95, {
      status: "DECLINED",
      note: "Our channel policy keeps every territory open; we can offer registered-deal protection instead.",
    }),
    ofNorthwind("Deal registration answers within two business days", "Registrations sat a week last quarter.", 70, delivered(3, 30)),
    ofNorthwind("Pricing changes shared two weeks before customers hear", "Twice this year customers told us first.", 50, {
      status: "ACCEPTED",
      dueIn: 21,
    }),
    ofNorthwind("Joint webinar on the migration toolkit", "Our customers ask how to move workloads.", 4, {
      status: "OPEN",
      dueIn: 45,
      answerer: sam,
      counterpart: "Northwind partner marketing",
    }),
    // Offers: Globex's two, both delivered to Northwind; Northwind's one.
    {
      kind: "OFFER",
      by: gContact,
      answerer: morgan,
      counterpart: "Northwind's field sales",
      title: "Globex pre-sales engineers for Northwind's top 10 deals",
      detail: "Two days a month of solution-engineer time.",
      madeAgo: 160,
      dueIn: 7,
      ...delivered(5, 30, "Closed two of the ten."),
    },
    {
      kind: "OFFER",
      by: gina,
      answerer: morgan,
      counterpart: "Northwind marketing",
      title: "A feature in Globex's partner newsletter",
      detail: "Reaches 40,000 Globex customers.",
      madeAgo: 90,
      dueIn: 14,
      ...delivered(4, 21),
    },
    {
      kind: "OFFER",
      by: sam,
      answerer: gina,
      counterpart: "Globex sellers",
      title: "Northwind product training for Globex sellers",
      detail: "A half-day session, recorded.",
      madeAgo: 100,
      dueIn: 10,
      ...delivered(3, 15),
    },
  ];

  const laura = initech.contacts[0]!;
  const ofInitech = asksOf(initech.owner, laura, "Initech alliance lead");
  const ofNorthwindByInitech = asksOf(laura, initech.owner, "Northwind partner manager");
  const initechItems: ItemSpec[] = [
    ofInitech("Two reference customers for the joint solution", "Prospects want to hear from a live customer.", 180, delivered(4, 35)),
    ofInitech("Initech architect on the Hooli workshop", "The customer wants both vendors in the room.", 120, delivered(4, 10)),
    ofInitech("Initech's integration test results for release 5", "We certify the connector on them.", 75, delivered(3, 14)),
    ofInitech("A co-sell lead named for each region", "So regional teams know whom to call.", 20, { status: "ACCEPTED", dueIn: 30 }),
    ofNorthwindByInitech("Early access to the Northwind 5.0 API", "Our connector must be ready on launch day.", 170, delivered(4, 12)),
    ofNorthwindByInitech("Joint booth at the Initech user conference", "Shared cost, shared leads.", 110, delivered(3, 40)),
    ofNorthwindByInitech("Northwind product manager on our quarterly roadmap call", "To align the two roadmaps.", 65, delivered(4, 8)),
    ofNorthwindByInitech("Northwind to fund the full reference architecture", "It serves both of us.", 40, {
      status: "DECLINED",
      note: "We fund half, as agreed for joint assets; happy to share the writing.",
    }),
    {
      kind: "OFFER",
      by: initech.owner,
      answerer: laura,
      counterpart: "Initech sellers",
      title: "Seats in Northwind's sales bootcamp",
      detail: "Four seats in the spring bootcamp.",
      madeAgo: 150,
      dueIn: 20,
      ...delivered(4, 30),
    },
    {
      kind: "OFFER",
      by: laura,
      answerer: initech.owner,
      counterpart: "Northwind solution engineers",
      title: "Initech demo environment for Northwind's SEs",
      detail: "A standing environment with both products.",
      madeAgo: 100,
      dueIn: 10,
      ...delivered(4, 12),
    },
  ];

  for (const item of globexItems) await seedItem(db, ws, globex.partnershipId, now, item);
  for (const item of initechItems) await seedItem(db, ws, initech.partnershipId, now, item);
  // The alert the last delivery would have raised: Globex's exchange is one-sided this year.
  await alertIfOneSided(scopedTo(db, ws), globex.partnershipId, now);
}
