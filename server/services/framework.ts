// The shared four-pillar framework and its versions. A version is never edited in place: cycles
// point at the version they ran with, so past scores stay as they were.
import { randomBytes } from "node:crypto";
import { byId, type TenantClient, type TenantDb, type TenantTx } from "../db/tenant";
import type { WorkspaceCtx } from "../access/context";
import { badRequest, conflict } from "../access/errors";
import { isUniqueViolation } from "../db/errors";

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
  // Share of the health index; equal (1) unless an admin changed it.
  weight?: number;
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
// An edit names the number it expects to create (the version it was checked against, plus one):
// were the latest read again here, a save committed in between would be silently built upon,
// where the unique version number should refuse it.
export async function createFrameworkVersion(tdb: TenantClient, template = DEFAULT_FRAMEWORK, number?: number) {
  const workspaceId = tdb.$workspaceId;
  const latest =
    number === undefined ? await tdb.frameworkVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } }) : null;
  const version = await tdb.frameworkVersion.create({
    data: { workspaceId, version: number ?? (latest?.version ?? 0) + 1 },
  });
  for (const [position, pillar] of template.entries()) {
    const created = await tdb.pillar.create({
      data: {
        workspaceId,
        versionId: version.id,
        key: pillar.key,
        name: pillar.name,
        description: pillar.description,
        weight: pillar.weight ?? 1,
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

export async function latestFrameworkVersion(db: TenantClient) {
  return db.frameworkVersion.findFirst({ orderBy: { version: "desc" } });
}

// The framework as it is now: the latest version, in full.
export async function currentFramework(db: TenantClient) {
  const latest = await latestFrameworkVersion(db);
  return latest ? loadFramework(db, latest.id) : null;
}

// A version with its pillars and statements in order, as the survey and framework pages show it.
export async function loadFramework(tdb: TenantClient, versionId: string) {
  return tdb.frameworkVersion.findUnique({
    where: byId(tdb, versionId),
    include: {
      pillars: {
        orderBy: { position: "asc" },
        include: { statements: { orderBy: { position: "asc" } } },
      },
    },
  });
}

// An edited framework as the editor sends it: existing pillars and statements carry their key,
// new ones carry none.
export interface FrameworkEdit {
  pillars: {
    key?: string;
    name: string;
    description: string;
    weight: number;
    statements: { key?: string; text: string }[];
  }[];
}

// Lowercase ASCII words joined by hyphens, from at most the first few words of a name or text.
function slugify(text: string, words: number, fallback: string) {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, words)
    .join("-")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || fallback;
}

// A key no version of this workspace has used: a new pillar that happened to get the key of a
// removed one would join that pillar's trend line on every scorecard.
function freshKey(base: string, used: Set<string>) {
  for (;;) {
    const key = `${base}-${randomBytes(3).toString("hex")}`;
    if (!used.has(key)) {
      used.add(key);
      return key;
    }
  }
}

type LoadedFramework = NonNullable<Awaited<ReturnType<typeof loadFramework>>>;

// The fields an edit can change, in order, so that two frameworks compare as plain data.
function comparable(pillars: FrameworkTemplate[]) {
  return JSON.stringify(pillars.map((p) => [p.key, p.name, p.description, p.weight ?? 1, p.statements.map((s) => [s.key, s.text])]));
}

function asTemplate(framework: LoadedFramework): FrameworkTemplate[] {
  return framework.pillars.map((p) => ({
    key: p.key,
    name: p.name,
    description: p.description,
    weight: p.weight,
    statements: p.statements.map((s) => ({ key: s.key, text: s.text })),
  }));
}

// Checks the keys an edit refers to against the latest version and gives new pillars and
// statements their keys. Null when the edit would change nothing.
async function resolveEdit(tx: TenantTx, latest: LoadedFramework, edit: FrameworkEdit): Promise<FrameworkTemplate[] | null> {
  const pillarKeys = new Set(latest.pillars.map((p) => p.key));
  const statementKeys = new Set(latest.pillars.flatMap((p) => p.statements.map((s) => s.key)));
  const seenPillars = new Set<string>();
  const seenStatements = new Set<string>();
  const stale = "The framework has changed since this edit began. Reload the page and make your changes again.";
  for (const p of edit.pillars) {
    if (p.key !== undefined) {
      if (!pillarKeys.has(p.key)) throw badRequest(stale);
      if (seenPillars.has(p.key)) throw badRequest(`The pillar "${p.name}" appears twice.`);
      seenPillars.add(p.key);
    }
    for (const s of p.statements) {
      if (s.key === undefined) continue;
      if (!statementKeys.has(s.key)) throw badRequest(stale);
      if (seenStatements.has(s.key)) throw badRequest(`The statement "${s.text}" appears twice.`);
      seenStatements.add(s.key);
    }
  }

  const hasNew = edit.pillars.some((p) => p.key === undefined || p.statements.some((s) => s.key === undefined));
  const used = hasNew ? await usedKeys(tx) : new Set<string>();
  const template = edit.pillars.map((p) => {
    const key = p.key ?? freshKey(slugify(p.name, 3, "pillar"), used);
    return {
      key,
      name: p.name,
      description: p.description,
      weight: p.weight,
      statements: p.statements.map((s) => ({ key: s.key ?? freshKey(`${key}.${slugify(s.text, 4, "statement")}`, used), text: s.text })),
    };
  });
  return comparable(template) === comparable(asTemplate(latest)) ? null : template;
}

async function usedKeys(tx: TenantTx) {
  const pillars = await tx.pillar.findMany({ distinct: ["key"], select: { key: true } });
  const statements = await tx.statement.findMany({ distinct: ["key"], select: { key: true } });
  return new Set([...pillars, ...statements].map((r) => r.key));
}

// Saves an edited framework as the next version. Cycles that have opened keep the version they
// ran with (their answers and stored scores point at its statements and pillars); drafts have
// no answers yet, so they move to the new one and open with it.
export async function editFramework(ctx: WorkspaceCtx, edit: FrameworkEdit, baseVersion?: number) {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const head = await latestFrameworkVersion(tx);
      const latest = head ? await loadFramework(tx, head.id) : null;
      if (!latest) throw badRequest("This workspace has no framework yet.");
      if (baseVersion !== undefined && baseVersion !== latest.version) {
        throw conflict(
          `Someone saved version ${latest.version} of the framework while you were editing version ${baseVersion}. ` +
            "Reload the page to see it, then make your changes again.",
        );
      }
      const template = await resolveEdit(tx, latest, edit);
      if (!template) throw badRequest("Nothing changed.");

      const version = await createFrameworkVersion(tx, template, latest.version + 1);
      // A draft with responses would be corrupt data; keeping its version keeps its answers valid.
      const moved = await tx.cycle.updateManyAndReturn({
        where: { status: "DRAFT", responses: { none: {} } },
        data: { frameworkVersionId: version.id },
        select: { label: true, opensAt: true },
      });
      moved.sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
      return { version: version.version, draftCycles: moved.map((c) => c.label) };
    });
  } catch (error) {
    // Two admins saved at the same moment and both took the next version number.
    if (isUniqueViolation(error)) {
      throw conflict("Someone else saved the framework at the same moment. Reload the page to see their version, then try again.");
    }
    throw error;
  }
}

// Every version, newest first, with its size and the cycles that run with it.
export async function listFrameworkVersions(tdb: TenantDb) {
  const versions = await tdb.frameworkVersion.findMany({
    orderBy: { version: "desc" },
    include: {
      _count: { select: { pillars: true, statements: true } },
      cycles: { orderBy: { opensAt: "asc" }, select: { id: true, label: true, status: true } },
    },
  });
  return versions.map((v, i) => ({
    id: v.id,
    version: v.version,
    createdAt: v.createdAt,
    current: i === 0,
    pillars: v._count.pillars,
    statements: v._count.statements,
    cycles: v.cycles,
  }));
}
