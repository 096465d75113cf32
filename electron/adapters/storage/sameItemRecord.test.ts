import { describe, expect, it } from 'vitest';
import type { ItemRecord } from '@shared/domain/library/libraryDocuments';
import { sameItemRecord } from './sameItemRecord';

const record: ItemRecord = {
  id: 'i1',
  feedId: 'local:my-papers',
  guid: 'doi:10.1056/nejmoa2312345',
  title: 'Early rhythm control after stroke',
  link: 'https://doi.org/10.1056/nejmoa2312345',
  author: 'Per Lindqvist',
  publishedAt: '2023-11-20T00:00:00.000Z',
  excerpt: 'Whether early rhythm control…',
  fetchedAt: '2026-01-01T00:00:00.000Z',
  authors: ['Per Lindqvist'],
  journal: 'NEJM',
  paperIds: { doi: '10.1056/nejmoa2312345', pmid: null, arxiv: null },
  relatedDoi: null,
  citations: [],
  media: [],
};
const pdf = { hash: 'b'.repeat(64), fileName: 'trial.pdf', pageCount: 9 };

describe('sameItemRecord', () => {
  it('sees a PDF attached, replaced or removed as a change, so the record is written', () => {
    expect(sameItemRecord(record, { ...record })).toBe(true);
    expect(sameItemRecord(record, { ...record, pdf: null })).toBe(true);
    expect(sameItemRecord(record, { ...record, pdf })).toBe(false);
    expect(sameItemRecord({ ...record, pdf }, { ...record, pdf: { ...pdf } })).toBe(true);
    expect(sameItemRecord({ ...record, pdf }, { ...record, pdf: { ...pdf, pageCount: 10 } })).toBe(
      false,
    );
    expect(sameItemRecord({ ...record, pdf }, record)).toBe(false);
  });
});
