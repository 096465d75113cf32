import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import { redact } from './redact';
import { scanForPhi } from './scanForPhi';

function at(text: string, type: Finding['type'], part: string): Finding {
  const start = text.indexOf(part);
  return { type, start, end: start + part.length, text: part };
}

describe('redact', () => {
  it('replaces each finding with the label of its type', () => {
    const text = 'Mr Owen Price was admitted on 3 March 2024, MRN 55820134.';
    expect(redact(text, scanForPhi(text)).text).toBe(
      '[name] was admitted on [date], MRN [record number].',
    );
  });

  it('redacts one finding and leaves the rest, as one click does', () => {
    const text = 'Owen Price, call 07700 900123.';
    expect(redact(text, [at(text, 'phone', '07700 900123')]).text).toBe(
      'Owen Price, call [phone].',
    );
  });

  it('merges overlapping findings into one label whatever order they come in', () => {
    const text = 'Seen at 14 Elm Grove, Harrogate today.';
    const address = at(text, 'street-address', '14 Elm Grove');
    const person = at(text, 'name', 'Elm Grove, Harrogate');
    const expected = 'Seen at [address] today.';
    expect(redact(text, [address, person]).text).toBe(expected);
    expect(redact(text, [person, address]).text).toBe(expected);
  });

  it('gives the same text when run again on its own output', () => {
    const text = 'Jane Hale, DOB 02/02/1932, email jane.hale@example.org.';
    const once = redact(text, scanForPhi(text)).text;
    expect(redact(once, scanForPhi(once)).text).toBe(once);
  });

  it('skips findings that no longer match the text instead of cutting the wrong words', () => {
    const text = 'Nothing to see.';
    const stale: Finding = { type: 'name', start: 0, end: 7, text: 'Owen Pr' };
    expect(redact(text, [stale])).toEqual({ text, replaced: [] });
  });

  it('says where each label sits in the new text', () => {
    const text = 'Call 07700 900123 now.';
    const result = redact(text, [at(text, 'phone', '07700 900123')]);
    expect(result.replaced).toEqual([{ start: 5, end: 12, label: '[phone]' }]);
    expect(result.text.slice(5, 12)).toBe('[phone]');
  });
});
