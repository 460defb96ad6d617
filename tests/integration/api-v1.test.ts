// The REST API (/api/v1) through a client generated from its own OpenAPI document, against the
// app's real route handler and database: the document is valid OpenAPI 3.1 (checked by
// @readme/openapi-parser) and the committed client types match it; every endpoint answers; tokens
// are shown once, kept hashed, show their last use, stop when revoked or when their maker stops
// administering, and open nothing of another workspace; errors are JSON with the right status and
// a clear message; writes are audited; the rate limit answers 429 with Retry-After.
// (Which role and scope may do what, and scores' confidentiality: api-v1-access.test.ts.)
import { readFile } from "node:fs/promises";
import { validate, compileErrors } from "@readme/openapi-parser";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import ApiReferencePage from "../../app/api-docs/page";
import { describe, expect, it } from "vitest";
import * as docRoute from "../../app/api/v1/openapi.json/route";
import { API_TYPES_FILE, apiV1Types } from "../../server/api-v1/client-types";
import { apiV1Document } from "../../server/api-v1/document";
import { hashToken } from "../../server/services/accounts/tokens";
import { BAD_TOKEN, MAKER_GONE, NO_TOKEN } from "../../server/services/api-tokens/authenticate";
import { READ_ONLY_TOKEN } from "../../server/api-v1/procedures";
import { env } from "../../server/env";
import { apiClient, BASE, called, serve } from "./api-v1/client";
import { buildWorld, db, keyOf } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Scope = "READ" | "READ_WRITE";

async function makeToken(w: World, scope: Scope = "READ_WRITE", role: "ADMIN" | "MANAGER" | "EXECUTIVE" | "PARTNER" = "ADMIN") {
  const made = await w.admin.api.apiToken.create({
    workspaceSlug: w.slug,
    name: `${role} ${scope} ${Math.random().toString(36).slice(2, 8)}`,
    scope,
    role,
    partnerOrgId: role === "PARTNER" ? w.orgA.id : null,
  });
  return made;
}

const OPERATIONS = Object.entries(apiV1Document().paths ?? {}).flatMap(([path, item]) =>
  Object.keys(item ?? {})
    .filter((m) => ["get", "post", "patch", "put", "delete"].includes(m))
    .map((m) => `${m.toUpperCase()} ${path}`),
);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1, served at /api/v1/openapi.json without a token", async () => {
    const doc = apiV1Document();
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);

    const served = await docRoute.GET(new NextRequest(`${BASE}/api/v1/openapi.json`), undefined);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(doc.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(16);
  });

  it("is rendered as the reference page: every endpoint, its fields and the auth scheme, with no script", () => {
    const html = renderToStaticMarkup(ApiReferencePage());
    for (const op of OPERATIONS) {
      const [method, path] = op.split(" ");
      expect(html).toContain(`>${method}</span>`);
      expect(html).toContain(`/api/v1${path!}`);
    }
    expect(html).toContain("Authorization: Bearer");
    expect(html).toContain('id="schema-ScorecardSummary"');
    expect(html).not.toContain("<script");
  });

  it("matches the committed client types (run `npm run api:types` after changing the API)", async () => {
    expect(await readFile(API_TYPES_FILE, "utf8"), `${API_TYPES_FILE} is stale: run npm run api:types`).toBe(await apiV1Types());
  });
});

