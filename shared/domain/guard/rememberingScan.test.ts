import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import { rememberingScan } from './rememberingScan';
import { scanForPhi } from './scanForPhi';

describe('rememberingScan', () => {
  it('scans each text once and answers again from memory, with the same findings', () => {
    const scanned: string[] = [];
    const scan = rememberingScan((text) => {
      scanned.push(text);
      return scanForPhi(text);
    });
    const note = 'Seen by John Smith, MRN 12345678.';
    const first = scan(note);
    expect(scan(note)).toBe(first);
    expect(scan('Nothing here.')).toEqual([]);
    expect(first.map((finding) => finding.type)).toEqual(['name', 'mrn']);
    expect(scanned).toEqual([note, 'Nothing here.']);
  });

  it('forgets the text used longest ago once it holds as many as it may', () => {
    const scanned: string[] = [];
    const none: Finding[] = [];
    const scan = rememberingScan((text) => {
      scanned.push(text);
      return none;
    }, 2);
    scan('a');
    scan('b');
    scan('a'); // "a" is now the newest, "b" the oldest
    scan('c'); // "b" goes
    scan('a');
    scan('b');
    expect(scanned).toEqual(['a', 'b', 'c', 'b']);
  });
});
