// The input rule for every string (server/input-text.ts, applied by server/trpc/input-guard.ts),
// through the app's own HTTP handler and superjson: a NUL, a lone surrogate or another control
// character anywhere in any input is a 400 that names the field, before anything is read or
// written; prototype keys pollute nothing; a megabyte of text is refused by the schemas' limits.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createContextFor } from "../../server/trpc/context";
import { appRouter } from "../../server/trpc/root";
import { fuzzWorld } from "./fuzz/world";
import { buildWorld, db, expectTrpcError } from "./helpers";

const PROBLEM = "This contains a control character or an invalid character; remove it and try again.";

interface Answer {
  status: number;
  message: string;
  code: string;
  fieldErrors: Record<string, string> | null;
  data: unknown;
}

// One request as the browser's tRPC client sends it (superjson-encoded, not batched).
async function http(userId: string | null, path: string, body: unknown, method: "GET" | "POST" = "POST"): Promise<Answer> {
  const base = `http://localhost/api/trpc/${path}`;
  const req =
    method === "GET"
      ? new Request(`${base}?input=${encodeURIComponent(JSON.stringify(body))}`)
      : new Request(base, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContextFor(userId) });
  const json = (await res.json()) as {
    error?: { json: { message: string; data: { code: string; fieldErrors: Record<string, string> | null } } };
    result?: { data: unknown };
  };
  const error = json.error?.json;
  return {
    status: res.status,
    message: error?.message ?? "",
    code: error?.data.code ?? "",
    fieldErrors: error?.data.fieldErrors ?? null,
    data: json.result?.data,
  };
}

const encode = (input: unknown) => superjson.serialize(input);

async function counts(workspaceId: string) {
  const d = db();
  return {
    orgs: await d.partnerOrg.count({ where: { workspaceId } }),
    pillars: await d.pillar.count({ where: { workspaceId } }),
    items: await d.retroItem.count({ where: { workspaceId } }),
  };
}

