import { describe, expect, it } from 'vitest';
import { discussionPhrase, sourcesPhrase } from './describeItemReach';

describe('sourcesPhrase', () => {
  it('mentions sources only when there is more than one', () => {
    expect(sourcesPhrase(0)).toBeNull();
    expect(sourcesPhrase(1)).toBeNull();
    expect(sourcesPhrase(3)).toBe('from 3 sources');
  });
});

describe('discussionPhrase', () => {
  it('counts colleagues in the singular and plural, and says nothing for none', () => {
    expect(discussionPhrase(0)).toBeNull();
    expect(discussionPhrase(1)).toBe('Discussed by 1 colleague');
    expect(discussionPhrase(2)).toBe('Discussed by 2 colleagues');
  });
});
