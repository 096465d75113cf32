import { describe, expect, it } from 'vitest';
import { repairItemRecord, repairItemShard, UNTITLED_ITEM_TITLE } from './repairItemShard';

const item = {
  id: 'i1',
  feedId: 'f1',
  guid: 'urn:1',
  title: 'Aspirin after PCI',
  link: 'https://journal.example/a/1',
  author: 'A. Author',
  publishedAt: '2026-02-01T08:00:00.000Z',
  excerpt: 'In this trial…',
  fetchedAt: '2026-02-01T09:00:00.000Z',
};

describe('repairItemShard', () => {
  it('keeps complete records unchanged', () => {
    expect(repairItemShard({ schemaVersion: 1, items: [item] })).toEqual({
      document: { schemaVersion: 1, items: [item] },
      dropped: 0,
      recognized: true,
    });
  });

  it('fills defaults so lists never show an empty title or an unsorted date', () => {
    const repaired = repairItemRecord({ id: 'i2', feedId: 'f1', publishedAt: 1767225600000 });
    expect(repaired).toEqual({
      id: 'i2',
      feedId: 'f1',
      guid: 'i2',
      title: UNTITLED_ITEM_TITLE,
      link: null,
      author: null,
      publishedAt: '2026-01-01T00:00:00.000Z',
      excerpt: '',
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('never keeps a link that is not http or https', () => {
    expect(repairItemRecord({ ...item, link: 'javascript:alert(1)' })?.link).toBeNull();
    expect(repairItemRecord({ ...item, link: 'file:///etc/passwd' })?.link).toBeNull();
  });

  it('drops records without id or feed id and duplicates', () => {
    const result = repairItemShard({
      items: [item, { ...item, feedId: '' }, { feedId: 'f1' }, [], { ...item, title: 'again' }],
    });
    expect(result.document.items).toEqual([item]);
    expect(result.dropped).toBe(4);
  });

  it('ignores content that an older layout kept inline', () => {
    expect(repairItemRecord({ ...item, contentHtml: '<p>x</p>' })).toEqual(item);
  });
});
