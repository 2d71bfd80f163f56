// CSV cells and rows (RFC 4180, CRLF line ends) that are safe to open in a spreadsheet.
//
// Spreadsheets run a cell that starts with = + - @ (or their full-width forms) as a
// formula, and some also read a leading tab or carriage return as the start of one ("CSV
// injection"). A cell does not only start at the start of a value: a spreadsheet set to
// split on semicolons or tabs (Excel does in much of Europe) starts a new cell after each
// one, and then reads quotes only at the start of a cell, so a line break inside a value
// starts a new row too; some trim the spaces in front. So wherever such a cell could
// begin (the start of the value or after , ; tab or a line break, spaces skipped) a
// formula character gets a single quote in front, which spreadsheets show as text. (Inside
// a cell that a spreadsheet does read whole, the quote shows: "Smith; '-)" is the price.)
// Signers' names are already refused when they start like a formula, but older rows,
// comments and websites are not, so the export does not rely on that.

// Where a cell could begin, the spaces there (kept, the quote goes after them), then a formula character.
const FORMULA = /(?<=^|[,;\t\r\n])[ \u00A0]*(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  text = text.replace(FORMULA, "$&'");
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
