// An endpoint's HTTP method, path and documentation, as trpc-to-openapi reads them from a
// procedure's meta, with the errors every endpoint may answer.
export type Method = "GET" | "POST" | "PATCH";
// The errors every endpoint may answer, in the document; writes may also meet a conflict.
const ERRORS = {
  400: "Invalid input: the message names the field and what is wrong with it",
  401: "No API token, or one that is not valid (revoked, or its maker no longer administers the workspace)",
  403: "The token's role may not do this, or the token may only read",
  404: "Not found, or not visible to the token's role",
  429: "Too many calls with this token this minute: wait the seconds of the Retry-After header",
  500: "Something went wrong on the server; nothing was saved",
};
export const endpoint = (method: Method, path: `/${string}`, tag: string, summary: string, description?: string) => ({
  openapi: {
    method,
    path,
    tags: [tag],
    summary,
    description,
    protect: true,
    errorResponses: method === "GET" ? ERRORS : { ...ERRORS, 409: "The change conflicts with the data: a name taken, or a newer version" },
  },
});
