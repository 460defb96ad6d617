import { describe, expect, it } from "vitest";
import { createPartnerOrg } from "../../prisma/factories";
import { isUniqueViolation } from "../../server/db/errors";
import { buildWorld, db, expectTrpcError } from "./helpers";

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
