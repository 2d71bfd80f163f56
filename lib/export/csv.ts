// CSV cells and rows (RFC 4180, CRLF line ends) that are safe to open in a spreadsheet.
//
// Spreadsheets run a cell that starts with = + - @ as a formula, and some also read a
// leading tab or carriage return as the start of one ("CSV injection"): such a cell gets
// a single quote in front, which spreadsheets show as text. Signers' names are already
// refused when they start like a formula, but older rows, comments and websites are not,
// so the export does not rely on that.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
