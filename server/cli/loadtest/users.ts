// The load test's virtual users: partner contacts asked about their partnership in the open cycle
// (one per partnership, over many partnerships), and the company's managers and executives. Each
// signs in once over HTTP through nginx, as a browser does (next-auth's CSRF token, then the
// credentials callback), before the timed phase: a sign-in costs an argon2 hash.
import type { PrismaClient } from "../../db/generated/client";

export interface Survey {
  workspaceSlug: string;
  workspaceId: string;
  cycleId: string;
  pillars: { id: string; statements: string[] }[];
}

export interface Writer {
  kind: "writer";
  index: number;
  email: string;
  memberId: string;
  partnershipId: string;
  cookie: string;
}

export interface Reader {
  kind: "reader";
  index: number;
  email: string;
  role: "MANAGER" | "EXECUTIVE";
  // Partnerships whose scorecards this person opens: a manager's own, any for an executive.
  partnershipIds: string[];
  cookie: string;
}

export class LoadTestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LoadTestError";
  }
}

export async function loadSurvey(db: PrismaClient, slug: string): Promise<Survey> {
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!workspace) throw new LoadTestError(`The workspace "${slug}" does not exist.`);
  const cycle = await db.cycle.findFirst({
    where: { workspaceId: workspace.id, status: "OPEN" },
    orderBy: { opensAt: "desc" },
    select: { id: true, frameworkVersionId: true },
  });
  if (!cycle) throw new LoadTestError(`The workspace "${slug}" has no open cycle, so nobody has a survey to answer.`);
  const pillars = await db.pillar.findMany({
    where: { workspaceId: workspace.id, versionId: cycle.frameworkVersionId },
    orderBy: { position: "asc" },
    select: { id: true, statements: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  return {
    workspaceSlug: slug,
    workspaceId: workspace.id,
    cycleId: cycle.id,
    pillars: pillars.map((p) => ({ id: p.id, statements: p.statements.map((s) => s.id) })),
  };
}

// Spread over the workspace: every k-th partnership, one contact each.
export async function pickUsers(db: PrismaClient, survey: Survey, counts: { writers: number; managers: number; executives: number }) {
  const asked = await db.cycleParticipant.findMany({
    where: { workspaceId: survey.workspaceId, cycleId: survey.cycleId, side: "PARTNER", excluded: false, member: { role: "PARTNER" } },
    orderBy: [{ partnershipId: "asc" }, { memberId: "asc" }],
    select: { partnershipId: true, member: { select: { id: true, user: { select: { email: true } } } } },
  });
  // Round by round over the partnerships, one contact of each per round, so the pool spans as many
  // partnerships as it can; every k-th partnership when there are more than people wanted.
  const byPartnership = new Map<string, (typeof asked)[number][]>();
  for (const row of asked) byPartnership.set(row.partnershipId, [...(byPartnership.get(row.partnershipId) ?? []), row]);
  const groups = [...byPartnership.values()];
  const step = Math.max(1, Math.floor(groups.length / counts.writers));
  const spread = groups.filter((_, i) => i % step === 0);
  const usedEmails = new Set<string>();
  const writers: (typeof asked)[number][] = [];
  for (let round = 0; writers.length < counts.writers && spread.some((g) => g.length > round); round++) {
    for (const group of spread) {
      const row = group[round];
      if (!row || usedEmails.has(row.member.user.email) || writers.length >= counts.writers) continue;
      usedEmails.add(row.member.user.email);
      writers.push(row);
    }
  }
  if (writers.length === 0) throw new LoadTestError("No partner contact is asked in the open cycle.");

  const partnerships = await db.partnership.findMany({
    where: { workspaceId: survey.workspaceId, phase: { not: "EXITED" } },
    orderBy: { id: "asc" },
    select: { id: true, ownerMemberId: true },
  });
  const members = await db.member.findMany({
    where: { workspaceId: survey.workspaceId, role: { in: ["MANAGER", "EXECUTIVE"] } },
    orderBy: { id: "asc" },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  const owned = (memberId: string) => partnerships.filter((p) => p.ownerMemberId === memberId).map((p) => p.id);
  const managers = members
    .filter((m) => m.role === "MANAGER" && owned(m.id).length > 0)
    .slice(0, counts.managers)
    .map((m) => ({ email: m.user.email, role: "MANAGER" as const, partnershipIds: owned(m.id) }));
  const every = partnerships.map((p) => p.id);
  const executives = members
    .filter((m) => m.role === "EXECUTIVE")
    .slice(0, counts.executives)
    .map((m) => ({ email: m.user.email, role: "EXECUTIVE" as const, partnershipIds: every }));
  if (managers.length + executives.length === 0) throw new LoadTestError("The workspace has no manager or executive to read it.");

  return {
    writers: writers.map((w) => ({ email: w.member.user.email, memberId: w.member.id, partnershipId: w.partnershipId })),
    readers: [...managers, ...executives],
  };
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

// next-auth's sign-in as the browser does it; the session cookie, or an error saying why not.
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new LoadTestError(`Sign-in of ${email}: the CSRF token request answered ${csrf.status}.`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl, cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }).toString(),
  });
  const session = cookiesOf(res).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new LoadTestError(`Sign-in of ${email} failed (${res.status}): ${(await res.text()).slice(0, 200)}`);
  return session;
}

// A few sign-ins at a time: each is an argon2 hash on a 2-core machine.
export async function signInAll<T extends { email: string }>(
  baseUrl: string,
  people: T[],
  password: string,
  concurrency = 4,
): Promise<(T & { cookie: string })[]> {
  const out: (T & { cookie: string })[] = new Array(people.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people.length) {
        const i = next++;
        out[i] = { ...people[i]!, cookie: await signIn(baseUrl, people[i]!.email, password) };
      }
    }),
  );
  return out;
}
