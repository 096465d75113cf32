import type { ItemSource } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { describeItemReach, discussionPhrase, sourcesPhrase } from './describeItemReach';

function sources(count: number): ItemSource[] {
  return Array.from({ length: count }, (_, index) => ({
    itemId: `item-${index}`,
    feedId: `feed-${index}`,
    feedTitle: `Feed ${index}`,
    link: null,
  }));
}

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

describe('describeItemReach', () => {
  it('says nothing about a post one feed carries and nobody cites', () => {
    expect(describeItemReach({ sources: sources(1), discussedBy: 0 })).toEqual([]);
  });

  it('lists sources before discussions, in lower case to follow a title', () => {
    expect(describeItemReach({ sources: sources(2), discussedBy: 1 })).toEqual([
      'from 2 sources',
      'discussed by 1 colleague',
    ]);
  });

  it('mentions discussions alone when only one feed carries the paper', () => {
    expect(describeItemReach({ sources: sources(1), discussedBy: 3 })).toEqual([
      'discussed by 3 colleagues',
    ]);
  });
});
