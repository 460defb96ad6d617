// How much one request may ask of the server. Shared with the browser's tRPC client, which splits
// its batches to fit, so this file imports nothing.

// Calls in one tRPC batch. A page asks for a handful of queries at once; the client sends at most
// this many per request, and the server refuses more (400) before running any.
export const TRPC_MAX_BATCH = 10;

// Bytes of one tRPC request body: 1 MiB. The largest input the app takes today is a survey draft
// or submission: at most 200 answers (~25 KB) and 50 comments of 2,000 characters, ~300 KB even
// if every character takes 3 bytes of UTF-8. 1 MiB leaves three times that, yet refuses a 5 MB
// body before it is read (413). Bulk uploads (CSV imports) belong on a route of their own with
// its own limit, not here.
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;

// Bytes of a next-auth request body: an email and password, a CSRF token, a callback URL; a sign-in
// form never comes near 64 KiB.
export const AUTH_MAX_BODY_BYTES = 64 * 1024;

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
