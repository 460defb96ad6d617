// Every zod issue code the app maps becomes a sentence without a path or zod's own wording, and a
// schema's own message wins over the fallback.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { describeInputProblems, issueSentence } from "../../server/input-sentences";

beforeAll(() => {
  z.config({ customError: issueSentence });
});

function sentenceOf(schema: z.ZodType, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return result.error.issues[0]!.message;
}

const ZOD_WORDING = /Invalid input|Invalid option|Too small|Too big|expected|received|Unrecognized|>=|<=/;

describe("issueSentence, by zod issue code", () => {
  const cases: [string, z.ZodType, unknown, string][] = [
    ["invalid_type: nothing given", z.object({ title: z.string() }), {}, "Fill this in."],
    ["invalid_type: a number", z.object({ n: z.number() }), { n: Number.NaN }, "Enter a number."],
    ["invalid_type: a whole number", z.number().int(), 1.5, "Enter a whole number."],
    ["invalid_type: text", z.string(), 5, "Enter text here."],
    ["invalid_type: a date", z.date(), "soon", "Enter a date."],
    ["invalid_type: yes or no", z.boolean(), "maybe", "Answer yes or no."],
    [
      "invalid_type: another shape",
      z.array(z.string()),
      "x",
      "This is not the kind of value the form expects; reload the page and try again.",
    ],
    ["too_small: empty text", z.string().min(1), "", "Fill this in."],
    ["too_small: short text", z.string().min(3), "ab", "Use at least 3 characters."],
    ["too_small: a number", z.number().min(0), -1, "Use a number of 0 or more."],
    ["too_small: above a number", z.number().gt(0), 0, "Use a number above 0."],
    ["too_small: an empty list", z.array(z.string()).min(1), [], "Choose at least one."],
    ["too_small: a short list", z.array(z.string()).min(2), ["a"], "Choose at least 2."],
    [
      "too_small: a date",
      z.date().min(new Date("2026-01-03T00:00:00Z")),
      new Date("2026-01-01T00:00:00Z"),
      "Pick a date on or after 3 Jan 2026.",
    ],
    ["too_big: long text", z.string().max(5000), "x".repeat(5001), "Keep this to 5,000 characters or fewer."],
    ["too_big: a number", z.number().max(100), 101, "Use a number of 100 or less."],
    ["too_big: below a number", z.number().lt(10), 10, "Use a number below 10."],
    ["too_big: a long list", z.array(z.string()).max(2), ["a", "b", "c"], "Choose at most 2."],
    [
      "too_big: a date",
      z.date().max(new Date("2026-01-03T00:00:00Z")),
      new Date("2026-02-01T00:00:00Z"),
      "Pick a date on or before 3 Jan 2026.",
    ],
    ["invalid_format: email", z.email(), "nobody", "Enter an email address, like name@example.com."],
    ["invalid_format: url", z.url(), "nope", "Enter a full web address, like https://example.com."],
    ["invalid_format: date", z.iso.date(), "31/12/2026", "Enter a date."],
    ["invalid_format: uuid", z.uuid(), "x", "This refers to something that is not there; reload the page and try again."],
    ["invalid_format: pattern", z.string().regex(/^a+$/), "b", "This does not have the right format."],
    ["not_multiple_of", z.number().multipleOf(5), 3, "Use a multiple of 5."],
    [
      "unrecognized_keys",
      z.strictObject({}),
      { extra: 1 },
      "The form sent something this page does not know; reload the page and try again.",
    ],
    ["invalid_union", z.union([z.string(), z.number()]), true, "This is not one of the accepted kinds of value."],
    ["invalid_key", z.record(z.string().min(2), z.string()), { a: "x" }, "One of the entries is not accepted."],
    ["invalid_element", z.map(z.object({}), z.number()), new Map([[{}, "b"]]), "One of the entries is not accepted."],
    ["invalid_value: enum", z.enum(["OPEN", "DONE"]), "LATER", "Choose one of the options offered."],
    ["invalid_value: literal", z.literal("yes"), "no", "Choose one of the options offered."],
    ["custom", z.string().refine(() => false), "x", "This value is not accepted."],
  ];
  it.each(cases)("%s", (_name, schema, input, sentence) => {
    const message = sentenceOf(schema, input);
    expect(message).toBe(sentence);
    expect(message).not.toMatch(ZOD_WORDING);
    expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it("leaves a schema's own sentence alone", () => {
    expect(sentenceOf(z.object({ title: z.string().min(1, "Say what will be done.") }), { title: "" })).toBe("Say what will be done.");
  });
});

describe("describeInputProblems", () => {
  const issues = (input: unknown) => {
    const schema = z.object({
      title: z.string().min(1, "Say what will be done."),
      progress: z.number().min(0, "Progress is a number from 0 to 100."),
      pillars: z.array(z.object({ name: z.string().min(1, "Give every pillar a name.") })),
    });
    const result = schema.safeParse(input);
    return result.success ? [] : result.error.issues;
  };

  it("sends one sentence per field by its path and sums them up without paths", () => {
    const problems = describeInputProblems(issues({ title: "", progress: -1, pillars: [{ name: "" }] }));
    expect(problems.fieldErrors).toEqual({
      title: "Say what will be done.",
      progress: "Progress is a number from 0 to 100.",
      "pillars.0.name": "Give every pillar a name.",
    });
    expect(problems.summary).toBe(
      "3 entries need a change: Say what will be done. Progress is a number from 0 to 100. Give every pillar a name.",
    );
  });

  it("says a single problem as it is", () => {
    const problems = describeInputProblems(issues({ title: "", progress: 5, pillars: [] }));
    expect(problems.summary).toBe("Say what will be done.");
    expect(problems.summary).not.toMatch(/Invalid input|title/);
  });

  it("puts a problem of the whole input into the summary only", () => {
    const problems = describeInputProblems([{ path: [], message: "Choose at least one partnership." }]);
    expect(problems).toEqual({ summary: "Choose at least one partnership.", fieldErrors: {} });
  });
});
