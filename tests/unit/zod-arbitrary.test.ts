// The fuzzer's reading of zod 4 schemas (tests/integration/fuzz/zod-arbitrary.ts): without
// refinements, what it derives is what the schema accepts, so a zod upgrade that changes its
// internals shows here rather than as a fuzz run that quietly stops reaching the services.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { arbitraryFor, procedureInputArbitrary, type Schema } from "../integration/fuzz/zod-arbitrary";

const noSeeds = () => undefined;
const sample = (schema: z.ZodType, runs = 200) =>
  fc.sample(arbitraryFor(schema as unknown as Schema, noSeeds), { numRuns: runs, seed: 42 });

describe("arbitraries derived from zod schemas", () => {
  it("satisfy the schemas they come from", () => {
    const schemas: z.ZodType[] = [
      z.object({ name: z.string().trim().min(1).max(120), note: z.string().max(2000).optional() }),
      z.object({ slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/), email: z.email().max(200) }),
      z.object({ version: z.number().int().min(1), progress: z.number().int().min(0).max(100), weight: z.number().min(0.1).max(10) }),
      z.object({ role: z.enum(["OWNER", "PARTNER"]), kind: z.literal("x"), on: z.boolean(), at: z.string().nullish() }),
      z.object({
        items: z
          .array(z.object({ id: z.string().min(1), value: z.number().int().min(1).max(5).nullable() }))
          .min(1)
          .max(3),
      }),
      z.object({ filter: z.enum(["open", "all"]).default("open"), either: z.union([z.string().max(3), z.number().int()]) }),
      z.strictObject({ a: z.string().max(5) }),
    ];
    for (const schema of schemas) {
      for (const value of sample(schema)) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);
    }
  });

  it("offer real calendar days for a day pattern, and both bounds of an integer", () => {
    const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    const days = sample(day) as string[];
    expect(
      days.some((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)),
    ).toBe(true);
    const counts = sample(z.number().int().min(7).max(365), 300) as number[];
    expect(counts).toContain(7);
    expect(counts).toContain(365);
  });

  it("try integers past a 32-bit column, and very long text, where the schema allows them", () => {
    expect(sample(z.number().int().min(1), 300)).toContain(2 ** 31);
    expect((sample(z.string().min(1), 300) as string[]).some((s) => s.length >= 1 << 20)).toBe(true);
    expect((sample(z.string().max(64), 300) as string[]).every((s) => s.length <= 64)).toBe(true);
  });

  it("use real values by field name, and merge a procedure's several input objects", () => {
    const seeds = (field: string) => (field === "partnershipId" ? ["p1", "p2"] : field === "workspaceSlug" ? ["acme"] : undefined);
    const inputs = [
      z.object({ workspaceSlug: z.string().max(64) }),
      z.object({ partnershipId: z.string().min(1), extra: z.number().optional() }),
    ];
    const values = fc.sample(procedureInputArbitrary(inputs, seeds), { numRuns: 200, seed: 7 }) as Record<string, unknown>[];
    expect(values.every((v) => "workspaceSlug" in v && "partnershipId" in v)).toBe(true);
    expect(values.filter((v) => v.partnershipId === "p1" || v.partnershipId === "p2").length).toBeGreaterThan(120);
    expect(values.some((v) => v.workspaceSlug === "acme")).toBe(true);
  });
});
