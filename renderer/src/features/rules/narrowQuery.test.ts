import { describe, expect, it } from 'vitest';
import { narrowQuery } from './narrowQuery';

describe('narrowQuery', () => {
  it('leaves a query alone when nothing is typed', () => {
    const query = { feedId: 'f', filter: 'unread' as const };
    expect(narrowQuery(query, '   ')).toBe(query);
  });

  it('adds typed words to a source without a search', () => {
    expect(narrowQuery({ filter: 'all' }, ' SGLT2 ')).toEqual({ filter: 'all', query: 'SGLT2' });
  });

  it('searches within a saved search by requiring both', () => {
    expect(narrowQuery({ filter: 'all', query: '"heart failure"' }, 'empagliflozin')).toEqual({
      filter: 'all',
      query: '"heart failure" empagliflozin',
    });
  });
});
