// Reading uploaded files: encodings, delimiters, quoting, Excel workbooks, and the files that are
// refused before anything is parsed (too large, not a spreadsheet), each with a sentence saying why.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { IMPORT_MAX_FILE_BYTES } from "../../server/services/import/limits";
import { readImportFile } from "../../server/services/import/read-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function workbook(rows: unknown[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Partners");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("reading a CSV file", () => {
  it("reads UTF-8 with a byte-order mark, and the mark is not part of the first header", async () => {
    const table = await readImportFile(utf8("\uFEFFname,region\nGlobex,EMEA\n"), "orgs.csv");
    expect(table.headers).toEqual(["name", "region"]);
    expect(table.rows).toEqual([["Globex", "EMEA"]]);
    expect(table.format).toBe("CSV, UTF-8, commas");
  });

  it("finds semicolons as the delimiter, as Excel writes them in much of Europe", async () => {
    const table = await readImportFile(utf8("name;region;website\nGlobex;EMEA;https://globex.example\nInitech, Inc.;APAC;\n"), "orgs.csv");
    expect(table.format).toBe("CSV, UTF-8, semicolons");
    expect(table.rows).toEqual([
      ["Globex", "EMEA", "https://globex.example"],
      ["Initech, Inc.", "APAC", ""],
    ]);
  });

  it("keeps a quoted line break inside its cell", async () => {
    const table = await readImportFile(utf8('name,industry\r\n"Globex\r\nCloud",Software\r\nInitech,"Line one\nline two"\r\n'), "orgs.csv");
    expect(table.rows).toEqual([
      ["Globex\r\nCloud", "Software"],
      ["Initech", "Line one\nline two"],
    ]);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, curly quotes and the euro sign included", async () => {
    const bytes = iconv.encode("name,region\nSociété Générale,Île-de-France\n“Quoted” €,Zürich\n", "win1252");
    const table = await readImportFile(new Uint8Array(bytes), "orgs.csv");
    expect(table.format).toBe("CSV, Windows-1252, commas");
    expect(table.rows).toEqual([
      ["Société Générale", "Île-de-France"],
      ["“Quoted” €", "Zürich"],
    ]);
  });

  it("reads UTF-16 text with tabs, as Excel saves 'Unicode text'", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name\tregion\nGlobex\tEMEA\n", "utf16le")]);
    const table = await readImportFile(new Uint8Array(bytes), "orgs.txt");
    expect(table.rows).toEqual([["Globex", "EMEA"]]);
  });

  it("names empty and repeated headers by their column, so each can be chosen", async () => {
    const table = await readImportFile(utf8("name,,name\na,b,c\n"), "x.csv");
    expect(table.headers).toEqual(["name", "column 2", "name (column 3)"]);
  });

  it("refuses a file with an unclosed quote, saying so", async () => {
    await expect(readImportFile(utf8('name\n"Globex\n'), "x.csv")).rejects.toThrow(/could not be read as CSV.*Nothing was imported/);
  });

  it("refuses an empty file, and one with a header but no rows", async () => {
    await expect(readImportFile(new Uint8Array(0), "x.csv")).rejects.toThrow('"x.csv" is empty. Nothing was imported.');
    await expect(readImportFile(utf8("name,region\n"), "x.csv")).rejects.toThrow(/has a header row but no rows below it/);
  });
});

describe("reading an Excel workbook", () => {
  it("reads the first sheet's cells as text: numbers, dates as days, formulas as their result, rich text", async () => {
    const bytes = await workbook([
      ["name", "renewal date", "tier", "score"],
      ["Globex Cloud", new Date(Date.UTC(2027, 2, 31)), { richText: [{ text: "Stra" }, { text: "tegic" }] }, { formula: "1+1", result: 2 }],
    ]);
    const table = await readImportFile(bytes, "partnerships.xlsx");
    expect(table.format).toBe("Excel workbook");
    expect(table.headers).toEqual(["name", "renewal date", "tier", "score"]);
    expect(table.rows).toEqual([["Globex Cloud", "2027-03-31", "Strategic", "2"]]);
  });

  it("is recognised by its content whatever its name", async () => {
    const bytes = await workbook([["name"], ["Globex"]]);
    expect((await readImportFile(bytes, "renamed.csv")).rows).toEqual([["Globex"]]);
  });
});

describe("refusing files before they are parsed", () => {
  it("refuses a 50 MB file by its size, with the limit in words", async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    await expect(readImportFile(big, "huge.csv")).rejects.toThrow(
      `This file is 50 MB; files up to ${IMPORT_MAX_FILE_BYTES / (1024 * 1024)} MB can be imported. Split it into smaller files, or remove the columns you do not need. Nothing was imported.`,
    );
  });

  it("refuses files that are not spreadsheets by their content, naming what they are", async () => {
    const pdf = utf8("%PDF-1.7\n...");
    await expect(readImportFile(pdf, "partners.csv")).rejects.toThrow('"partners.csv" is a PDF document, not a CSV or Excel (.xlsx) file.');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    await expect(readImportFile(png, "partners.xlsx")).rejects.toThrow(/is a PNG image/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readImportFile(xls, "partners.xls")).rejects.toThrow(/older Excel workbook \(\.xls\); save it as \.xlsx or CSV/);
    const binary = new Uint8Array([0x01, 0x02, 0x00, 0x03]);
    await expect(readImportFile(binary, "partners.csv")).rejects.toThrow(/is not text/);
  });

  it("refuses text named .xlsx, and a ZIP that is not a workbook", async () => {
    await expect(readImportFile(utf8("name\nGlobex\n"), "partners.xlsx")).rejects.toThrow(
      /not an Excel workbook, although its name ends in \.xlsx/,
    );
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    await expect(readImportFile(zip, "partners.xlsx")).rejects.toThrow(/a ZIP archive but not an Excel workbook/);
  });
});
