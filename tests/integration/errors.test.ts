import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createPartnerOrg } from "../../prisma/factories";
import { isDatabaseBusy, isUniqueViolation } from "../../server/db/errors";
import { toTRPCError } from "../../server/trpc/errors";
import { responseMeta } from "../../server/trpc/http-door";
import { appDb, buildWorld, db, expectTrpcError } from "./helpers";

describe("unique-key violations", () => {
  it("are recognised on this database, whichever it is", async () => {
    const w = await buildWorld();
    const error = await createPartnerOrg(db(), w.workspace.id, { name: w.orgA.name }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("something else"))).toBe(false);
  });

  it("reach people as a clear conflict, not an internal error", async () => {
    const w = await buildWorld();
    await expectTrpcError(w.admin.api.partnerOrg.create({ workspaceSlug: w.slug, name: w.orgA.name }), "CONFLICT", /already exists/);
    await expectTrpcError(
      w.admin.api.cycle.create({ workspaceSlug: w.slug, label: w.cycle.label, opensAt: "2030-01-01", closesAt: "2030-01-20" }),
      "CONFLICT",
      /already exists/,
    );
  });
});

describe("a database too busy to answer in time", () => {
  it("is recognised from a transaction that ran out of time, on this database", async () => {
    const error = await appDb()
      .$transaction(() => new Promise((resolve) => setTimeout(resolve, 200)), { timeout: 20 })
      .catch((e: unknown) => e);
    expect(isDatabaseBusy(error)).toBe(true);
    expect(isDatabaseBusy(new Error("something else"))).toBe(false);
  });

  it("reaches people as 503 with when to try again, not as an internal error", async () => {
    const error = await appDb()
      .$transaction(() => new Promise((resolve) => setTimeout(resolve, 200)), { timeout: 20 })
      .catch((e: unknown) => e);
    const refusal = toTRPCError(error);
    expect(refusal?.code).toBe("SERVICE_UNAVAILABLE");
    expect(refusal?.message).toMatch(/nothing was saved.*try again/);
    expect(responseMeta({ errors: [refusal!] }).headers).toEqual({ "Retry-After": "2" });
    expect(responseMeta({ errors: [new TRPCError({ code: "INTERNAL_SERVER_ERROR" })] })).toEqual({});
  });
});
