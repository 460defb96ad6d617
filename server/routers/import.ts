// Importing from spreadsheets, and the exports in the same columns. Admins only. The file itself
// is read by the upload route (app/api/import), which has its own size limit; these procedures
// take the table it read. Confirm streams its progress, then its result.
import { z } from "zod";
import { exportTable } from "../services/import/export";
import { mappingFor, previewImport } from "../services/import/index";
import { IMPORT_KINDS } from "../services/import/kinds";
import { IMPORT_MAX_ROWS } from "../services/import/limits";
import { confirmImportEvents } from "../services/import/stream";
import { adminProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

const kind = z.enum(IMPORT_KINDS);
const header = z.string().max(500);
const headers = z.array(header).min(1).max(200);
const table = z.object({ headers, rows: z.array(z.array(z.string().max(10_000)).max(200)).max(IMPORT_MAX_ROWS) });
// A field's key to one of the file's headers.
const mapping = z.record(z.string().max(40), header).refine((m) => Object.keys(m).length <= 20, "Map at most 20 columns.");

export const importRouter = router({
  // The file's headers matched to the fields: remembered choices first, then the usual names.
  mapping: adminProcedure.input(z.object({ kind, headers })).query(({ ctx, input }) => mappingFor(ctx, input.kind, input.headers)),

  // What the import would do, row by row, without writing anything.
  preview: adminProcedure.input(z.object({ kind, table, mapping })).mutation(({ ctx, input }) => previewImport(ctx, input)),

  // The import, in one transaction (only the valid rows when onlyValid): progress, then the result.
  confirm: adminProcedure
    .input(z.object({ kind, table, mapping, onlyValid: z.boolean() }))
    .mutation(({ ctx, input }) => confirmImportEvents(ctx, input)),

  // The kind's rows in the import's own columns (for the CSV download).
  export: adminProcedure.input(z.object({ kind })).query(({ ctx, input }) => exportTable(ctx, input.kind)),
});
