// CSV that opens correctly in Excel, LibreOffice and Numbers: UTF-8 with a byte order mark (so
// Excel does not read it as the local code page), RFC 4180 quoting, CRLF between records, and no
// cell a spreadsheet would run as a formula (OWASP's "CSV injection").

/** Excel needs it to read UTF-8; other spreadsheets ignore it. */
export const UTF8_BOM = '\uFEFF';

// A cell starting with one of these is a formula (or becomes one) in some spreadsheet. Tab and
// carriage return are listed because some programs drop them and read what follows.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a single quote to a cell that starts with =, +, -, @, tab or carriage return, so a
 * spreadsheet shows it as text instead of running it. A later = (as in "a=b") is harmless.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One cell: formula-neutralised, line breaks inside it made LF (what spreadsheets use inside a
 * cell), and quoted when it holds a comma, a quote, a line break or leading/trailing spaces,
 * with quotes doubled.
 */
export function csvCell(value: string): string {
  const text = neutraliseFormula(value).replace(/\r\n|\r/g, '\n');
  return /[",\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, then each record's cells joined by commas, each record ending in CRLF. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
