import { describe, expect, it } from 'vitest';
import { compileSearchQuery, searchableFieldsText, searchTermsOf } from './compileSearchQuery';

const trial = searchableFieldsText({
  title: 'Empagliflozin in Heart Failure with a Preserved Ejection Fraction',
  excerpt: 'SGLT2 inhibition reduced hospitalisation.',
  authors: ['Stefan D. Anker', 'Javed Butler'],
  journal: 'New England Journal of Médecine',
});

function finds(query: string): boolean | null {
  const matches = compileSearchQuery(query);
  return matches === null ? null : matches(trial);
}

describe('searchTermsOf', () => {
  it('splits words and keeps quoted phrases whole, folded', () => {
    expect(searchTermsOf('SGLT2 "Heart  Failure" Anker')).toEqual([
      'sglt2',
      'heart failure',
      'anker',
    ]);
  });

  it('runs an unclosed quote to the end and drops punctuation-only terms', () => {
    expect(searchTermsOf('- "ejection fraction')).toEqual(['ejection fraction']);
  });
});

describe('compileSearchQuery', () => {
  it('requires every term, in any field', () => {
    expect(finds('sglt2 butler')).toBe(true);
    expect(finds('sglt2 colchicine')).toBe(false);
  });

  it('ignores case and accents on both sides', () => {
    expect(finds('MEDECINE')).toBe(true);
    expect(finds('hospitalisation médecine')).toBe(true);
  });

  it('matches the start of words, not their middle', () => {
    expect(finds('empa')).toBe(true);
    expect(finds('gliflozin')).toBe(false);
  });

  it('matches a quoted phrase only as consecutive words', () => {
    expect(finds('"heart failure"')).toBe(true);
    expect(finds('"failure heart"')).toBe(false);
  });

  it('is null for a query with nothing to look for', () => {
    expect(finds('   ')).toBeNull();
    expect(finds('""')).toBeNull();
  });
});
