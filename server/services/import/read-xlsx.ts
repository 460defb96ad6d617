// Excel workbooks (.xlsx), read with exceljs: the first worksheet, each cell as the text a person
// sees. A formula gives its result, a date its day (YYYY-MM-DD), a link its text.
import ExcelJS from "exceljs";
import { badRequest } from "../../access/errors";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDay(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw badRequest(`"${fileName}" is a ZIP archive but not an Excel workbook (.xlsx) that can be read. Nothing was imported.`);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}
