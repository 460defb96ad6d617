// An uploaded file as a table: its header row and data rows, each row numbered as a spreadsheet
// numbers it (the header is row 1). Refused before parsing: files over the size limit and files
// that are not CSV or .xlsx by their content.
import { badRequest } from "../../access/errors";
import { detectFileKind } from "./file-type";
import { IMPORT_MAX_FILE_BYTES, IMPORT_MAX_ROWS, tooLargeMessage } from "./limits";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";

export interface ImportTable {
  headers: string[];
  rows: string[][];
  // What was read, for the page to say: "CSV, Windows-1252, semicolons" or "Excel workbook".
  format: string;
}

const DELIMITER_NAME: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<ImportTable> {
  if (bytes.byteLength > IMPORT_MAX_FILE_BYTES) throw badRequest(tooLargeMessage(bytes.byteLength));
  const kind = detectFileKind(bytes, fileName);
  if (kind.kind === "refused") throw badRequest(kind.message);
  let all: string[][];
  let format: string;
  if (kind.kind === "xlsx") {
    all = await readXlsx(bytes, fileName);
    format = "Excel workbook";
  } else {
    const csv = readCsv(bytes);
    all = csv.rows;
    format = `CSV, ${csv.encoding}, ${DELIMITER_NAME[csv.delimiter]}`;
  }
  if (all.length === 0) throw badRequest(`"${fileName}" holds no rows. Nothing was imported.`);
  const headers = headerRow(all[0]!);
  const rows = all.slice(1);
  if (rows.length === 0) throw badRequest(`"${fileName}" has a header row but no rows below it. Nothing was imported.`);
  if (rows.length > IMPORT_MAX_ROWS) {
    throw badRequest(
      `"${fileName}" has ${rows.length.toLocaleString("en")} rows; up to ${IMPORT_MAX_ROWS.toLocaleString("en")} can be imported at once. Split it into smaller files. Nothing was imported.`,
    );
  }
  return { headers, rows, format };
}

// Headers as typed; an empty one is named by its position, and a repeated one gets its position
// too, so every column can be told apart in the mapping.
function headerRow(cells: string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, i) => {
    let name = cell.trim() || `column ${i + 1}`;
    if (seen.has(name)) name = `${name} (column ${i + 1})`;
    seen.add(name);
    return name;
  });
}
