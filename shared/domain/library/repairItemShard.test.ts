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
  authors: ['A. Author', 'B. Author'],
  journal: 'Journal of Interventional Cardiology',
  paperIds: { doi: '10.1234/jic.2026.1', pmid: '40000001', arxiv: null },
  relatedDoi: '10.1101/2025.11.02.25312345',
  citations: [],
  media: [{ url: 'https://journal.example/a/1/fig1.png', type: 'image/png', medium: 'image' }],
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
      authors: [],
      journal: null,
      paperIds: { doi: null, pmid: null, arxiv: null },
      relatedDoi: null,
      citations: [],
      media: [],
    });
  });

  it('loads items written before paper identity existed, and re-normalises hand-edited ids', () => {
    const { authors, journal, paperIds, relatedDoi, citations, media, ...older } = item;
    expect(repairItemRecord(older)).toMatchObject({
      authors: [],
      journal: null,
      paperIds: { doi: null, pmid: null, arxiv: null },
      relatedDoi: null,
      citations: [],
      media: [],
    });
    expect([authors, journal, paperIds, relatedDoi, citations, media]).toHaveLength(6);

    const edited = repairItemRecord({
      ...item,
      authors: ['A. Author', 7, ''],
      paperIds: {
        doi: 'https://doi.org/10.1234/JIC.2026.1',
        pmid: 'PMID 4',
        arxiv: 'arXiv:2401.01234v2',
      },
      relatedDoi: 'not a doi',
      media: [{ url: 'file:///etc/passwd' }, 'x'],
    });
    expect(edited).toMatchObject({
      authors: ['A. Author'],
      paperIds: { doi: '10.1234/jic.2026.1', pmid: null, arxiv: '2401.01234' },
      relatedDoi: null,
      media: [],
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

  it('keeps an attached PDF and drops one it cannot trust, writing nothing for items without', () => {
    const pdf = { hash: 'a'.repeat(64), fileName: 'RHYTHM-AF.pdf', pageCount: 12 };
    expect(repairItemRecord({ ...item, pdf })).toEqual({ ...item, pdf });
    expect(
      repairItemRecord({ ...item, pdf: { ...pdf, fileName: 'C:\\Users\\me\\trial.pdf' } })?.pdf,
    ).toEqual({ ...pdf, fileName: 'trial.pdf' });
    for (const broken of [
      { ...pdf, hash: '../../etc/passwd' },
      { ...pdf, hash: 'A'.repeat(64) },
      { ...pdf, pageCount: -1 },
      { ...pdf, pageCount: 1.5 },
      { ...pdf, fileName: 3 },
      'a.pdf',
      null,
    ]) {
      expect(repairItemRecord({ ...item, pdf: broken })).not.toHaveProperty('pdf');
    }
    expect(repairItemRecord({ ...item, pdf: { ...pdf, fileName: '' } })?.pdf?.fileName).toBe(
      'document.pdf',
    );
    expect(repairItemRecord(item)).not.toHaveProperty('pdf');
  });
});
