// The input rule of server/input-text.ts for every procedure, before any parsing: the base of the
// ladder runs this first, so no procedure can forget it, and a hostile string never reaches a
// schema, a service or the database. The refusal is an input error like zod's (BAD_REQUEST with
// a ZodError cause), so the error formatter sends it by the field's path and forms show it there.
// (ZodRealError is zod 4's ZodError that is also an Error, as parse failures are: tRPC keeps only
// an Error as the cause.)
import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import { badTextProblem, findBadText } from "../input-text";

interface GuardOpts<T> {
  getRawInput: () => Promise<unknown>;
  next: () => Promise<T>;
}

export async function guardInput<T>({ getRawInput, next }: GuardOpts<T>): Promise<T> {
  // tRPC hands over the input after the transformer (superjson) has rebuilt it.
  const bad = findBadText(await getRawInput());
  if (bad) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: badTextProblem(bad),
      cause: new ZodRealError([{ code: "custom", path: bad.path, message: badTextProblem(bad), input: undefined }]),
    });
  }
  return next();
}