describe("every endpoint, through the generated client", () => {
  it("reads and writes partner organisations, partnerships, cycles, scores, actions, goals, the exchange and members", async () => {
    const w = await buildWorld();
    const api = apiClient((await makeToken(w)).token);
    const A = w.partnershipA.id;

    const orgs = await api.GET("/partner-organisations");
    expect(orgs.response.status).toBe(200);
    expect(orgs.data!.items.map((o) => o.name).sort()).toEqual([w.orgA.name, w.orgB.name].sort());

    const org = await api.POST("/partner-organisations", { body: { name: "Hooli", website: "https://hooli.example", region: "EMEA" } });
    expect(org.response.status).toBe(200);
    expect(org.data).toMatchObject({ name: "Hooli", website: "https://hooli.example", region: "EMEA", industry: null });
    const renamed = await api.PATCH("/partner-organisations/{partnerOrgId}", {
      params: { path: { partnerOrgId: org.data!.id } },
      body: { industry: "Software", region: "" },
    });
    expect(renamed.data).toMatchObject({
      id: org.data!.id,
      name: "Hooli",
      website: "https://hooli.example",
      region: null,
      industry: "Software",
    });

    const created = await api.POST("/partnerships", {
      body: { name: "Hooli Resale", partnerOrgId: org.data!.id, tier: "CORE", phase: "ACTIVE", renewalDate: "2027-03-31" },
    });
    expect(created.response.status).toBe(200);
    expect(created.data).toMatchObject({ name: "Hooli Resale", partnerName: "Hooli", tier: "CORE", renewalDate: "2027-03-31" });
    const hooli = created.data!.id;

    const changed = await api.PATCH("/partnerships/{partnershipId}", {
      params: { path: { partnershipId: hooli } },
      body: { tier: "STRATEGIC" },
    });
    expect(changed.data).toMatchObject({ id: hooli, name: "Hooli Resale", tier: "STRATEGIC", phase: "ACTIVE", renewalDate: "2027-03-31" });

    const one = await api.GET("/partnerships/{partnershipId}", { params: { path: { partnershipId: hooli } } });
    expect(one.data).toEqual(changed.data);
    const list = await api.GET("/partnerships");
    expect(list.data!.items.map((p) => p.id)).toEqual(expect.arrayContaining([A, w.partnershipB.id, hooli]));

    const cycles = await api.GET("/cycles");
    expect(cycles.data!.items).toEqual([expect.objectContaining({ id: w.cycle.id, label: w.cycle.label, status: "OPEN" })]);

    const card = await api.GET("/partnerships/{partnershipId}/scorecard", { params: { path: { partnershipId: A } } });
    expect(card.response.status).toBe(200);
    expect(card.data).toMatchObject({ partnership: { id: A }, current: null, withheld: [] });
    const scores = await api.GET("/partnerships/{partnershipId}/pillar-scores", { params: { path: { partnershipId: A } } });
    expect(scores.data).toMatchObject({ partnership: { id: A }, cycles: [] });

    const action = await api.POST("/partnerships/{partnershipId}/actions", {
      params: { path: { partnershipId: A } },
      body: { title: "Joint webinar", ownerMemberId: w.manager.member.id, dueDate: "2030-01-15" },
    });
    expect(action.response.status).toBe(200);
    const moved = await api.PATCH("/actions/{actionId}", {
      params: { path: { actionId: action.data!.id } },
      body: { version: action.data!.version, status: "IN_PROGRESS", notes: "Agenda drafted" },
    });
    expect(moved.data).toMatchObject({ id: action.data!.id, version: action.data!.version + 1 });
    const actions = await api.GET("/partnerships/{partnershipId}/actions", {
      params: { path: { partnershipId: A }, query: { filter: "all" } },
    });
    expect(actions.data!.items).toEqual([
      expect.objectContaining({ title: "Joint webinar", status: "IN_PROGRESS", notes: "Agenda drafted", dueDate: "2030-01-15" }),
    ]);

    const goal = await api.POST("/partnerships/{partnershipId}/goals", {
      params: { path: { partnershipId: A } },
      body: { title: "Ten joint deals", measure: "Deals closed together", unit: "deals", targetValue: 10, dueDate: "2030-06-30" },
    });
    expect(goal.response.status).toBe(200);
    const goalChanged = await api.PATCH("/goals/{goalId}", {
      params: { path: { goalId: goal.data!.id } },
      body: { version: goal.data!.version, targetValue: 12 },
    });
    expect(goalChanged.data).toEqual({ id: goal.data!.id, version: goal.data!.version + 1 });
    const goals = await api.GET("/partnerships/{partnershipId}/goals", { params: { path: { partnershipId: A } } });
    expect(goals.data!.items).toEqual([
      expect.objectContaining({ title: "Ten joint deals", unit: "deals", startValue: 0, targetValue: 12, dueDate: "2030-06-30" }),
    ]);

    // The value exchange: the company's token asks, the partner contact's token answers, through
    // the same services and side rules as the app.
    const partner = apiClient((await makeToken(w, "READ_WRITE", "PARTNER")).token);
    const onA = { params: { path: { partnershipId: A } } };
    const ask = await api.POST("/partnerships/{partnershipId}/exchange", {
      ...onA,
      body: { kind: "ASK", title: "Three warm intros to Nordic retailers", counterpart: "Channel lead", dueDate: "2030-02-01" },
    });
    expect(ask.response.status).toBe(200);
    expect(ask.data).toMatchObject({ status: "OPEN", version: 1, hints: [] });
    const item = (id: string) => ({ params: { path: { itemId: id } } });
    const refused = await api.POST("/exchange/{itemId}/accept", { ...item(ask.data!.id), body: {} });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toEqual({
      code: "FORBIDDEN",
      message: `Only ${w.orgA.name}'s people can accept an ask made by ${w.workspace.name}.`,
    });
    const question = await partner.POST("/exchange/{itemId}/clarify", { ...item(ask.data!.id), body: { question: "Grocery or fashion?" } });
    expect(question.data).toEqual({ id: ask.data!.id, status: "CLARIFY", version: 2 });
    const answered = await api.POST("/exchange/{itemId}/answer", {
      ...item(ask.data!.id),
      body: { answer: "Grocery", title: "Three warm intros to Nordic grocery chains" },
    });
    expect(answered.data).toEqual({ id: ask.data!.id, status: "OPEN", version: 3 });
    expect((await partner.POST("/exchange/{itemId}/accept", { ...item(ask.data!.id), body: { note: "On it" } })).data?.status).toBe(
      "ACCEPTED",
    );
    const early = await api.POST("/exchange/{itemId}/lapse", { ...item(ask.data!.id), body: {} });
    expect(early.response.status).toBe(400);
    expect(early.error!.message).toMatch(/^This ask is not overdue: its date is 1 Feb 2030\.$/);
    const badRating = await api.POST("/exchange/{itemId}/deliver", { ...item(ask.data!.id), body: { rating: 6 } });
    expect(badRating.response.status).toBe(400);
    const delivered = await api.POST("/exchange/{itemId}/deliver", { ...item(ask.data!.id), body: { rating: 4, note: "Two meetings" } });
    expect(delivered.data).toEqual({ id: ask.data!.id, status: "DELIVERED", version: 5 });

    const offer = await partner.POST("/partnerships/{partnershipId}/exchange", {
      ...onA,
      body: { kind: "OFFER", title: "Support" },
    });
    expect(offer.data!.hints.map((h) => h.flag)).toEqual(["NO_PERSON", "NO_DELIVERABLE", "NO_DATE"]);
    const declined = await api.POST("/exchange/{itemId}/decline", { ...item(offer.data!.id), body: { reason: "Too vague to plan" } });
    expect(declined.data?.status).toBe("DECLINED");
    const second = await partner.POST("/partnerships/{partnershipId}/exchange", {
      ...onA,
      body: { kind: "OFFER", title: "Two speaker slots at the summit" },
    });
    expect((await partner.POST("/exchange/{itemId}/withdraw", { ...item(second.data!.id), body: {} })).data?.status).toBe("WITHDRAWN");

    const exchange = await partner.GET("/partnerships/{partnershipId}/exchange", onA);
    expect(exchange.response.status).toBe(200);
    expect(exchange.data!.viewerSide).toBe("PARTNER");
    expect(exchange.data!.items.map((i) => [i.kind, i.side, i.status])).toEqual([
      ["OFFER", "PARTNER", "WITHDRAWN"],
      ["OFFER", "PARTNER", "DECLINED"],
      ["ASK", "HOST", "DELIVERED"],
    ]);
    expect(exchange.data!.items[2]).toMatchObject({
      title: "Three warm intros to Nordic grocery chains",
      rating: 4,
      dueDate: "2030-02-01",
    });
    expect(exchange.data!.balance.year).toMatchObject({
      delivered: 1,
      index: 0,
      HOST: { asksMade: 1, valueReceived: 4 },
      PARTNER: { asksFulfilled: 1 },
    });
    // Another workspace's partnership and ask: 404, the same as ids that do not exist.
    const other = await buildWorld();
    const theirs = await other.manager.api.exchange.create({
      workspaceSlug: other.slug,
      partnershipId: other.partnershipA.id,
      kind: "ASK",
      title: "Three warm intros to Nordic retailers",
    });
    expect(
      (await api.GET("/partnerships/{partnershipId}/exchange", { params: { path: { partnershipId: other.partnershipA.id } } })).response
        .status,
    ).toBe(404);
    const foreign = await api.POST("/exchange/{itemId}/withdraw", { ...item(theirs.id), body: {} });
    expect(foreign.response.status).toBe(404);
    expect(await db().exchangeItem.findFirstOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "OPEN", version: 1 });

    const members = await api.GET("/members");
    expect(members.data!.items.map((m) => m.email)).toEqual(expect.arrayContaining([w.admin.user.email, w.contactA.user.email]));

    // Every operation of the document was called through the client.
    expect(OPERATIONS.filter((op) => !called.has(op))).toEqual([]);
  });
});

