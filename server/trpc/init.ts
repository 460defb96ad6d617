// tRPC's one instance. Input validation errors are turned into one readable sentence, so every
// form can show the server's message as it is.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";
import { guardInput } from "./input-guard";

function describe(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.filter((p) => typeof p === "string").at(-1);
      return field ? `${String(field)}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    // An unexpected failure's own text (a database error, say) is for the server log, not the user.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: zodError
        ? `Invalid input. ${describe(zodError)}`
        : internal
          ? "Something went wrong on our side, and nothing was saved. Please try again."
          : shape.message,
      data: { ...shape.data, fieldErrors: zodError ? zodError.flatten().fieldErrors : null },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const baseProcedure = t.procedure.use(guardInput);
export const createCallerFactory = t.createCallerFactory;
