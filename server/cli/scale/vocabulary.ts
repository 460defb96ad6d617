// Words the scale generator draws names, attributes and comments from, so a generated workspace
// reads like a real partner program rather than "Partner 1234".

export const FIRST_NAMES = [
  "Ada", "Aiden", "Amara", "Ana", "Arjun", "Ava", "Bea", "Carlos", "Chen", "Chloe", "Dana", "Diego", "Eli", "Elif", "Emma",
  "Farah", "Felix", "Grace", "Hana", "Hugo", "Ines", "Isaac", "Jae", "Jonas", "Kai", "Kemi", "Lars", "Layla", "Leo", "Lina",
  "Luca", "Maya", "Mei", "Mila", "Nadia", "Nia", "Noah", "Omar", "Priya", "Rafael", "Rosa", "Sami", "Sara", "Sofia", "Tariq",
  "Theo", "Uma", "Vera", "Wen", "Yara", "Yusuf", "Zoe",
];

export const LAST_NAMES = [
  "Adeyemi", "Almeida", "Andersen", "Bauer", "Becker", "Chen", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Gupta",
  "Haddad", "Hansen", "Ito", "Jensen", "Kim", "Kowalski", "Larsen", "Lopez", "Mbeki", "Moreau", "Nakamura", "Novak", "Okafor",
  "Olsen", "Park", "Patel", "Petrov", "Quinn", "Rossi", "Ruiz", "Sato", "Schmidt", "Silva", "Singh", "Tanaka", "Torres",
  "Varga", "Wang", "Weber", "Yilmaz", "Zhang",
];

export const ORG_FIRST = [
  "Acme", "Apex", "Arcadia", "Aster", "Atlas", "Aurora", "Beacon", "Blue Harbor", "Brightline", "Cascade", "Cedar", "Cobalt",
  "Crescent", "Delta", "Ember", "Evergreen", "Falcon", "Fjord", "Globex", "Granite", "Helios", "Horizon", "Initech", "Ironwood",
  "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Northstar", "Oakridge", "Orion", "Pacific", "Pinnacle", "Quantum",
  "Redwood", "Sable", "Sierra", "Silverline", "Solstice", "Summit", "Tidewater", "Umbra", "Vantage", "Vertex", "Willow",
  "Zenith",
];

export const ORG_SECOND = [
  "Analytics", "Cloud", "Consulting", "Data", "Digital", "Dynamics", "Group", "Health", "Holdings", "Industries", "Labs",
  "Logistics", "Media", "Networks", "Partners", "Retail", "Robotics", "Security", "Software", "Solutions", "Systems",
  "Technologies", "Telecom", "Ventures",
];

// Weighted as a global program usually is: most partners in North America and EMEA.
export const REGIONS: readonly { name: string; weight: number }[] = [
  { name: "North America", weight: 0.38 },
  { name: "EMEA", weight: 0.34 },
  { name: "APAC", weight: 0.2 },
  { name: "LATAM", weight: 0.08 },
];

export const INDUSTRIES = [
  "Cloud infrastructure", "Cybersecurity", "Data & analytics", "E-commerce", "Financial services", "Healthcare",
  "Logistics", "Manufacturing", "Media & entertainment", "Professional services", "Retail", "Telecommunications",
];

// Kinds of partnership; an organisation with two partnerships has two different kinds.
export const PROGRAMS = ["Co-Sell", "Cloud Resale", "Referral", "OEM", "Technology Integration", "Marketplace", "Services", "Distribution"];

type Tone = "good" | "mixed" | "poor";

// What people write about a pillar, by how they rated it.
const COMMENTS: Record<string, Record<Tone, string[]>> = {
  trust: {
    good: [
      "They have kept every commitment this quarter.",
      "Open about problems early, which makes planning easy.",
      "We trust their numbers and their forecasts.",
    ],
    mixed: [
      "Mostly reliable, but two promised dates slipped without warning.",
      "Good intent, though we learn about issues later than we would like.",
    ],
    poor: [
      "Commitments made in the QBR were not followed through.",
      "We heard about the outage from a customer, not from them.",
      "It feels like each side is protecting its own numbers.",
    ],
  },
  commitment: {
    good: [
      "Their executive sponsor is visibly engaged.",
      "They staffed the joint team fully, ahead of plan.",
      "Both sides put real budget behind the joint plan.",
    ],
    mixed: [
      "Commitment is there at the top, less so in the field teams.",
      "Resourcing is adequate but stretched across too many initiatives.",
    ],
    poor: [
      "Our sponsor changed twice this year and the plan stalled.",
      "The joint roadmap has no owner on their side any more.",
      "We are investing far more than we get back.",
    ],
  },
  coordination: {
    good: [
      "Monthly reviews keep both teams aligned.",
      "Clear RACI; hand-offs between the teams just work.",
      "Escalations get resolved within days.",
    ],
    mixed: [
      "Roles are clear on paper; in practice some deals fall between the teams.",
      "Reviews happen, but actions from them are not tracked.",
    ],
    poor: [
      "Two teams worked on the same account without knowing it.",
      "Nobody knows who decides on joint pricing.",
      "Escalations go nowhere.",
    ],
  },
  communication: {
    good: [
      "Candid conversations, even about hard topics.",
      "They listen and act on our feedback.",
      "Wins are shared and celebrated on both sides.",
    ],
    mixed: [
      "Good at the leadership level, patchy between the working teams.",
      "Feedback is welcome, but changes are slow to follow.",
    ],
    poor: [
      "We only hear from them when something is wrong.",
      "Feedback is received defensively.",
      "Updates arrive late and through the wrong channels.",
    ],
  },
};

const GENERIC: Record<Tone, string[]> = {
  good: ["Working well this quarter.", "A clear improvement on last quarter."],
  mixed: ["Some progress, some gaps.", "Uneven across teams."],
  poor: ["This needs attention.", "Worse than last quarter."],
};

// A comment for a pillar rated `score` (0-100) by the person writing it.
export function commentFor(pillarKey: string, score: number, draw: () => number): string {
  const tone: Tone = score >= 72 ? "good" : score >= 55 ? "mixed" : "poor";
  const pool = (COMMENTS[pillarKey] ?? GENERIC)[tone];
  return pool[Math.floor(draw() * pool.length)]!;
}