describe("API tokens", () => {
  it("are shown once and kept hashed; the list shows their last use, never the token", async () => {
    const w = await buildWorld();
    const made = await makeToken(w, "READ", "EXECUTIVE");
    expect(made.token).toMatch(/^ph_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findFirstOrThrow({ where: { id: made.id } });
    expect(row.tokenHash).toBe(hashToken(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token);

    const before = await w.admin.api.apiToken.list({ workspaceSlug: w.slug });
    expect(before).toEqual([expect.objectContaining({ id: made.id, lastUsedAt: null, scope: "READ", role: "EXECUTIVE", revokedAt: null })]);
    expect(JSON.stringify(before)).not.toContain(made.token);
    await apiClient(made.token).GET("/cycles");
    const after = await w.admin.api.apiToken.list({ workspaceSlug: w.slug });
    expect(after[0]!.lastUsedAt).toBeInstanceOf(Date);

    const audit = await db().auditEvent.findMany({ where: { workspaceId: w.workspace.id, action: "api_token.created" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses a call without a token, with a malformed or unknown one, and with a revoked one (401)", async () => {
    const w = await buildWorld();
    const none = await apiClient(null).GET("/cycles");
    expect(none.response.status).toBe(401);
    expect(none.response.headers.get("www-authenticate")).toBe("Bearer");
    expect(none.error).toEqual({ code: "UNAUTHORIZED", message: NO_TOKEN });

    const unknown = await apiClient("ph_not-a-real-token").GET("/cycles");
    expect(unknown.response.status).toBe(401);
    expect(unknown.error).toEqual({ code: "UNAUTHORIZED", message: BAD_TOKEN });
    const garbled = await serve(new Request(`${BASE}/api/v1/cycles`, { headers: { Authorization: "Basic dXNlcjpwYXNz" } }));
    expect(garbled.status).toBe(401);

    const made = await makeToken(w, "READ_WRITE");
    const api = apiClient(made.token);
    expect((await api.GET("/cycles")).response.status).toBe(200);
    await w.admin.api.apiToken.revoke({ workspaceSlug: w.slug, tokenId: made.id });
    const revoked = await api.GET("/cycles");
    expect(revoked.response.status).toBe(401);
    expect(revoked.error).toEqual({ code: "UNAUTHORIZED", message: BAD_TOKEN });
    const list = await w.admin.api.apiToken.list({ workspaceSlug: w.slug });
    expect(list[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it("stops working when its maker no longer administers the workspace", async () => {
    const w = await buildWorld();
    const api = apiClient((await makeToken(w)).token);
    expect((await api.GET("/cycles")).response.status).toBe(200);
    await db().member.update({ where: keyOf(w.admin.member), data: { role: "MANAGER" } });
    const refused = await api.GET("/cycles");
    expect(refused.response.status).toBe(401);
    expect(refused.error).toEqual({ code: "UNAUTHORIZED", message: MAKER_GONE });
  });

  it("opens nothing of another workspace: its ids answer 404, as random ones do", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const api = apiClient((await makeToken(other, "READ_WRITE", "ADMIN")).token);
    const list = await api.GET("/partnerships");
    expect(list.data!.items.map((p) => p.id).sort()).toEqual([other.partnershipA.id, other.partnershipB.id].sort());
    for (const partnershipId of [w.partnershipA.id, "no-such-partnership"]) {
      const read = await api.GET("/partnerships/{partnershipId}/scorecard", { params: { path: { partnershipId } } });
      expect(read.response.status).toBe(404);
      expect(read.error).toEqual({ code: "NOT_FOUND", message: "Partnership not found." });
      const write = await api.POST("/partnerships/{partnershipId}/actions", {
        params: { path: { partnershipId } },
        body: { title: "Sneaky", ownerMemberId: w.manager.member.id, dueDate: "2030-01-01" },
      });
      expect(write.response.status).toBe(404);
    }
    expect(await db().action.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});

describe("errors", () => {
  it("answer JSON with the right status and a clear message, and change nothing", async () => {
    const w = await buildWorld();
    const api = apiClient((await makeToken(w)).token);

    const invalid = await api.POST("/partner-organisations", { body: { name: "", website: "ftp://nope" } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Invalid input\. name: Enter the organisation's name\./),
    });

    const badDate = await api.POST("/partnerships/{partnershipId}/goals", {
      params: { path: { partnershipId: w.partnershipA.id } },
      body: { title: "A goal", measure: "A measure", targetValue: 1, dueDate: "2030-02-30" },
    });
    expect(badDate.response.status).toBe(400);
    expect(badDate.error!.message).toBe("Invalid input. dueDate: That is not a real date.");

    const taken = await api.POST("/partner-organisations", { body: { name: w.orgA.name } });
    expect(taken.response.status).toBe(409);
    expect(taken.error).toEqual({ code: "CONFLICT", message: `A partner organisation named "${w.orgA.name}" already exists.` });

    const missing = await api.PATCH("/actions/{actionId}", { params: { path: { actionId: "nope" } }, body: { version: 1, title: "x" } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toEqual({ code: "NOT_FOUND", message: "Action not found." });

    const unknownPath = await serve(
      new Request(`${BASE}/api/v1/nothing-here`, { headers: { Authorization: `Bearer ${(await makeToken(w)).token}` } }),
    );
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toMatchObject({ code: "NOT_FOUND" });

    expect(await db().partnerOrg.count({ where: { workspaceId: w.workspace.id } })).toBe(2);
  });
});

describe("audit", () => {
  it("records every call that writes, done or refused, and no read", async () => {
    const w = await buildWorld();
    const writer = await makeToken(w, "READ_WRITE");
    const reader = await makeToken(w, "READ", "ADMIN");
    await apiClient(writer.token).POST("/partner-organisations", { body: { name: "Pied Piper" } });
    await apiClient(writer.token).POST("/partner-organisations", { body: { name: "Pied Piper" } });
    const refused = await apiClient(reader.token).POST("/partner-organisations", { body: { name: "Raviga" } });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toEqual({ code: "FORBIDDEN", message: READ_ONLY_TOKEN });
    await apiClient(reader.token).GET("/partner-organisations");

    const events = await db().auditEvent.findMany({
      where: { workspaceId: w.workspace.id, action: "api.write" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.target, e.actorUserId, (e.detail as { tokenId: string; outcome: string }).outcome])).toEqual([
      ["POST /api/v1/partner-organisations", w.admin.user.id, "OK"],
      ["POST /api/v1/partner-organisations", w.admin.user.id, "CONFLICT"],
      ["POST /api/v1/partner-organisations", w.admin.user.id, "FORBIDDEN"],
    ]);
    expect(events.map((e) => (e.detail as { tokenId: string }).tokenId)).toEqual([writer.id, writer.id, reader.id]);
    expect(await db().partnerOrg.count({ where: { workspaceId: w.workspace.id, name: "Raviga" } })).toBe(0);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the limit per minute, counting calls that arrive together exactly", async () => {
    const w = await buildWorld();
    const made = await makeToken(w, "READ", "EXECUTIVE");
    const other = apiClient((await makeToken(w, "READ", "EXECUTIVE")).token);
    const api = apiClient(made.token);
    const limit = env.API_RATE_LIMIT_PER_MINUTE;

    const answers = await Promise.all(Array.from({ length: limit + 5 }, () => api.GET("/cycles")));
    const statuses = answers.map((a) => a.response.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const limited = answers.find((a) => a.response.status === 429)!;
    const retryAfter = Number(limited.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.error).toEqual({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/too many calls this minute\. Try again in \d+ seconds?\./),
    });

    // Another token of the same workspace has its own count.
    expect((await other.GET("/cycles")).response.status).toBe(200);
    // A minute later the window starts again.
    await db().apiToken.update({
      where: keyOf({ workspaceId: w.workspace.id, id: made.id }),
      data: { windowStart: new Date(Date.now() - 61_000) },
    });
    expect((await api.GET("/cycles")).response.status).toBe(200);
  });
});
