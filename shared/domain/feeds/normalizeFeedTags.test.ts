import { describe, expect, it } from 'vitest';
import { normalizeFeedTags } from './normalizeFeedTags';

describe('normalizeFeedTags', () => {
  it('trims, collapses white space and drops empty tags', () => {
    expect(normalizeFeedTags(['  heart   failure ', '', '   '])).toEqual(['heart failure']);
  });

  it('treats tags differing only by case as one, keeping the first spelling and order', () => {
    expect(normalizeFeedTags(['Cardiology', 'trials', 'cardiology', 'TRIALS', 'ECG'])).toEqual([
      'Cardiology',
      'trials',
      'ECG',
    ]);
  });

  it('splits on commas so no tag can carry one', () => {
    expect(normalizeFeedTags(['cardiology, heart failure', 'ECG,,'])).toEqual([
      'cardiology',
      'heart failure',
      'ECG',
    ]);
  });

  it('keeps non-Latin tags intact', () => {
    expect(normalizeFeedTags(['Pädiatrie', 'PÄDIATRIE', '心臓'])).toEqual(['Pädiatrie', '心臓']);
  });
});
