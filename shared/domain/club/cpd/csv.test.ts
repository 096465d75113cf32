import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, writeCsv } from './csv';

describe('neutraliseFormula', () => {
  it('prefixes a single quote to a cell a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=1+1', '+44 20 7946 0000', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    }
  });

  it('leaves every other cell alone, including one with = later on', () => {
    for (const safe of ['1.25', 'a=b', ' =1', 'SGLT2 – kidney', '', '2026-03-10']) {
      expect(neutraliseFormula(safe)).toBe(safe);
    }
  });
});

describe('csvCell', () => {
  it('quotes cells with commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('windows\r\nbreak')).toBe('"windows\nbreak"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('escapes a formula before quoting it', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('\r\n=1')).toBe('"\'\n=1"');
  });
});

describe('writeCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    const csv = writeCsv([
      ['Name', 'Note'],
      ['Müller', 'two\nlines'],
    ]);
    expect(csv).toBe('\uFEFFName,Note\r\nMüller,"two\nlines"\r\n');
  });
});
