// The demo workspace: Northwind Alliances, 12 partners, six closed quarters and one open, with
// answers that tell stories (improving, declining, one large perception gap). Deterministic, so
// screenshots and tests see the same figures on every machine. Built from the shared factories.
import type { Member, Partnership, Phase, PrismaClient, Tier } from "../server/db/generated/client";
import {
  addMember,
  createCycle,
  createPartnerOrg,
  createPartnership,
  createResponses,
  createWorkspaceWithOwner,
  cycleFramework,
  type ResponseSpec,
} from "./factories";
import type { TenantTx } from "../server/db/tenant";
import { evaluateCycleAlerts } from "../server/services/alerts/evaluate";
import { newWorkspaceDb } from "../server/services/workspaces";
import { seedAccountEvents, seedAuditTrail } from "./demo-audit";
import { seedExchange } from "./demo-exchange";
import { seedRhythm } from "./demo-rhythm";

export const DEMO_SLUG = "northwind";
export const DEMO_PASSWORD = "northwind-demo";
export const DEMO_LOGINS = [
  { email: "admin@northwind.test", role: "OWNER", name: "Avery Lindqvist" },
  { email: "manager@northwind.test", role: "MANAGER", name: "Morgan Reyes" },
  { email: "exec@northwind.test", role: "EXECUTIVE", name: "Elena Park" },
  { email: "partner@globex.test", role: "PARTNER (Globex)", name: "Gina Okafor" },
] as const;

type PillarKey = "trust" | "commitment" | "coordination" | "communication";

interface Profile {
  org: string;
  domain: string;
  partnership: string;
  tier: Tier;
  phase: Phase;
  region: string;
  industry: string;
  // Combined health (0-100) in the oldest and the newest quarter; linear in between.
  from: number;
  to: number;
  // Per-pillar offsets from that level.
  offsets?: Partial<Record<PillarKey, number>>;
  // How much higher the host side rates each pillar than the partner does.
  hostBias?: Partial<Record<PillarKey, number>>;
  // Quarters (of the six closed ones, newest last) with no answers: a young partnership.
  firstQuarter?: number;
  owner: 0 | 1 | 2;
}

const PROFILES: Profile[] = [
  {
    org: "Globex",
    domain: "globex.test",
    partnership: "Globex Cloud Resale",
    tier: "STRATEGIC",
    phase: "ACTIVE",
    region: "North America",
    industry: "Cloud infrastructure",
    from: 72,
    to: 66,
    hostBias: { communication: 34, trust: 22, coordination: 8 },
    owner: 0,
  },
  {
    org: "Initech",
    domain: "initech.test",
    partnership: "Initech Co-Sell",
    tier: "STRATEGIC",
    phase: "ACTIVE",
    region: "North America",
    industry: "Enterprise software",
    from: 48,
    to: 79,
    offsets: { coordination: -6, trust: 4 },
    owner: 0,
  },
  {
    org: "Acme Robotics",
    domain: "acme.test",
    partnership: "Acme Robotics OEM",
    tier: "STRATEGIC",
    phase: "RENEWAL_REVIEW",
    region: "EMEA",
    industry: "Manufacturing",
    from: 84,
    to: 55,
    offsets: { commitment: -8 },
    owner: 1,
  },
  {
    org: "Vandelay Industries",
    domain: "vandelay.test",
    partnership: "Vandelay Logistics Integration",
    tier: "CORE",
    phase: "ACTIVE",
    region: "EMEA",
    industry: "Logistics",
    from: 85,
    to: 87,
    owner: 1,
  },
  {
    org: "Hooli",
    domain: "hooli.test",
    partnership: "Hooli Marketplace Listing",
    tier: "CORE",
    phase: "ACTIVE",
    region: "North America",
    industry: "Consumer technology",
    from: 74,
    to: 62,
    offsets: { communication: -7 },
    owner: 0,
  },
  {
    org: "Pied Piper",
    domain: "piedpiper.test",
    partnership: "Pied Piper Technology Alliance",
    tier: "CORE",
    phase: "ACTIVE",
    region: "North America",
    industry: "Data compression",
    from: 58,
    to: 76,
    owner: 2,
  },
  {
    org: "Soylent Data",
    domain: "soylent.test",
    partnership: "Soylent Data Referral",
    tier: "EMERGING",
    phase: "ACTIVE",
    region: "APAC",
    industry: "Analytics",
    from: 54,
    to: 50,
    offsets: { coordination: -9, trust: 5 },
    owner: 2,
  },
  {
    org: "Cyberdyne Systems",
    domain: "cyberdyne.test",
    partnership: "Cyberdyne Services Partnership",
    tier: "CORE",
    phase: "ACTIVE",
    region: "APAC",
    industry: "Security",
    from: 67,
    to: 69,
    offsets: { commitment: 6, coordination: -5 },
    owner: 1,
  },
  {
    org: "Tyrell Analytics",
    domain: "tyrell.test",
    partnership: "Tyrell Analytics Embedded",
    tier: "STRATEGIC",
    phase: "RENEWED",
    region: "EMEA",
    industry: "Analytics",
    from: 64,
    to: 82,
    owner: 0,
  },
  {
    org: "Wonka Retail",
    domain: "wonka.test",
    partnership: "Wonka Retail Channel",
    tier: "EMERGING",
    phase: "ACTIVE",
    region: "LATAM",
    industry: "Retail",
    from: 79,
    to: 78,
    offsets: { trust: 5, communication: 3 },
    owner: 2,
  },
  {
    org: "Oscorp Energy",
    domain: "oscorp.test",
    partnership: "Oscorp Energy Joint Venture",
    tier: "CORE",
    phase: "ACTIVE",
    region: "North America",
    industry: "Energy",
    from: 71,
    to: 44,
    offsets: { trust: -8 },
    owner: 1,
  },
  {
    org: "Massive Dynamic",
    domain: "massive.test",
    partnership: "Massive Dynamic Pilot",
    tier: "EMERGING",
    phase: "ONBOARDING",
    region: "EMEA",
    industry: "Research",
    from: 60,
    to: 66,
    firstQuarter: 4,
    owner: 2,
  },
];

