// The shared four-pillar framework and its versions. A version is never edited in place: cycles
// point at the version they ran with, so past scores stay as they were.
import type { Prisma } from "../db/generated/client";
import type { TenantDb, TenantTx } from "../db/tenant";

// Also called while a workspace is being created, inside a plain transaction, so these take
// any client and name the workspace explicitly.
type AnyDb = TenantDb | TenantTx | Prisma.TransactionClient;

export const AGREEMENT_SCALE = [
  { value: 1, label: "Strongly disagree" },
  { value: 2, label: "Disagree" },
  { value: 3, label: "Neither agree nor disagree" },
  { value: 4, label: "Agree" },
  { value: 5, label: "Strongly agree" },
] as const;
export const DONT_KNOW_LABEL = "Don't know";

interface FrameworkTemplate {
  key: string;
  name: string;
  description: string;
  statements: { key: string; text: string }[];
}

export const DEFAULT_FRAMEWORK: FrameworkTemplate[] = [
  {
    key: "trust",
    name: "Trust",
    description: "Partners are reliable, keep their promises, are transparent and admit mistakes.",
    statements: [
      { key: "trust.promises", text: "Both organisations keep the promises they make to each other." },
      { key: "trust.transparency", text: "Information is shared openly, including bad news." },
      { key: "trust.mistakes", text: "When something goes wrong, the side responsible owns up to it and puts it right." },
      { key: "trust.good-faith", text: "I can count on the other side to act in the partnership's interest, not only its own." },
    ],
  },
  {
    key: "commitment",
    name: "Commitment",
    description: "Both sides invest time and resources in the shared vision, and persevere.",
    statements: [
      { key: "commitment.resources", text: "Both organisations invest the time and resources this partnership needs." },
      { key: "commitment.vision", text: "We share a clear vision of what this partnership should achieve." },
      { key: "commitment.sponsorship", text: "Leaders on both sides actively support the partnership." },
      { key: "commitment.perseverance", text: "When we hit setbacks, both sides persevere instead of stepping back." },
    ],
  },
  {
    key: "coordination",
    name: "Coordination",
    description: "Clear roles, a working decision and escalation process, regular reviews, no duplicated or dropped work.",
    statements: [
      { key: "coordination.roles", text: "Roles and responsibilities between our organisations are clear." },
      { key: "coordination.decisions", text: "We have a working process for joint decisions and for escalating issues." },
      { key: "coordination.reviews", text: "We review progress together regularly." },
      { key: "coordination.handoffs", text: "Work is neither duplicated nor dropped between our teams." },
    ],
  },
  {
    key: "communication",
    name: "Communication",
    description: "Candid two-way dialogue, active listening, feedback without fear; success is shared and celebrated.",
    statements: [
      { key: "communication.candour", text: "We talk candidly with each other, in both directions." },
      { key: "communication.listening", text: "The other side listens to our views and acts on them." },
      { key: "communication.feedback", text: "I can give the other side critical feedback without fear of repercussions." },
      { key: "communication.celebration", text: "Successes are shared and celebrated together." },
    ],
  },
];

// Creates the next framework version from a template (the default one for a new workspace).
export async function createFrameworkVersion(tdb: AnyDb, workspaceId: string, template = DEFAULT_FRAMEWORK) {
  const latest = await tdb.frameworkVersion.findFirst({ where: { workspaceId }, orderBy: { version: "desc" }, select: { version: true } });
  const version = await tdb.frameworkVersion.create({
    data: { workspaceId, version: (latest?.version ?? 0) + 1 },
  });
  for (const [position, pillar] of template.entries()) {
    const created = await tdb.pillar.create({
      data: {
        workspaceId,
        versionId: version.id,
        key: pillar.key,
        name: pillar.name,
        description: pillar.description,
        position,
      },
    });
    await tdb.statement.createMany({
      data: pillar.statements.map((s, i) => ({
        workspaceId,
        versionId: version.id,
        pillarId: created.id,
        key: s.key,
        text: s.text,
        position: i,
      })),
    });
  }
  return version;
}

export async function latestFrameworkVersion(tdb: TenantDb | TenantTx) {
  return tdb.frameworkVersion.findFirst({ orderBy: { version: "desc" } });
}

// A version with its pillars and statements in order, as the survey and framework pages show it.
export async function loadFramework(tdb: TenantDb | TenantTx, versionId: string) {
  return tdb.frameworkVersion.findUnique({
    where: { id: versionId },
    include: {
      pillars: {
        orderBy: { position: "asc" },
        include: { statements: { orderBy: { position: "asc" } } },
      },
    },
  });
}
