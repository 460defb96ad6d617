// The one place schema (zod) errors become sentences a person can act on. Schemas give their own
// message as a whole sentence ("Say what will be done."); for a rule without one, `issueSentence`
// is installed as zod's error map (server/trpc/init.ts), so zod's developer wording ("Invalid
// input: expected string, received undefined") never reaches a screen. No sentence names a field
// or its path: forms show each sentence beside its field. Pure; safe in the browser.
import type { z } from "zod";
import { shortDay } from "./services/dates";

type RawIssue = z.core.$ZodRawIssue;

const count = (n: number | bigint) => Number(n).toLocaleString("en-GB");

function tooSmall(origin: string, minimum: number | bigint, inclusive: boolean | undefined): string {
  const n = Number(minimum);
  switch (origin) {
    case "string":
      return n <= 1 ? "Fill this in." : `Use at least ${count(n)} characters.`;
    case "array":
    case "set":
    case "file":
      return n <= 1 ? "Choose at least one." : `Choose at least ${count(n)}.`;
    case "date":
      return `Pick a date on or after ${shortDay(new Date(n))}.`;
    default:
      return inclusive === false ? `Use a number above ${count(n)}.` : `Use a number of ${count(n)} or more.`;
  }
}

function tooBig(origin: string, maximum: number | bigint, inclusive: boolean | undefined): string {
  const n = Number(maximum);
  switch (origin) {
    case "string":
      return `Keep this to ${count(n)} characters or fewer.`;
    case "array":
    case "set":
    case "file":
      return `Choose at most ${count(n)}.`;
    case "date":
      return `Pick a date on or before ${shortDay(new Date(n))}.`;
    default:
      return inclusive === false ? `Use a number below ${count(n)}.` : `Use a number of ${count(n)} or less.`;
  }
}

function wrongType(expected: string, input: unknown): string {
  if (expected === "int") return "Enter a whole number.";
  if (expected === "number" || expected === "bigint") return "Enter a number.";
  if (input === undefined || input === null) return "Fill this in.";
  if (expected === "date") return "Enter a date.";
  if (expected === "boolean") return "Answer yes or no.";
  if (expected === "string") return "Enter text here.";
  return "This is not the kind of value the form expects; reload the page and try again.";
}

function badFormat(format: string): string {
  switch (format) {
    case "email":
      return "Enter an email address, like name@example.com.";
    case "url":
      return "Enter a full web address, like https://example.com.";
    case "date":
    case "datetime":
      return "Enter a date.";
    case "uuid":
    case "cuid":
    case "cuid2":
    case "ulid":
      return "This refers to something that is not there; reload the page and try again.";
    default:
      return "This does not have the right format.";
  }
}

// The sentence for one issue without a message of its own, by zod issue code.
export function issueSentence(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return wrongType(issue.expected, issue.input);
    case "too_small":
      return tooSmall(issue.origin, issue.minimum, issue.inclusive);
    case "too_big":
      return tooBig(issue.origin, issue.maximum, issue.inclusive);
    case "invalid_format":
      return badFormat(issue.format);
    case "not_multiple_of":
      return Number(issue.divisor) === 1 ? "Enter a whole number." : `Use a multiple of ${count(issue.divisor)}.`;
    case "unrecognized_keys":
      return "The form sent something this page does not know; reload the page and try again.";
    case "invalid_union":
      return "This is not one of the accepted kinds of value.";
    case "invalid_key":
    case "invalid_element":
      return "One of the entries is not accepted.";
    case "invalid_value":
      return "Choose one of the options offered.";
    default:
      return "This value is not accepted.";
  }
}

// What the error formatter sends for an input failure: each field's first sentence by its path
// ("title", "pillars.0.name"), and one summary sentence for the top of the form.
export interface InputProblems {
  summary: string;
  fieldErrors: Record<string, string>;
}

export const pathKey = (path: readonly PropertyKey[]) => path.map((p) => String(p)).join(".");

export function describeInputProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): InputProblems {
  const fieldErrors: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!key) general.push(issue.message);
    else fieldErrors[key] ??= issue.message;
  }
  const sentences = [...new Set([...general, ...Object.values(fieldErrors)])];
  const fields = Object.keys(fieldErrors).length;
  const summary =
    sentences.length <= 1
      ? (sentences[0] ?? "Something in the form is not accepted; please check it.")
      : fields > 1 && general.length === 0
        ? `${fields} entries need a change: ${sentences.slice(0, 3).join(" ")}`
        : sentences.slice(0, 3).join(" ");
  return { summary, fieldErrors };
}
