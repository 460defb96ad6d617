// Every CSV the app writes goes through here: RFC 4180 quoting by csv-stringify, CRLF line ends,
// and cells a spreadsheet would run as a formula neutralised.
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | null | undefined;

// A cell starting with = + - @ (or a tab or carriage return) would be read by a spreadsheet as a
// formula: a leading apostrophe makes it show what someone typed instead. Numbers are left as
// they are, so a negative figure stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

const OPTIONS = {
  record_delimiter: "windows",
  cast: { string: neutralised },
  // csv-stringify quotes a cell holding the whole record delimiter; a lone \n or \r must be quoted
  // too, or a reader splits the row there.
  quoted_match: /[\r\n]/,
} as const;

export function csvLines(rows: CsvValue[][]): string {
  return stringify(rows, OPTIONS);
}

export const csvLine = (cells: CsvValue[]) => csvLines([cells]);

// One cell on its own, quoted as it would be inside a line.
export const csvCell = (value: CsvValue) => csvLine([value]).slice(0, -2);
