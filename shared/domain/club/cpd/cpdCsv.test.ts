import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CpdEntry } from './cpdEntry';
import { CPD_CSV_COLUMNS, cpdLogCsv } from './cpdCsv';
import { neutraliseFormula } from './csv';

// What a spreadsheet does on opening the file: drop the BOM, split records and cells (RFC 4180).
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index];
    if (quoted) {
      if (character === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && body[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += character;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const live: CpdEntry = {
  id: 'cpd-1',
  date: '2026-03-10T23:00:00.000Z',
  session: { id: 'session-42', title: 'EMPA-KIDNEY, part 1' },
  citation:
    'The EMPA-KIDNEY Collaborative Group. "Empagliflozin in CKD". N Engl J Med 2023;388:117-127.',
  hours: 1.25,
  type: 'journal-club-live',
  reflection: {
    learned: 'Benefit held across eGFR bands;\nsafety was reassuring.',
    willChange: '=HYPERLINK("http://evil.example","click")',
  },
  reportedTo: 'GMC',
};

const reading: CpdEntry = {
  ...live,
  id: 'cpd-0',
  date: '2026-01-05T09:00:00+01:00',
  session: { id: 'session-7', title: 'Pre-reading' },
  hours: 0.5,
  type: 'reading',
  reflection: { learned: '-2 points on the scale is not significant', willChange: '@team discuss' },
  reportedTo: 'Royal College of Physicians',
};

describe('cpdLogCsv', () => {
  it('writes the documented header and one row per entry, oldest first, dated in the member’s zone', () => {
    const rows = readCsv(cpdLogCsv([live, reading], 'America/New_York'));
    expect(rows[0]).toEqual([...CPD_CSV_COLUMNS]);
    expect(rows[0]).toEqual([
      'Date',
      'Session',
      'Citation',
      'Type',
      'Hours',
      'What I learned',
      'What I will change',
      'Reported to',
      'Session ID',
      'Entry ID',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        '2026-01-05',
        'Pre-reading',
        live.citation,
        'reading',
        '0.5',
        "'-2 points on the scale is not significant",
        "'@team discuss",
        'Royal College of Physicians',
        'session-7',
        'cpd-0',
      ],
      [
        '2026-03-10',
        'EMPA-KIDNEY, part 1',
        live.citation,
        'journal club (live)',
        '1.25',
        'Benefit held across eGFR bands;\nsafety was reassuring.',
        `'${live.reflection.willChange}`,
        'GMC',
        'session-42',
        'cpd-1',
      ],
    ]);
  });

  it('dates a late-evening session by the member’s calendar', () => {
    const rows = readCsv(cpdLogCsv([live], 'Asia/Kolkata'));
    expect(rows[1]?.[0]).toBe('2026-03-11');
  });

  it('writes only the header for an empty log', () => {
    expect(cpdLogCsv([], 'Europe/London')).toBe(
      '\uFEFFDate,Session,Citation,Type,Hours,What I learned,What I will change,Reported to,Session ID,Entry ID\r\n',
    );
  });
});

describe('cpdLogCsv with any text', () => {
  test.prop([fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.string()])(
    'reads back cell for cell, with only the formula escape and in-cell line breaks changed',
    (title, learned, willChange) => {
      const entry: CpdEntry = {
        ...live,
        session: { id: 's', title },
        reflection: { learned, willChange },
      };
      const row = readCsv(cpdLogCsv([entry], 'Europe/London'))[1];
      const asSpreadsheetShows = (text: string) =>
        neutraliseFormula(text).replace(/\r\n|\r/g, '\n');
      expect(row?.[1]).toBe(asSpreadsheetShows(title));
      expect(row?.[5]).toBe(asSpreadsheetShows(learned));
      expect(row?.[6]).toBe(asSpreadsheetShows(willChange));
      for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    },
  );
});
