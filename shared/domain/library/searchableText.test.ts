import { describe, expect, it } from 'vitest';
import { searchableText } from './searchableText';

describe('searchableText', () => {
  it('folds case, accents and punctuation into space-delimited words', () => {
    expect(searchableText('Müller-Lyer: ÉTUDE, randomisée!')).toBe(
      ' muller lyer etude randomisee ',
    );
  });

  it('joins several fields and skips missing ones', () => {
    expect(searchableText('SGLT2 inhibitors', null, undefined, 'The Lancet')).toBe(
      ' sglt2 inhibitors the lancet ',
    );
  });

  it('gives a single space for text without letters or digits', () => {
    expect(searchableText('—', '  ')).toBe(' ');
    expect(searchableText()).toBe(' ');
  });

  it('keeps letters of non-Latin scripts', () => {
    expect(searchableText('Ωμέγα 3')).toBe(' ωμεγα 3 ');
  });
});
