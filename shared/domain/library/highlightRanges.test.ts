import { describe, expect, it } from 'vitest';
import { highlightRanges } from './highlightRanges';

function marked(text: string, terms: string[]): string {
  let result = '';
  let at = 0;
  for (const { start, end } of highlightRanges(text, terms)) {
    result += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return result + text.slice(at);
}

describe('highlightRanges', () => {
  it('marks terms where they begin a word, ignoring case and accents', () => {
    expect(marked('SGLT2 inhibitors in Médecine; not BASGLT', ['sglt', 'medecine'])).toBe(
      '[SGLT]2 inhibitors in [Médecine]; not BASGLT',
    );
  });

  it('marks a phrase across any punctuation between its words', () => {
    expect(marked('Heart-failure and heart  failure, heart', ['heart failure'])).toBe(
      '[Heart-failure] and [heart  failure], heart',
    );
  });

  it('merges overlapping terms and keeps characters outside the BMP whole', () => {
    expect(marked('🧑‍⚕️ heart failure', ['heart', 'heart failure', 'fail'])).toBe(
      '🧑‍⚕️ [heart failure]',
    );
  });

  it('finds nothing without terms or text', () => {
    expect(highlightRanges('heart', [])).toEqual([]);
    expect(highlightRanges('', ['heart'])).toEqual([]);
    expect(highlightRanges('heart', [' '])).toEqual([]);
  });
});
