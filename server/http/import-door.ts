// The door of the import's upload route (app/api/import/[slug]): a body a little over the
// import's file limit (the form around the file), and a refusal that says so in the import's words,
// from the Content-Length alone, before a byte of the file is read.
import { IMPORT_MAX_FILE_BYTES, megabytes } from "../services/import/limits";
import { jsonRefusal, type ApiRouteOptions } from "./api-route";

// The form's field names and boundaries take a few hundred bytes.
const FORM_OVERHEAD = 64 * 1024;

export const IMPORT_TOO_LARGE =
  `This file is larger than the ${megabytes(IMPORT_MAX_FILE_BYTES)} that can be imported. ` +
  "Split it into smaller files, or remove the columns you do not need. Nothing was imported.";

export const importDoor: ApiRouteOptions = {
  maxBodyBytes: IMPORT_MAX_FILE_BYTES + FORM_OVERHEAD,
  respond: (refusal) =>
    refusal.status === 413
      ? Response.json({ error: { message: IMPORT_TOO_LARGE } }, { status: 413, headers: { "Cache-Control": "no-store" } })
      : jsonRefusal(refusal),
};
