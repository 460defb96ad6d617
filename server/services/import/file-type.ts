// What a file is, read from its first bytes rather than its name: a spreadsheet renamed to .csv,
// or a PDF renamed to .xlsx, is recognised for what it is.

export type FileKind = { kind: "xlsx" } | { kind: "text" } | { kind: "refused"; message: string };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

// Formats people pick by mistake, each named so the message says what the file is.
const KNOWN: { magic: number[]; what: string }[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: "an older Excel workbook (.xls); save it as .xlsx or CSV" },
  { magic: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { magic: [0x1f, 0x8b], what: "a gzip archive" },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: "a program" },
  { magic: [0x4d, 0x5a], what: "a program" },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];
const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";

export function detectFileKind(bytes: Uint8Array, fileName: string): FileKind {
  const extension = extensionOf(fileName);
  const refuse = (what: string): FileKind => ({
    kind: "refused",
    message: `"${fileName}" is ${what}, not a CSV or Excel (.xlsx) file. Nothing was imported.`,
  });
  if (bytes.byteLength === 0) return { kind: "refused", message: `"${fileName}" is empty. Nothing was imported.` };
  // An .xlsx workbook is a ZIP archive; whether it really is a workbook, opening it tells.
  if (startsWith(bytes, ZIP)) return { kind: "xlsx" };
  for (const { magic, what } of KNOWN) if (startsWith(bytes, magic)) return refuse(what);
  if (extension === "xlsx" || extension === "xlsm") return refuse("not an Excel workbook, although its name ends in .xlsx");
  // Text has no NUL bytes, except as UTF-16, which spreadsheets write as "Unicode text".
  const utf16 = startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM);
  if (!utf16 && bytes.subarray(0, 64 * 1024).includes(0)) return refuse("not text");
  return { kind: "text" };
}
