// Text files: the encoding and the delimiter are worked out, then csv-parse reads the rows.
// UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text" from Excel), and Windows-1252
// (what Excel on Windows writes as "CSV") when the bytes are not valid UTF-8.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { badRequest } from "../../access/errors";

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // Node's own "windows-1252" decoder reads bytes 0x80-0x9f as Latin-1 (no curly quotes, no
    // euro sign): iconv-lite has the real table.
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252"), encoding: "Windows-1252" };
  }
}

// The delimiter that splits the header line into the most columns: comma, semicolon (Excel in
// much of Europe) or tab. Delimiters inside quotes do not count.
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [delimiter, n] of counts) if (n > counts.get(best)!) best = delimiter;
  return best;
}

export function readCsv(bytes: Uint8Array): { rows: string[][]; encoding: string; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  try {
    const rows = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as string[][];
    return { rows, encoding, delimiter };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw badRequest(`The file could not be read as CSV: ${detail}. Nothing was imported.`);
  }
}