const PILLARS: PillarKey[] = ["trust", "commitment", "coordination", "communication"];

// What people wrote beside their answers. Each is used at most once per partnership, so a
// scorecard never shows the same sentence twice; when a pillar's sentences run out, no comment.
const COMMENTS: Record<PillarKey, { high: string[]; low: string[] }> = {
  trust: {
    high: [
      "They told us early about the pricing change, which we appreciated.",
      "Commitments made in the QBR were all delivered.",
      "When a deal went sideways they owned their part of it without being asked.",
      "Forecasts we share stay between the two teams; nothing has leaked to competitors.",
      "Their channel manager flagged a conflict on a shared account before it became a problem.",
      "We can disagree in the room and still leave with one plan.",
    ],
    low: [
      "Deal registrations were disputed twice this quarter.",
      "We learned about the roadmap change from a customer, not from them.",
      "A referral we passed them was quoted directly, without us.",
      "Promised discounts were withdrawn after the customer had signed off.",
      "Hard to tell which of their numbers are firm and which are hopes.",
    ],
  },
  commitment: {
    high: [
      "The new partner team is fully staffed and engaged.",
      "Exec sponsor joined both planning sessions.",
      "They funded two joint campaigns out of their own budget.",
      "Certifications on our platform doubled since spring.",
      "Their leadership mentions the partnership in every all-hands.",
    ],
    low: [
      "Enablement budget was cut without discussion.",
      "It feels like this partnership is a lower priority for them now.",
      "Our sponsor on their side has moved roles and nobody replaced her.",
      "Training sessions were cancelled twice for lack of attendees.",
      "The joint business plan has not been looked at since it was signed.",
    ],
  },
  coordination: {
    high: [
      "The joint account plan keeps everyone on the same page.",
      "Escalations get resolved within a week.",
      "Handovers between their presales and our delivery team are smooth now.",
      "Shared pipeline reviews every fortnight catch overlaps early.",
      "The integration backlog has a clear owner on each side.",
    ],
    low: [
      "Two teams worked the same opportunity without knowing it.",
      "Nobody owns the integration backlog.",
      "Launch dates slipped because the two release calendars never met.",
      "Support tickets bounce between us for days before anyone picks them up.",
      "We found out about their field event the week it happened.",
    ],
  },
  communication: {
    high: [
      "Weekly syncs are short and useful.",
      "We celebrated the first joint win together.",
      "Their newsletter to our sellers is actually read.",
      "Questions in the shared channel get an answer the same day.",
      "Quarterly reviews start from the numbers, not from slides.",
    ],
    low: [
      "Feedback seems to go into a black hole.",
      "Updates arrive late and only when we ask.",
      "Too many people on their side send conflicting messages.",
      "The shared channel has gone quiet since the reorganisation.",
      "We only hear from them when something is already late.",
    ],
  },
};

