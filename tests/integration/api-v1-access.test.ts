// Who may do what through the REST API: every endpoint, called through the generated client by a
// token of every role and both scopes, answers what server/access/outcome.ts says the endpoint's
// rule answers a member of that role (the token acts as its maker's membership with its own role),
// except that a read-only token is refused every write. And scores through the API follow the
// confidentiality rule exactly as the app's scorecard does.
import { describe, expect, it } from "vitest";
import { addMember, createResponses, type ResponseSpec } from "../../prisma/factories";
import type { Actor } from "../../server/access/context";
import type { PartnershipFacts, Rule } from "../../server/access/decide";
import { expectedOutcome, type RuleFacts } from "../../server/access/outcome";
import { READ_ONLY_TOKEN } from "../../server/api-v1/procedures";
import { apiV1Router } from "../../server/api-v1/router";
import { appRouter } from "../../server/trpc/root";
import { apiClient, type ApiClient } from "./api-v1/client";
import { buildWorld, callerFor, closedQuarter, db } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Role = "ADMIN" | "MANAGER" | "EXECUTIVE" | "PARTNER";
type Scope = "READ" | "READ_WRITE";

interface Endpoint {
  name: string;
  type: "query" | "mutation";
  rule: Rule;
  method: "GET" | "POST" | "PATCH";
  path: string;
}

const ENDPOINTS: Endpoint[] = Object.entries(apiV1Router._def.procedures as unknown as Record<string, { _def: unknown }>).map(
  ([name, p]) => {
    const def = p._def as { type: Endpoint["type"]; meta: { access: Rule; openapi: { method: Endpoint["method"]; path: string } } };
    return { name, type: def.type, rule: def.meta.access, method: def.meta.openapi.method, path: def.meta.openapi.path };
  },
);

interface Things {
  actionId: string;
  actionVersion: number;
  goalId: string;
  goal: { hostOwnerId: string | null; partnerOwnerId: string | null; createdById: string };
  // An ask the company made of partner A.
  exchangeItemId: string;
}

// A call of each endpoint on partnership A (or its action and goal), and the facts its rule is
// decided on.
function callOf(e: Endpoint, w: World, t: Things): { params?: object; body?: object; facts?: RuleFacts } {
  const A = w.partnershipA.id;
  const factsA: PartnershipFacts & { name: string } = {
    name: w.partnershipA.name,
    partnerOrgId: w.orgA.id,
    ownerMemberId: w.manager.member.id,
    teamMemberIds: [],
    archived: false,
  };
  const onA = { params: { path: { partnershipId: A } }, facts: { partnership: factsA } };
  const tag = Math.random().toString(36).slice(2, 8);
  switch (e.name) {
    case "createPartnerOrg":
      return { body: { name: `Org ${tag}` } };
    case "updatePartnerOrg":
      return { params: { path: { partnerOrgId: w.orgA.id } }, body: { region: tag } };
    case "createPartnership":
      return { body: { name: `Partnership ${tag}`, partnerOrgId: w.orgB.id, tier: "CORE", phase: "ACTIVE" } };
    case "updatePartnership":
      return { ...onA, body: { tier: "STRATEGIC" } };
    case "createAction":
      return { ...onA, body: { title: `Action ${tag}`, ownerMemberId: w.manager.member.id, dueDate: "2030-01-01" } };
    case "updateAction":
      return { params: { path: { actionId: t.actionId } }, body: { version: t.actionVersion, notes: tag }, facts: { partnership: factsA } };
    case "createGoal":
      return { ...onA, body: { title: `Goal ${tag}`, measure: "Deals", unit: "deals", targetValue: 3, dueDate: "2030-06-30" } };
    case "updateGoal":
      return {
        params: { path: { goalId: t.goalId } },
        body: { version: 1, measure: `Deals ${tag}` },
        facts: { partnership: factsA, goal: t.goal },
      };
    case "createExchangeItem":
      return { ...onA, body: { kind: "OFFER", title: `Two speaker slots ${tag}`, counterpart: "Channel lead" } };
    default:
      if (e.path.startsWith("/exchange/{itemId}/")) {
        const exchange = { kind: "ASK" as const, side: "HOST" as const, names: { HOST: w.workspace.name, PARTNER: w.orgA.name } };
        const body: Record<string, object> = {
          decline: { reason: "Not this quarter" },
          clarify: { question: "Which retailers?" },
          answer: { answer: "Grocery chains" },
          deliver: { rating: 4 },
        };
        const moveName = e.path.split("/").at(-1)!;
        return { params: { path: { itemId: t.exchangeItemId } }, body: body[moveName] ?? {}, facts: { partnership: factsA, exchange } };
      }
      return e.path.includes("{partnershipId}") ? onA : {};
  }
}

