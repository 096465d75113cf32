import { describe, expect, it } from 'vitest';
import { indexedItem, NewestFirstItemIndex, type IndexedItem } from './NewestFirstItemIndex';
import { idsOf, itemRecord, januaryDay } from './testing/indexedRecords';

const FETCHED = '2026-01-01T00:00:00.000Z';

/** A copy of one paper as feed `feedId` carries it. */
function paperCopy(id: string, feedId: string, day: number, doi = '10.1056/nejmoa2312345') {
  return itemRecord(id, feedId, januaryDay(day), FETCHED, {
    paperIds: { doi, pmid: null, arxiv: null },
    link: `https://${feedId}.example/${id}`,
  });
}

describe('NewestFirstItemIndex', () => {
  const unmarked = { read: false, starred: false };

  it('orders by publication, then fetch time, and places undated items by fetch time', () => {
    const index = new NewestFirstItemIndex();
    index.add([
      indexedItem(itemRecord('old', 'f', '2026-01-01T00:00:00.000Z'), unmarked),
      indexedItem(itemRecord('new', 'f', '2026-03-01T00:00:00.000Z'), unmarked),
      indexedItem(
        itemRecord('same-later-fetch', 'f', '2026-02-01T00:00:00.000Z', '2026-02-03T00:00:00.000Z'),
        unmarked,
      ),
      indexedItem(
        itemRecord('same-early-fetch', 'f', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z'),
        unmarked,
      ),
      indexedItem(itemRecord('undated', 'f', null, '2026-02-15T00:00:00.000Z'), unmarked),
    ]);
    expect(idsOf(index.query({ filter: 'all', offset: 0, limit: 10 }).items)).toEqual([
      'new',
      'undated',
      'same-later-fetch',
      'same-early-fetch',
      'old',
    ]);
  });

  it('merges later additions into the order and pages without overlap', () => {
    const index = new NewestFirstItemIndex();
    index.add(
      [0, 2, 4, 6].map((n) => indexedItem(itemRecord(`d${n}`, 'f', januaryDay(1 + n)), unmarked)),
    );
    index.add(
      [1, 3, 5].map((n) => indexedItem(itemRecord(`d${n}`, 'g', januaryDay(1 + n)), unmarked)),
    );
    const first = index.query({ filter: 'all', offset: 0, limit: 4 });
    const second = index.query({ filter: 'all', offset: 4, limit: 4 });
    expect(idsOf(first.items)).toEqual(['d6', 'd5', 'd4', 'd3']);
    expect(idsOf(second.items)).toEqual(['d2', 'd1', 'd0']);
    expect(first.total).toBe(7);
    expect(idsOf(index.query({ feedId: 'g', filter: 'all', offset: 1, limit: 5 }).items)).toEqual([
      'd3',
      'd1',
    ]);
  });

  it('filters unread and starred with totals that follow mark changes', () => {
    const index = new NewestFirstItemIndex();
    const items = [1, 2, 3, 4].map((n) =>
      indexedItem(
        itemRecord(`i${n}`, n % 2 === 0 ? 'even' : 'odd', `2026-01-0${n}T00:00:00.000Z`),
        unmarked,
      ),
    );
    index.add(items);
    const [i1, i2, , i4] = items as [IndexedItem, IndexedItem, IndexedItem, IndexedItem];
    for (const item of [i2, i4]) {
      item.read = true;
      index.marksChanged(item, unmarked);
    }
    i1.starred = true;
    index.marksChanged(i1, unmarked);

    expect(idsOf(index.query({ filter: 'unread', offset: 0, limit: 10 }).items)).toEqual([
      'i3',
      'i1',
    ]);
    expect(index.query({ filter: 'unread', offset: 1, limit: 10 })).toMatchObject({ total: 2 });
    expect(idsOf(index.query({ filter: 'unread', offset: 1, limit: 10 }).items)).toEqual(['i1']);
    expect(idsOf(index.query({ filter: 'starred', offset: 0, limit: 10 }).items)).toEqual(['i1']);
    expect(index.query({ feedId: 'even', filter: 'unread', offset: 0, limit: 10 })).toEqual({
      items: [],
      total: 0,
    });
    expect(index.countsOf('odd')).toEqual({ total: 2, unread: 2 });
    expect(index.countsOf('even')).toEqual({ total: 2, unread: 0 });
  });

  it('forgets a removed feed entirely', () => {
    const index = new NewestFirstItemIndex();
    index.add([
      indexedItem(itemRecord('a', 'f', null), unmarked),
      indexedItem(itemRecord('b', 'g', null), unmarked),
    ]);
    expect(idsOf(index.removeFeed('f'))).toEqual(['a']);
    expect(index.countsOf('f')).toEqual({ total: 0, unread: 0 });
    expect(index.query({ filter: 'unread', offset: 0, limit: 10 }).total).toBe(1);
  });
});

describe('NewestFirstItemIndex, one paper once', () => {
  const unmarked = { read: false, starred: false };

  it('lists a paper carried by three feeds once, as its first published copy, and each feed keeps its copy', () => {
    const index = new NewestFirstItemIndex();
    const journal = indexedItem(paperCopy('journal', 'nejm', 4), unmarked);
    const pubmed = indexedItem(paperCopy('pubmed', 'pubmed', 6), unmarked);
    const other = indexedItem(itemRecord('other', 'nejm', '2026-01-05T00:00:00.000Z'), unmarked);
    index.add([pubmed, other]);
    index.add([journal, indexedItem(paperCopy('second', 'jama', 9), unmarked)]);

    expect(idsOf(index.query({ filter: 'all', offset: 0, limit: 10 }).items)).toEqual([
      'other',
      'journal',
    ]);
    expect(index.query({ filter: 'unread', offset: 0, limit: 10 }).total).toBe(2);
    expect(idsOf(index.copiesOf(pubmed))).toEqual(['journal', 'pubmed', 'second']);
    expect(
      idsOf(index.query({ feedId: 'pubmed', filter: 'all', offset: 0, limit: 10 }).items),
    ).toEqual(['pubmed']);
    expect(index.countsOf('jama')).toEqual({ total: 1, unread: 1 });
  });

  it('counts a paper’s marks once overall but in every feed that carries it', () => {
    const index = new NewestFirstItemIndex();
    const copies = [
      indexedItem(paperCopy('a', 'f', 1), unmarked),
      indexedItem(paperCopy('b', 'g', 2), unmarked),
    ];
    index.add(copies);
    for (const copy of copies) {
      copy.read = true;
      index.marksChanged(copy, unmarked);
    }

    expect(index.query({ filter: 'unread', offset: 0, limit: 10 }).total).toBe(0);
    expect(index.countsOf('f')).toEqual({ total: 1, unread: 0 });
    expect(index.countsOf('g')).toEqual({ total: 1, unread: 0 });
  });

  it('lets the next copy stand for the paper when a feed is removed', () => {
    const index = new NewestFirstItemIndex();
    index.add([
      indexedItem(paperCopy('first', 'f', 1), unmarked),
      indexedItem(paperCopy('later', 'g', 3), unmarked),
    ]);

    index.removeFeed('f');

    const { items, total } = index.query({ filter: 'unread', offset: 0, limit: 10 });
    expect(idsOf(items)).toEqual(['later']);
    expect(total).toBe(1);
    index.removeFeed('g');
    expect(index.query({ filter: 'all', offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
  });

  it('finds the posts that cite a paper by any copy’s identifier or address', () => {
    const index = new NewestFirstItemIndex();
    const paper = indexedItem(paperCopy('paper', 'nejm', 1), unmarked);
    const pubmed = indexedItem(
      itemRecord('pm', 'pubmed', '2026-01-02T00:00:00.000Z', FETCHED, {
        paperIds: { doi: '10.1056/nejmoa2312345', pmid: '38234567', arxiv: null },
      }),
      unmarked,
    );
    const post = (id: string, feedId: string, author: string | null, citations: string[]) =>
      indexedItem(
        itemRecord(id, feedId, '2026-01-03T00:00:00.000Z', FETCHED, { author, citations }),
        unmarked,
      );
    const byDoi = post('by-doi', 'mastodon-kim', null, ['doi:10.1056/nejmoa2312345']);
    const byPmid = post('by-pmid', 'bluesky-ana', null, ['pmid:38234567']);
    const byLink = post('by-link', 'mastodon-kim', null, ['link:nejm.example/paper']);
    const unrelated = post('unrelated', 'blog', 'Someone', ['doi:10.1001/other']);
    index.add([paper, pubmed, byDoi, byPmid, byLink, unrelated]);

    expect(idsOf(index.discussionsOf(paper)).sort()).toEqual(['by-doi', 'by-link', 'by-pmid']);
    // The same feed and author posting twice is one colleague.
    expect(index.colleaguesDiscussing(pubmed)).toBe(2);
    expect(index.discussionsOf(byDoi)).toEqual([]);
    // Posts stay in the list as posts.
    expect(index.query({ filter: 'all', offset: 0, limit: 10 }).total).toBe(5);

    index.remove([byDoi]);
    expect(idsOf(index.discussionsOf(paper)).sort()).toEqual(['by-link', 'by-pmid']);
  });

  it('knows which preprints name a DOI as their published version', () => {
    const index = new NewestFirstItemIndex();
    const preprint = indexedItem(
      itemRecord('pre', 'medrxiv', '2025-06-01T00:00:00.000Z', FETCHED, {
        paperIds: { doi: '10.1101/2025.06.01.25300001', pmid: null, arxiv: null },
        relatedDoi: '10.1056/nejmoa2312345',
      }),
      unmarked,
    );
    const published = indexedItem(paperCopy('pub', 'nejm', 1), unmarked);
    index.add([preprint, published]);

    expect(index.paperWithDoi('10.1056/nejmoa2312345')).toBe(published);
    expect(idsOf(index.preprintsPublishedAs('10.1056/nejmoa2312345'))).toEqual(['pre']);
  });
});
