import { describe, expect, it } from 'vitest';
import { repairLayoutDocument } from './repairLayoutDocument';
import { repairRecordsPiece } from './repairRecordsPiece';

describe('repairRecordsPiece', () => {
  it('keeps usable records and the feed the piece names', () => {
    const { document, dropped, recognized } = repairRecordsPiece({
      feedId: 'nejm',
      items: [{ id: 'a', feedId: 'nejm' }, { id: 'b' }, { id: 'a', feedId: 'nejm' }],
    });
    expect(recognized).toBe(true);
    expect(document.feedId).toBe('nejm');
    expect(document.items.map((item) => item.id)).toEqual(['a']);
    expect(dropped).toBe(2);
  });

  it("takes its folder's feed, then its first record's, when the piece does not name one", () => {
    expect(repairRecordsPiece({ items: [] }, 'bmj').document.feedId).toBe('bmj');
    expect(repairRecordsPiece({ items: [{ id: 'a', feedId: 'x' }] }).document.feedId).toBe('x');
  });

  it('does not recognise a piece that names no feed and holds no record', () => {
    expect(repairRecordsPiece({ items: [] }).recognized).toBe(false);
    expect(repairRecordsPiece({ feedId: 'nejm' }).recognized).toBe(false);
  });
});

describe('repairLayoutDocument', () => {
  it('reads the layout version, and recognises nothing else', () => {
    expect(repairLayoutDocument({ layoutVersion: 2 })).toMatchObject({
      document: { layoutVersion: 2 },
      recognized: true,
    });
    for (const raw of [null, {}, { layoutVersion: '2' }, { layoutVersion: 0 }, [2]]) {
      expect(repairLayoutDocument(raw).recognized).toBe(false);
    }
  });
});
