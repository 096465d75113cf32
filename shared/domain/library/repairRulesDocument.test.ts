import { describe, expect, it } from 'vitest';
import { repairRulesDocument } from './repairRulesDocument';

const rule = {
  id: 'r1',
  text: 'colchicine',
  feedId: null,
  field: 'title',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const search = {
  id: 's1',
  name: 'SGLT2',
  query: 'sglt2',
  feedId: 'feed-1',
  filter: 'unread',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('repairRulesDocument', () => {
  it('keeps complete rules and searches as they are', () => {
    const { document, dropped, recognized } = repairRulesDocument({
      schemaVersion: 1,
      muteRules: [rule],
      savedSearches: [search],
    });
    expect(document).toEqual({ schemaVersion: 1, muteRules: [rule], savedSearches: [search] });
    expect(dropped).toBe(0);
    expect(recognized).toBe(true);
  });

  it('drops entries without id or text, and later duplicates', () => {
    const result = repairRulesDocument({
      muteRules: [rule, { ...rule, id: 'r2', text: '  ' }, { text: 'x' }, rule],
      savedSearches: [search, { ...search, id: 's2', query: null }],
    });
    expect(result.document.muteRules.map((r) => r.id)).toEqual(['r1']);
    expect(result.document.savedSearches.map((s) => s.id)).toEqual(['s1']);
    expect(result.dropped).toBe(4);
  });

  it('fills unknown scope, filter, name and dates with safe defaults', () => {
    const { document } = repairRulesDocument({
      muteRules: [{ id: 'r1', text: ' stent ', field: 'abstract', feedId: 7 }],
      savedSearches: [{ id: 's1', query: 'sglt2', filter: 'everything' }],
    });
    expect(document.muteRules[0]).toEqual({
      id: 'r1',
      text: 'stent',
      feedId: null,
      field: 'any',
      createdAt: '1970-01-01T00:00:00.000Z',
    });
    expect(document.savedSearches[0]).toMatchObject({ name: 'sglt2', filter: 'all', feedId: null });
  });

  it('accepts a file holding only one of the lists', () => {
    const { document, recognized } = repairRulesDocument({ muteRules: [rule] });
    expect(recognized).toBe(true);
    expect(document.savedSearches).toEqual([]);
  });

  it('reports garbage as unrecognised, never throwing', () => {
    for (const garbage of [null, 42, 'rules', [], { rules: [] }]) {
      const result = repairRulesDocument(garbage);
      expect(result.recognized).toBe(false);
      expect(result.document.muteRules).toEqual([]);
    }
  });
});