const STATUS = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400, CONFLICT: 409, TOO_MANY_REQUESTS: 429 } as const;

type Call = (path: string, init: object) => Promise<{ response: Response; error?: { code: string; message: string } }>;
const send = (api: ApiClient, e: Endpoint, init: object) => (api[e.method] as unknown as Call)(e.path, init);

// Each endpoint and the app's procedure that does the same: their access rules are the same.
const APP_EQUIVALENT: Record<string, string> = {
  listPartnerOrgs: "partnerOrg.list",
  createPartnerOrg: "partnerOrg.create",
  // The app has no procedure that changes an organisation: changing one is an admin's, as making one is.
  updatePartnerOrg: "partnerOrg.create",
  listPartnerships: "partnership.list",
  getPartnership: "partnership.scorecard",
  createPartnership: "partnership.create",
  updatePartnership: "partnership.update",
  listCycles: "cycle.list",
  getScorecard: "partnership.scorecard",
  getPillarScores: "partnership.scorecard",
  listActions: "action.list",
  createAction: "action.create",
  updateAction: "action.update",
  listGoals: "goal.list",
  createGoal: "goal.create",
  updateGoal: "goal.update",
  getExchange: "exchange.list",
  createExchangeItem: "exchange.create",
  acceptExchangeItem: "exchange.accept",
  declineExchangeItem: "exchange.decline",
  clarifyExchangeItem: "exchange.clarify",
  answerExchangeItem: "exchange.answer",
  withdrawExchangeItem: "exchange.withdraw",
  deliverExchangeItem: "exchange.deliver",
  lapseExchangeItem: "exchange.lapse",
  listMembers: "member.list",
};

