import { describe, expect, it } from 'vitest';
import {
  checkCpdHours,
  cpdEntrySchema,
  parseCpdHours,
  readCpdEntry,
  readCpdLog,
  type CpdEntry,
} from './cpdEntry';

const sampleEntry: CpdEntry = {
  id: 'cpd-1',
  date: '2026-03-10T23:00:00.000Z',
  session: { id: 'session-42', title: 'EMPA-KIDNEY' },
  citation: 'The EMPA-KIDNEY Collaborative Group. N Engl J Med 2023;388:117-127.',
  hours: 1.25,
  type: 'journal-club-live',
  reflection: {
    learned: 'SGLT2 inhibitors slow CKD progression.',
    willChange: 'Start them earlier.',
  },
  reportedTo: 'GMC',
};

describe('checkCpdHours', () => {
  it('accepts quarter hours from 0.25 to 24', () => {
    for (const hours of [0.25, 0.5, 0.75, 1, 1.25, 7.5, 24])
      expect(checkCpdHours(hours)).toBeNull();
  });

  it('says what is wrong with hours that are not quarter hours, or out of range', () => {
    expect(checkCpdHours(0)).toBe('Hours must be more than 0.');
    expect(checkCpdHours(-0.5)).toBe('Hours must be more than 0.');
    expect(checkCpdHours(24.25)).toBe('One entry can record at most 24 hours.');
    expect(checkCpdHours(1.1)).toBe(
      'Hours are counted in quarter hours (0.25, 0.5, 0.75, …); 1.1 is not one — the nearest are 1 and 1.25.',
    );
    expect(checkCpdHours(0.1)).toBe(
      'Hours are counted in quarter hours (0.25, 0.5, 0.75, …); 0.1 is not one — the nearest is 0.25.',
    );
    expect(checkCpdHours(Number.NaN)).toBe('Hours must be a number, such as 1 or 1.25.');
    expect(checkCpdHours(Number.POSITIVE_INFINITY)).toBe(
      'Hours must be a number, such as 1 or 1.25.',
    );
  });
});

describe('parseCpdHours', () => {
  it('reads what a member types, with a decimal point or comma', () => {
    expect(parseCpdHours(' 1.5 ')).toEqual({ ok: true, hours: 1.5 });
    expect(parseCpdHours('0,75')).toEqual({ ok: true, hours: 0.75 });
  });

  it('refuses text that is not a number, or not a quarter hour', () => {
    expect(parseCpdHours('an hour')).toEqual({
      ok: false,
      message: 'Hours must be a number, such as 1 or 1.25.',
    });
    expect(parseCpdHours('')).toEqual({
      ok: false,
      message: 'Hours must be a number, such as 1 or 1.25.',
    });
    expect(parseCpdHours('1.3').ok).toBe(false);
  });
});

describe('readCpdEntry', () => {
  it('keeps a whole entry as it is', () => {
    expect(readCpdEntry(sampleEntry)).toEqual({ ok: true, entry: sampleEntry });
    expect(cpdEntrySchema.parse(sampleEntry)).toEqual(sampleEntry);
  });

  it('names the field and the problem', () => {
    expect(readCpdEntry({ ...sampleEntry, hours: 1.3 })).toEqual({
      ok: false,
      message:
        'hours: Hours are counted in quarter hours (0.25, 0.5, 0.75, …); 1.3 is not one — the nearest are 1.25 and 1.5.',
    });
    expect(readCpdEntry({ ...sampleEntry, type: 'conference' })).toEqual({
      ok: false,
      message:
        'type: The type must be one of: journal club (live), journal club (asynchronous), presenting at journal club, reading.',
    });
    expect(readCpdEntry({ ...sampleEntry, date: 'last week' })).toEqual({
      ok: false,
      message: 'date: The date must be an ISO 8601 date and time, e.g. 2026-03-10T19:00:00Z.',
    });
    expect(readCpdEntry({ ...sampleEntry, citation: '  ' })).toEqual({
      ok: false,
      message: 'citation: The citation cannot be empty.',
    });
    expect(readCpdEntry({ ...sampleEntry, session: { id: 's', title: '' } })).toEqual({
      ok: false,
      message: 'session.title: The session’s title cannot be empty.',
    });
    expect(readCpdEntry('nonsense')).toEqual({
      ok: false,
      message: 'A CPD entry must be an object.',
    });
  });

  it('accepts an empty reflection and an empty reporting body: they can be filled in later', () => {
    const draft = { ...sampleEntry, reflection: { learned: '', willChange: '' }, reportedTo: '' };
    expect(readCpdEntry(draft)).toEqual({ ok: true, entry: draft });
  });
});

describe('readCpdLog', () => {
  it('keeps every whole entry and reports the others by position', () => {
    const second = { ...sampleEntry, id: 'cpd-2', hours: 0.5, type: 'reading' };
    const log = readCpdLog([sampleEntry, { ...sampleEntry, id: 'bad', hours: 30 }, second, 7]);
    expect(log.entries).toEqual([sampleEntry, second]);
    expect(log.rejected).toEqual([
      { index: 1, message: 'hours: One entry can record at most 24 hours.' },
      { index: 3, message: 'A CPD entry must be an object.' },
    ]);
  });

  it('keeps the first of two entries with the same id', () => {
    const log = readCpdLog([sampleEntry, { ...sampleEntry, hours: 2 }]);
    expect(log.entries).toEqual([sampleEntry]);
    expect(log.rejected).toEqual([
      { index: 1, message: 'Another entry already has the id "cpd-1".' },
    ]);
  });

  it('reports a log that is not a list', () => {
    expect(readCpdLog({})).toEqual({
      entries: [],
      rejected: [{ index: -1, message: 'The CPD log must be a list of entries.' }],
    });
  });
});