// Partner contacts' names: people, not "Hugo Globex". Enough for every organisation's contacts
// without repeats; Gina Okafor is the demo partner login at Globex.
const CONTACT_NAMES = [
  "Gina Okafor",
  "Daniel Brooks",
  "Sofia Marquez",
  "Kenji Watanabe",
  "Laura Fischer",
  "Marcus Holt",
  "Aisha Bello",
  "Pierre Dubois",
  "Hannah Levi",
  "Tariq Haddad",
  "Mei Tanaka",
  "Oliver Grant",
  "Isabel Costa",
  "Jonas Weber",
  "Nadia Rahman",
  "Hugo Lambert",
  "Chloe Martin",
  "Samuel Osei",
  "Yuki Sato",
  "Fatima Zahra",
  "Ethan Cole",
  "Lucia Romano",
  "Arjun Mehta",
  "Grace Liu",
  "Mateo Silva",
  "Ingrid Larsen",
  "Kwame Mensah",
  "Elif Yilmaz",
  "Noah Fischer",
  "Priya Nair",
  "Ola Nordmann",
  "Camille Laurent",
  "David Cohen",
  "Rosa Jimenez",
  "Felix Wagner",
  "Amara Eze",
  "Lars Eriksen",
  "Mina Park",
  "Tomasz Nowak",
  "Julia Santos",
  "Ivan Petrov",
  "Leila Farouk",
  "Ben Harper",
  "Ana Kovac",
  "Rahul Iyer",
  "Zoe Mitchell",
  "Omar Aziz",
  "Clara Vogel",
  "Diego Alvarez",
  "Keiko Mori",
  "Victor Hugo Reyes",
  "Naledi Dlamini",
  "Erik Johansson",
  "Sara Bianchi",
  "Jin Woo Choi",
  "Helena Novak",
  "Kofi Boateng",
  "Marta Lindgren",
  "Raj Malhotra",
  "Bianca Ferreira",
];

// An address from a name: "Sofia Marquez" at acme.test is sofia.marquez@acme.test.
const emailOf = (name: string, domain: string) =>
  `${name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".")}@${domain}`;

// mulberry32: a tiny seeded generator, so the demo is the same everywhere.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function quarterOf(date: Date, back: number) {
  const index = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) - back;
  const year = Math.floor(index / 4);
  const q = index % 4;
  return { label: `${year}-Q${q + 1}`, start: new Date(Date.UTC(year, q * 3, 1)) };
}

export async function demoExists(db: PrismaClient) {
  return (await db.workspace.count({ where: { slug: DEMO_SLUG } })) > 0;
}

// All or nothing: a seed that fails halfway leaves no trace, and the next run starts clean.
export async function seedDemo(db: PrismaClient, now = new Date()) {
  const seeded = await newWorkspaceDb(db).$transaction((tx) => seedDemoIn(tx, now), { timeout: 5 * 60_000, maxWait: 30_000 });
  await seedAccountEvents(db, now);
  return seeded;
}