describe("the token scope and role matrix", () => {
  it("every endpoint is built on the same access rule as the app's procedure that does the same", () => {
    const app = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Rule } } }>;
    expect(ENDPOINTS.map((e) => e.name).sort()).toEqual(Object.keys(APP_EQUIVALENT).sort());
    for (const e of ENDPOINTS)
      expect(e.rule, `${e.name} and ${APP_EQUIVALENT[e.name]}`).toBe(app[APP_EQUIVALENT[e.name]!]!._def.meta?.access);
  });

  it("every endpoint answers each role and scope what the access module decides", { timeout: 120_000 }, async () => {
    const w = await buildWorld();
    const action = await w.admin.api.action.create({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipA.id,
      title: "Matrix action",
      ownerMemberId: w.manager.member.id,
      dueDate: "2030-01-01",
    });
    const goal = await w.admin.api.goal.create({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipA.id,
      title: "Matrix goal",
      measure: "Deals",
      unit: "deals",
      targetValue: 3,
      dueDate: "2030-06-30",
    });
    const ask = await w.admin.api.exchange.create({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipA.id,
      kind: "ASK",
      title: "Three warm intros to Nordic retailers",
      counterpart: "Channel lead",
    });
    const things: Things = {
      exchangeItemId: ask.id,
      actionId: action.id,
      actionVersion: action.version,
      goalId: goal.id,
      goal: { hostOwnerId: null, partnerOwnerId: null, createdById: w.admin.member.id },
    };

    const callers: { label: string; role: Role; partnerOrgId: string | null }[] = [
      { label: "admin", role: "ADMIN", partnerOrgId: null },
      { label: "manager", role: "MANAGER", partnerOrgId: null },
      { label: "executive", role: "EXECUTIVE", partnerOrgId: null },
      { label: "partner contact of A", role: "PARTNER", partnerOrgId: w.orgA.id },
      { label: "partner contact of B", role: "PARTNER", partnerOrgId: w.orgB.id },
    ];
    const problems: string[] = [];
    let cells = 0;
    for (const scope of ["READ", "READ_WRITE"] as Scope[]) {
      for (const c of callers) {
        const made = await w.admin.api.apiToken.create({
          workspaceSlug: w.slug,
          name: `${c.label} ${scope}`,
          scope,
          role: c.role,
          partnerOrgId: c.partnerOrgId,
        });
        const api = apiClient(made.token);
        const actor: Actor = { id: w.admin.member.id, role: c.role, partnerOrgId: c.partnerOrgId };
        // Reads first, then writes, as a client would.
        for (const e of [...ENDPOINTS].sort((x, y) => Number(x.type === "mutation") - Number(y.type === "mutation"))) {
          const { facts, ...init } = callOf(e, w, things);
          const answer = await send(api, e, init);
          cells++;
          const status = answer.response.status;
          const where = `${c.label} (${scope}) ${e.method} ${e.path} [${e.rule}]`;
          if (scope === "READ" && e.type === "mutation") {
            if (status !== 403 || answer.error?.message !== READ_ONLY_TOKEN)
              problems.push(`${where}: expected the read-only refusal, got ${status}`);
            continue;
          }
          const expected = expectedOutcome(e.rule, actor, facts ?? {});
          if (expected.ok) {
            if ([401, 403, 404, 500].includes(status))
              problems.push(`${where}: allowed by the access module, answered ${status} ${answer.error?.message}`);
          } else if (status !== STATUS[expected.code] || (expected.code === "FORBIDDEN" && answer.error?.message !== expected.message)) {
            problems.push(
              `${where}: the access module says ${expected.code} "${expected.message}", the API answered ${status} ${answer.error?.message}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(cells).toBe(ENDPOINTS.length * callers.length * 2);
    // Nothing a read-only token tried was written.
    const readOnly = await db().auditEvent.findMany({ where: { workspaceId: w.workspace.id, action: "api.write" } });
    expect(readOnly.filter((e) => (e.detail as { outcome: string }).outcome === "FORBIDDEN").length).toBeGreaterThanOrEqual(
      ENDPOINTS.filter((e) => e.type === "mutation").length * callers.length,
    );
  });
});

describe("scores through the API", () => {
  // Partnership A: 2020-Q1 with one response a side (withheld), 2020-Q2 with three a side (hosts
  // all 4 = 75, partners all 2 = 25: health 50, every pillar's gap 50), and the open cycle with
  // one host response (withheld).
  async function scoredWorld() {
    const w = await buildWorld();
    const d = db();
    const ws = w.workspace.id;
    const partners = [w.contactA.member.id];
    while (partners.length < 3) partners.push((await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id })).member.id);
    const hosts = [w.manager.member.id, w.admin.member.id, w.owner.member.id];
    const q1 = await closedQuarter(ws, "2020-Q1");
    const q2 = await closedQuarter(ws, "2020-Q2");
    const A = w.partnershipA.id;
    const specs: ResponseSpec[] = [
      { cycleId: q1.id, partnershipId: A, memberId: hosts[0]!, side: "HOST", answers: 1 },
      { cycleId: q1.id, partnershipId: A, memberId: partners[0]!, side: "PARTNER", answers: 1 },
      ...hosts.map((memberId) => ({ cycleId: q2.id, partnershipId: A, memberId, side: "HOST" as const, answers: 4 })),
      ...partners.map((memberId) => ({ cycleId: q2.id, partnershipId: A, memberId, side: "PARTNER" as const, answers: 2 })),
      { cycleId: w.cycle.id, partnershipId: A, memberId: hosts[1]!, side: "HOST", answers: 5 },
    ];
    await createResponses(d, ws, specs);
    return w;
  }

  const token = async (w: World, role: Role, partnerOrgId: string | null = null) =>
    apiClient(
      (await w.admin.api.apiToken.create({ workspaceSlug: w.slug, name: `${role} scores`, scope: "READ", role, partnerOrgId })).token,
    );

  it("show only the cycles the confidentiality rule shows, as the app's scorecard does", async () => {
    const w = await scoredWorld();
    const A = w.partnershipA.id;
    const api = await token(w, "EXECUTIVE");
    const card = (await api.GET("/partnerships/{partnershipId}/scorecard", { params: { path: { partnershipId: A } } })).data!;
    expect(card.current).toMatchObject({ cycleLabel: "2020-Q2", health: 50, band: "AT_RISK", responses: { host: 3, partner: 3 } });
    expect(card.pillars).toHaveLength(4);
    for (const p of card.pillars) expect(p).toMatchObject({ score: 50, host: 75, partner: 25, gap: 50, gapFlagged: true });
    expect(card.withheld.map((c) => [c.cycleLabel, c.responses])).toEqual([
      ["2020-Q1", 2],
      [w.cycle.label, 1],
    ]);

    const history = (await api.GET("/partnerships/{partnershipId}/pillar-scores", { params: { path: { partnershipId: A } } })).data!;
    expect(history.cycles).toEqual([
      { cycleLabel: "2020-Q2", health: 50, scores: history.pillars.map((p) => ({ pillarKey: p.key, score: 50 })) },
    ]);
    expect(history.withheld.map((c) => c.cycleLabel)).toEqual(["2020-Q1", w.cycle.label]);

    // The same figures as the app shows an executive.
    const app = await callerFor(w.executive.user.id).partnership.scorecard({ workspaceSlug: w.slug, partnershipId: A });
    expect(card.pillars).toEqual(
      app.pillars.map((p) => ({
        key: p.key,
        name: p.name,
        score: p.score,
        band: p.band,
        change: p.change,
        host: p.host,
        partner: p.partner,
        gap: p.gap,
        gapFlagged: p.gapFlagged,
      })),
    );
    expect(card.current?.health).toBe(app.current?.health);
  });

  it("show a partner contact's token what the workspace shares with partners, and nothing of other organisations", async () => {
    const w = await scoredWorld();
    const A = w.partnershipA.id;
    const partnerA = await token(w, "PARTNER", w.orgA.id);
    const card = (await partnerA.GET("/partnerships/{partnershipId}/scorecard", { params: { path: { partnershipId: A } } })).data!;
    expect(card.current).toMatchObject({ cycleLabel: "2020-Q2", health: 50 });
    // Each side's scores are not shared with partners by default.
    for (const p of card.pillars) expect(p).toMatchObject({ score: 50, host: null, partner: null, gap: null, gapFlagged: false });
    const app = await callerFor(w.contactA.user.id).partnership.scorecard({ workspaceSlug: w.slug, partnershipId: A });
    expect(card.pillars.map((p) => [p.score, p.host, p.partner])).toEqual(app.pillars.map((p) => [p.score, p.host, p.partner]));

    const partnerB = await token(w, "PARTNER", w.orgB.id);
    for (const path of ["/partnerships/{partnershipId}/scorecard", "/partnerships/{partnershipId}/pillar-scores"] as const) {
      const refused = await partnerB.GET(path, { params: { path: { partnershipId: A } } });
      expect(refused.response.status).toBe(404);
      expect(refused.error).toEqual({ code: "NOT_FOUND", message: "Partnership not found." });
    }
    const listed = (await partnerB.GET("/partnerships")).data!;
    expect(listed.items.map((p) => p.id)).toEqual([w.partnershipB.id]);
  });

  it("withhold everything while no cycle has enough responses", async () => {
    const w = await buildWorld();
    await createResponses(db(), w.workspace.id, [
      { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId: w.manager.member.id, side: "HOST", answers: 3 },
      { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId: w.contactA.member.id, side: "PARTNER", answers: 5 },
    ]);
    const api = await token(w, "ADMIN");
    const card = (await api.GET("/partnerships/{partnershipId}/scorecard", { params: { path: { partnershipId: w.partnershipA.id } } }))
      .data!;
    expect(card.current).toBeNull();
    expect(card.pillars.every((p) => p.score === null && p.host === null && p.partner === null)).toBe(true);
    expect(card.withheld).toEqual([expect.objectContaining({ cycleLabel: w.cycle.label, responses: 2 })]);
    const history = (
      await api.GET("/partnerships/{partnershipId}/pillar-scores", { params: { path: { partnershipId: w.partnershipA.id } } })
    ).data!;
    expect(history.cycles).toEqual([]);
  });
});
