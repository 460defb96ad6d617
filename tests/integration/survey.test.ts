import { describe, expect, it } from "vitest";
import { buildWorld, db, expectTrpcError, fullAnswers } from "./helpers";

describe("submitting a survey", () => {
  it("a double submit leaves one response, updated in place", async () => {
    const w = await buildWorld();
    const input = { workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id, comments: [] };
    const [first, second] = await Promise.all([
      w.contactA.api.response.submit({ ...input, answers: await fullAnswers(w.cycle.id, 4) }),
      w.contactA.api.response.submit({ ...input, answers: await fullAnswers(w.cycle.id, 5) }),
    ]);
    expect(first.responseId).toBe(second.responseId);
    const responses = await db().response.findMany({ where: { workspaceId: w.workspace.id } });
    expect(responses).toHaveLength(1);
    expect(responses[0]!.side).toBe("PARTNER");
    expect(await db().answer.count({ where: { responseId: first.responseId } })).toBe(16);
  });
});