async function seedDemoIn(db: TenantTx, now: Date) {
  const random = rng(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const person = (email: string, name: string) => ({ email, name, password: DEMO_PASSWORD });

  // Join dates before the history they answered: the program started two years ago, the team
  // grew over its first half year, and each partner's contacts joined before its first quarter.
  const history = quarterOf(now, 8).start;
  const daysAfter = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);
  const { workspace, member: owner } = await createWorkspaceWithOwner(db, {
    name: "Northwind Alliances",
    slug: DEMO_SLUG,
    owner: person("admin@northwind.test", "Avery Lindqvist"),
  });
  const ws = workspace.id;
  await db.member.update({ where: { workspaceId_id: { workspaceId: ws, id: owner.id } }, data: { createdAt: history } });
  await db.workspace.update({ where: { id: ws }, data: { cadence: "QUARTERLY", cycleOpenDay: 15, cycleLengthDays: 21 } });
  const managers = [
    (await addMember(db, ws, { role: "MANAGER", user: person("manager@northwind.test", "Morgan Reyes"), since: daysAfter(history, 9) }))
      .member,
    (await addMember(db, ws, { role: "MANAGER", user: person("priya.shah@northwind.test", "Priya Shah"), since: daysAfter(history, 41) }))
      .member,
    (await addMember(db, ws, { role: "MANAGER", user: person("tomas.berg@northwind.test", "Tomás Berg"), since: daysAfter(history, 118) }))
      .member,
  ];
  await addMember(db, ws, { role: "EXECUTIVE", user: person("exec@northwind.test", "Elena Park"), since: daysAfter(history, 3) });
  await addMember(db, ws, { role: "ADMIN", user: person("ops@northwind.test", "Jordan Blake"), since: daysAfter(history, 64) });
  const colleagues = [];
  for (const [c, name] of ["Sam Carter", "Lee Wong", "Ana Ruiz", "Chris Novak", "Dana Kim", "Ravi Patel"].entries()) {
    const email = `${name.split(" ")[0]!.toLowerCase()}@northwind.test`;
    colleagues.push(
      (await addMember(db, ws, { role: "MANAGER", user: person(email, name), since: daysAfter(history, 20 + c * 27) })).member,
    );
  }
  const unusedComments = new Map<string, Set<string>>();

  const partnerships: { profile: Profile; partnership: Partnership; contacts: Member[]; host: Member[] }[] = [];
  for (const [i, profile] of PROFILES.entries()) {
    const org = await createPartnerOrg(db, ws, {
      name: profile.org,
      region: profile.region,
      industry: profile.industry,
      website: `https://${profile.domain.replace(".test", ".example")}`,
    });
    const contacts = [];
    const firstAnswered = quarterOf(now, 6 - (profile.firstQuarter ?? 0)).start;
    for (let c = 0; c < 4 + (i % 2); c++) {
      // Five names per organisation, so no two contacts share one.
      const name = CONTACT_NAMES[i * 5 + c]!;
      const email = i === 0 && c === 0 ? "partner@globex.test" : emailOf(name, profile.domain);
      const since = daysAfter(firstAnswered, -(12 + ((i * 7 + c * 11) % 40)));
      contacts.push((await addMember(db, ws, { role: "PARTNER", partnerOrgId: org.id, user: person(email, name), since })).member);
    }
    const team = [colleagues[i % colleagues.length]!, colleagues[(i + 2) % colleagues.length]!, colleagues[(i + 4) % colleagues.length]!];
    const partnership = await createPartnership(db, ws, {
      partnerOrgId: org.id,
      ownerMemberId: managers[profile.owner]!.id,
      name: profile.partnership,
      tier: profile.tier,
      phase: profile.phase,
      // Renewals spread over the next three to eighteen months, beyond the 60-day review window;
      // Acme's falls inside it, and its review is open.
      renewalDate:
        profile.phase === "RENEWAL_REVIEW"
          ? day(new Date(now.getTime() + 40 * 86_400_000))
          : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3 + ((i * 7) % 16), 15)),
      teamMemberIds: team.map((m) => m.id),
    });
    partnerships.push({ profile, partnership, contacts, host: [managers[profile.owner]!, ...team] });
  }

  // Six closed quarters and the current one, open.
  const cycles = [];
  for (let back = 6; back >= 0; back--) {
    const { label, start } = quarterOf(now, back);
    const open = back === 0;
    // Past quarters ran on the workspace's schedule (day 15, three weeks); the current one opened
    // 16 days ago, so it is well under way whenever the demo is seeded.
    const opensAt = open ? new Date(now.getTime() - 16 * 86_400_000) : new Date(start.getTime() + 14 * 86_400_000);
    const closesAt = new Date(opensAt.getTime() + 21 * 86_400_000);
    cycles.push(await createCycle(db, ws, { label, opensAt, closesAt, status: open ? "OPEN" : "CLOSED" }));
  }
  const framework = await cycleFramework(db, cycles[0]!.id);

  const specs: ResponseSpec[] = [];
  for (const [q, cycle] of cycles.entries()) {
    const open = q === cycles.length - 1;
    for (const { profile, partnership, contacts, host } of partnerships) {
      if (profile.firstQuarter !== undefined && q < profile.firstQuarter) continue;
      const progress = Math.min(q, 5) / 5;
      const level = profile.from + (profile.to - profile.from) * progress + (open ? (profile.to - profile.from) / 5 : 0);
      const respond = (memberId: string, side: "HOST" | "PARTNER") => {
        const answers: Record<string, number | null> = {};
        const comments: Record<string, string> = {};
        for (const pillar of PILLARS) {
          const bias = (profile.hostBias?.[pillar] ?? 0) / 2;
          const target = clamp(level + (profile.offsets?.[pillar] ?? 0) + (side === "HOST" ? bias : -bias), 2, 98);
          for (const statement of framework.find((p) => p.key === pillar)!.statements) {
            const dontKnow = random() < 0.04;
            const likert = 1 + target / 25 + (random() - 0.5) * 1.6;
            answers[statement.key] = dontKnow ? null : clamp(Math.round(likert), 1, 5);
          }
          if (random() < 0.18) {
            const tone = target >= 65 ? "high" : "low";
            const key = `${partnership.id}:${pillar}:${tone}`;
            if (!unusedComments.has(key)) unusedComments.set(key, new Set(COMMENTS[pillar][tone]));
            // One draw whether or not a sentence is left, so the answers' figures stay as they were.
            const text = pick([...unusedComments.get(key)!, null]);
            if (text) {
              unusedComments.get(key)!.delete(text);
              comments[pillar] = text;
            }
          }
        }
        const submittedAt = new Date(cycle.opensAt.getTime() + random() * (open ? 10 : 20) * 86_400_000);
        specs.push({ cycleId: cycle.id, partnershipId: partnership.id, memberId, side, answers, comments, submittedAt });
      };
      // The open quarter is under way: some people have answered, the demo partner has not.
      // Globex's host team has answered already, so the demo partner's answer is the third
      // partner response: it makes the partner side visible and reveals the perception gap.
      const globex = profile.org === "Globex";
      const hostCount = open ? (globex ? 3 : Math.floor(random() * host.length)) : host.length - (random() < 0.3 ? 1 : 0);
      const partnerPool = open && globex ? contacts.slice(1) : contacts;
      const partnerCount = open ? (globex ? 2 : Math.floor(random() * 4)) : partnerPool.length - Math.floor(random() * 2);
      host.slice(0, hostCount).forEach((m) => respond(m.id, "HOST"));
      partnerPool.slice(0, partnerCount).forEach((m) => respond(m.id, "PARTNER"));
    }
  }
  await createResponses(db, ws, specs, framework);

  const find = (name: string) => partnerships.find((p) => p.profile.partnership === name)!;
  const as = (m: { id: string }, side: "HOST" | "PARTNER") => ({ id: m.id, side });
  const [globex, initech, acme, tyrell] = [
    find("Globex Cloud Resale"),
    find("Initech Co-Sell"),
    find("Acme Robotics OEM"),
    find("Tyrell Analytics Embedded"),
  ];
  const globexPeople = {
    partnershipId: globex.partnership.id,
    owner: as(globex.host[0]!, "HOST"),
    team: globex.host.slice(1).map((m) => as(m, "HOST")),
    contacts: globex.contacts.map((m) => as(m, "PARTNER")),
  };
  const initechPeople = {
    partnershipId: initech.partnership.id,
    owner: as(initech.host[0]!, "HOST"),
    contacts: initech.contacts.map((m) => as(m, "PARTNER")),
  };
  await seedRhythm(db, {
    workspaceId: ws,
    now,
    cycles,
    globex: globexPeople,
    initech: initechPeople,
    acme: { partnershipId: acme.partnership.id, renewalDate: acme.partnership.renewalDate! },
    tyrell: { partnershipId: tyrell.partnership.id, owner: as(tyrell.host[0]!, "HOST"), renewalDate: tyrell.partnership.renewalDate! },
  });
  await seedExchange(db, {
    workspaceId: ws,
    now,
    globex: globexPeople,
    initech: initechPeople,
  });
  // The factories make the past quarters closed from the start, so nothing raised the alerts the
  // last close would have: raise them now, as closing it would (owners find them under the bell).
  await evaluateCycleAlerts(db, cycles[cycles.length - 2]!.id);
  await seedAuditTrail(db, { now, retroCycleLabel: cycles[cycles.length - 2]!.label });
  return { workspace, owner, responses: specs.length };
}
