// tRPC's one instance. Every procedure's meta names the access rule it is built on (the step of
// the ladder in procedures.ts sets it), so the access tests can ask server/access what each one
// should answer. Refusals thrown as domain errors become tRPC errors in one middleware at the root
// of the ladder (errors.ts); an input failure's issues become sentences (server/input-sentences.ts):
// one per field on `data.fieldErrors` (path -> sentence) and a summary as the message, which forms
// show through app/_lib/use-form-errors.ts.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import { z, ZodError } from "zod";
import type { RequestContext } from "../access/context";
import type { Rule } from "../access/decide";
import { isDomainError } from "../access/errors";
import { describeInputProblems, issueSentence } from "../input-sentences";
import { toTRPCError } from "./errors";

// Every step of the ladder sets `access` (the access matrix test fails a procedure without it);
// `openapi`: only the REST API's procedures (server/api-v1) have it, naming their method and path.
export type Meta = OpenApiMeta<{ access?: Rule }>;
import { guardInput } from "./input-guard";

// The first few problems of an input, in one sentence; the REST API's errors say it the same way.
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.filter((p) => typeof p === "string").at(-1);
      return field ? `${String(field)}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

// Every zod rule without a message of its own speaks in sentences, not zod's developer wording.
z.config({ customError: issueSentence });

const t = initTRPC
  .context<RequestContext>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const problems = zodError ? describeInputProblems(zodError.issues) : null;
      // A service's refusal about one field (the due date in the past) is shown beside that field.
      const field = isDomainError(error.cause) ? error.cause.field : undefined;
      const fieldErrors = problems ? problems.fieldErrors : field ? { [field]: error.message } : null;
      return {
        ...shape,
        message: problems
          ? problems.summary
          : internal
            ? "Something went wrong on our side, and nothing was saved. Please try again."
            : shape.message,
        data: { ...shape.data, fieldErrors },
      };
    },
  });

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

// The root of the ladder: every procedure is built on it. Outermost, the one place refusals become
// tRPC errors; then the input rule for every string (input-guard.ts), before any input is parsed.
export const baseProcedure = t.procedure
  .use(async ({ next }) => {
    const result = await next();
    if (!result.ok) {
      const refusal = toTRPCError(result.error);
      if (refusal) throw refusal;
    }
    return result;
  })
  .use(guardInput);