describe("the input rule for every string", () => {
  it("refuses NUL, lone surrogates and other controls with a 400 naming the field, and writes nothing", async () => {
    const w = await buildWorld();
    const before = await counts(w.workspace.id);
    for (const bad of ["Acme\u0000", "\ud800", "a\udfffb", "bell\u0007", "del\u007f", "csi\u009b"]) {
      const answer = await http(w.owner.user.id, "partnerOrg.create", encode({ workspaceSlug: w.slug, name: bad }));
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.code).toBe("BAD_REQUEST");
      expect(answer.message).toBe(PROBLEM);
      expect(answer.fieldErrors).toEqual({ name: PROBLEM });
    }
    expect(await counts(w.workspace.id)).toEqual(before);
  });

  it("accepts tabs, line breaks, accents and emoji", async () => {
    const w = await buildWorld();
    const answer = await http(w.owner.user.id, "partnerOrg.create", encode({ workspaceSlug: w.slug, name: "Zoë\tÅngström 東京 👍🏽" }));
    expect(answer.status).toBe(200);
  });

  it("names a field deep inside the input", async () => {
    const w = await buildWorld();
    const framework = await w.owner.api.framework.current({ workspaceSlug: w.slug });
    const pillars = framework!.pillars.map((p) => ({
      key: p.key,
      name: p.name,
      description: p.description,
      weight: p.weight,
      statements: p.statements.map((s) => ({ key: s.key, text: s.text })),
    }));
    pillars[1]!.statements[2]!.text = "We keep our promises\u0000";
    const before = await counts(w.workspace.id);
    const answer = await http(w.owner.user.id, "framework.update", encode({ workspaceSlug: w.slug, pillars }));
    expect(answer.status).toBe(400);
    expect(answer.message).toBe(PROBLEM);
    expect(answer.fieldErrors).toEqual({ "pillars.1.statements.2.text": PROBLEM });
    expect(await counts(w.workspace.id)).toEqual(before);
  });

  it("checks object keys, the workspace slug, queries sent by GET and signed-out procedures alike", async () => {
    const w = await buildWorld();
    const key = await http(w.owner.user.id, "partnerOrg.create", encode({ workspaceSlug: w.slug, name: "Ok", ["re\u0000gion"]: "x" }));
    expect(key.status).toBe(400);
    expect(key.message).toMatch(/^A field name contains a control character/);

    const slug = await http(w.owner.user.id, "partnership.list", encode({ workspaceSlug: `${w.slug}\u0000` }), "GET");
    expect(slug.status).toBe(400);
    expect(slug.message).toBe(PROBLEM);

    const query = await http(w.owner.user.id, "partnership.scorecard", encode({ workspaceSlug: w.slug, partnershipId: "\ud800" }), "GET");
    expect(query.status).toBe(400);

    const email = `nul-${w.workspace.id}@example.test`;
    const signUp = await http(
      null,
      "workspace.signUp",
      encode({
        name: "N\u0000",
        email,
        password: "long enough password",
        workspaceName: "Nul Inc",
        slug: `nul-${w.workspace.id}`.slice(0, 30),
      }),
    );
    expect(signUp.status).toBe(400);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("checks what superjson rebuilds: Maps, Sets and shared references", async () => {
    const w = await buildWorld();
    const map = await http(
      w.owner.user.id,
      "partnerOrg.create",
      encode({ workspaceSlug: w.slug, name: "Ok", extra: new Map([["k", "\u0000"]]) }),
    );
    expect(map.status).toBe(400);
    const set = await http(w.owner.user.id, "partnerOrg.create", encode({ workspaceSlug: w.slug, name: "Ok", extra: new Set(["\ud800"]) }));
    expect(set.status).toBe(400);
    const cyclic: Record<string, unknown> = { workspaceSlug: w.slug, name: "Cyclic" };
    cyclic.self = cyclic;
    const answer = await http(w.owner.user.id, "partnerOrg.create", encode(cyclic));
    expect(answer.status).toBeLessThan(500);
  });

  it("lets no prototype key pollute anything", async () => {
    const w = await buildWorld();
    const attempts = [
      `{"json":{"workspaceSlug":"${w.slug}","name":"Proto 1","__proto__":{"polluted":"yes"}}}`,
      `{"json":{"workspaceSlug":"${w.slug}","name":"Proto 2","constructor":{"prototype":{"polluted":"yes"}}}}`,
      `{"json":{"workspaceSlug":"${w.slug}","name":"Proto 3","x":{}},"meta":{"referentialEqualities":{"x":["__proto__.polluted"]}}}`,
      `{"json":{"workspaceSlug":"${w.slug}","name":"Proto 4","x":{}},"meta":{"values":{"__proto__.polluted":["undefined"]}}}`,
      `{"json":{"workspaceSlug":"${w.slug}","name":"Proto 5","x":{}},"meta":{"values":{"constructor.prototype.polluted":["undefined"]}}}`,
    ];
    for (const body of attempts) {
      const answer = await http(w.owner.user.id, "partnerOrg.create", JSON.parse(body));
      expect(answer.status, body).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted, body).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    }
    const orgs = await db().partnerOrg.findMany({ where: { workspaceId: w.workspace.id, name: { startsWith: "Proto" } } });
    for (const org of orgs)
      expect(Object.keys(org).sort()).toEqual(["createdAt", "id", "industry", "name", "region", "website", "workspaceId"]);
  });

  it("refuses a megabyte of text and numbers out of range by the schemas' limits", async () => {
    const w = await buildWorld();
    const big = await http(w.owner.user.id, "partnerOrg.create", encode({ workspaceSlug: w.slug, name: "x".repeat(1 << 20) }));
    expect(big.status).toBe(400);
    for (const progress of [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY]) {
      const answer = await http(
        w.owner.user.id,
        "workspace.updateRenewalSettings",
        encode({ workspaceSlug: w.slug, renewalReviewDays: progress }),
      );
      expect(answer.status, String(progress)).toBe(400);
    }
  });

  // Found by the fuzzer: these versions were compared in SQL against 32-bit columns, and a larger
  // number failed in the database (500) instead of being refused.
  it("refuses versions a 32-bit column cannot hold", async () => {
    const w = await fuzzWorld();
    const [goalId] = w.seeds("goalId") as string[];
    const [cycleId] = w.seeds("cycleId") as string[];
    const [, retroActionId] = w.seeds("actionId") as string[];
    const version = 2 ** 31;
    await expectTrpcError(w.contactA.api.goal.checkIn({ workspaceSlug: w.slug, goalId: goalId!, value: 5, version }), "BAD_REQUEST");
    await expectTrpcError(
      w.manager.api.retro.assign({
        workspaceSlug: w.slug,
        actionId: retroActionId!,
        memberId: w.manager.member.id,
        dueDate: "2030-01-01",
        pillarKey: null,
        version,
      }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      w.contactA.api.response.saveDraft({
        workspaceSlug: w.slug,
        cycleId: cycleId!,
        partnershipId: w.partnershipA.id,
        answers: [],
        comments: [],
        baseVersion: version,
      }),
      "BAD_REQUEST",
    );
  });
});
