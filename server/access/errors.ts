// The few ways a request is refused, each with a message a person can act on. Services and the
// access module throw these and know nothing of the transport; one formatter in the tRPC wiring
// (server/trpc/errors.ts) maps each code to its tRPC code and HTTP status.
export type RefusalCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    // The input field the refusal is about, when it is about one: forms show it beside that field.
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

// "Retro not found." The same words whether the thing is missing, in another workspace, or
// behind a partnership the person may not see: nothing tells them apart.
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found.`);
export const badRequest = (message: string, field?: string) => new DomainError("BAD_REQUEST", message, field);
export const conflict = (message: string, field?: string) => new DomainError("CONFLICT", message, field);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
export const unauthorized = (message: string) => new DomainError("UNAUTHORIZED", message);
// Too many tries in a while (password guesses, emails asked for): 429, with when to try again.
export const tooMany = (message: string) => new DomainError("TOO_MANY_REQUESTS", message);
