import { describe, expect, it } from 'vitest';
import { repairFirstPagesDocument } from './repairFirstPagesDocument';

const row = {
  id: 'a',
  feedId: 'f',
  title: 'Trial',
  read: true,
  starred: 'yes',
  copies: [{ itemId: 'a', feedId: 'f', link: 'javascript:alert(1)' }],
  discussedBy: 2,
};
const view = {
  schemaVersion: 1,
  lists: { all: ['a'], unread: [], starred: [] },
  rows: [row],
  overall: { all: 1, unread: 0, starred: 0 },
  feeds: { f: { total: 1, unread: 0 } },
};

describe('repairFirstPagesDocument', () => {
  it('keeps a complete view, with each row repaired like a stored item', () => {
    const { document, recognized } = repairFirstPagesDocument(view);
    expect(recognized).toBe(true);
    expect(document.rows[0]).toMatchObject({
      id: 'a',
      title: 'Trial',
      read: true,
      starred: false,
      copies: [{ itemId: 'a', feedId: 'f', link: null }],
      discussedBy: 2,
    });
    expect(document.feeds).toEqual({ f: { total: 1, unread: 0 } });
  });

  it.each([
    ['a list names a row it does not hold', { ...view, lists: { ...view.lists, unread: ['b'] } }],
    ['a count is smaller than its list', { ...view, overall: { ...view.overall, all: 0 } }],
    ['a count is not a count', { ...view, feeds: { f: { total: -1, unread: 0 } } }],
    ['more unread than items', { ...view, feeds: { f: { total: 1, unread: 2 } } }],
    ['a row without copies', { ...view, rows: [{ ...row, copies: undefined }] }],
    ['the counts are missing', { ...view, overall: undefined }],
  ])('does not trust a view where %s: it is rebuilt from the library', (_, raw) => {
    expect(repairFirstPagesDocument(raw).recognized).toBe(false);
  });
});
