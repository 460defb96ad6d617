// The import's upload: one POST per step, each carrying the file again (nothing of it is kept
// between steps), as multipart form data: step ("read", "preview" or "confirm"), kind, the file,
// and for preview and confirm the mapping (JSON) and onlyValid. Under /api so the body reaches it
// unread: the door refuses a file over the import's limit from its Content-Length (413), before
// a byte is read. Access is the import procedures' own (admins); the first call checks it before
// the file is parsed.
import { TRPCError } from "@trpc/server";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { isDomainError } from "~/server/access/errors";
import { apiRoute } from "~/server/http/api-route";
import { importDoor } from "~/server/http/import-door";
import { IMPORT_KINDS } from "~/server/services/import/kinds";
import { readImportFile } from "~/server/services/import/read-file";
import { serverApi } from "~/server/trpc/server";

export const dynamic = "force-dynamic";

const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400, CONFLICT: 409 };
const fail = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { "Cache-Control": "no-store" } });

// A refusal from a procedure (TRPCError) or from reading the file (a domain error), in its words.
const refusalOf = (error: unknown) => ((error instanceof TRPCError || isDomainError(error)) && STATUS[error.code] ? error : null);

function failure(error: unknown) {
  const refusal = refusalOf(error);
  if (refusal) return fail(STATUS[refusal.code]!, refusal.message);
  throw error;
}

const form = z.object({
  step: z.enum(["read", "preview", "confirm"]),
  kind: z.enum(IMPORT_KINDS),
  mapping: z.string().max(20_000).optional(),
  onlyValid: z.enum(["0", "1"]).optional(),
});

async function handle(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    return fail(400, "Send the file as a form upload.");
  }
  const fields = form.safeParse(Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === "string")));
  const file = data.get("file");
  if (!fields.success || !(file instanceof File)) return fail(400, "Choose a file and what it holds.");
  const { step, kind } = fields.data;
  const api = await serverApi();
  try {
    // Access first: nobody but the workspace's admins gets their file parsed.
    const workspace = await api.workspace.current({ workspaceSlug: slug });
    if (!workspace.can.administer) return fail(403, "Only the workspace's owners and admins can import.");
    const table = await readImportFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (step === "read") {
      const { mapping, fields: defs } = await api.import.mapping({ workspaceSlug: slug, kind, headers: table.headers });
      return Response.json({
        fileName: file.name,
        format: table.format,
        headers: table.headers,
        rowCount: table.rows.length,
        sample: table.rows.slice(0, 3),
        mapping,
        fields: defs,
      });
    }
    let mapping: Record<string, string>;
    try {
      mapping = z.record(z.string(), z.string()).parse(JSON.parse(fields.data.mapping ?? "{}"));
    } catch {
      return fail(400, "The column mapping was not sent whole; choose the columns again.");
    }
    if (step === "preview") return Response.json(await api.import.preview({ workspaceSlug: slug, kind, mapping, table }));

    const events = await api.import.confirm({ workspaceSlug: slug, kind, mapping, table, onlyValid: fields.data.onlyValid === "1" });
    const encoder = new TextEncoder();
    // One JSON object per line: progress while the transaction runs, then the result or the error.
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
        try {
          for await (const event of events) send(event);
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) console.error("Import failed:", error);
          send({ type: "error", message: refusal?.message ?? "The import failed, and nothing was imported. Try again." });
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (error) {
    return failure(error);
  }
}

export const POST = apiRoute(handle, importDoor);
