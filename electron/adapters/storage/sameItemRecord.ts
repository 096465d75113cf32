import type { ItemRecord } from '@shared/domain/library/libraryDocuments';

/**
 * True when two records would be stored identically. A refresh brings back mostly unchanged
 * items, and comparing field by field lets it skip rewriting their shards.
 */
export function sameItemRecord(a: ItemRecord, b: ItemRecord): boolean {
  return (
    a.feedId === b.feedId &&
    a.guid === b.guid &&
    a.title === b.title &&
    a.link === b.link &&
    a.author === b.author &&
    a.publishedAt === b.publishedAt &&
    a.excerpt === b.excerpt &&
    a.fetchedAt === b.fetchedAt &&
    a.journal === b.journal &&
    a.relatedDoi === b.relatedDoi &&
    a.paperIds.doi === b.paperIds.doi &&
    a.paperIds.pmid === b.paperIds.pmid &&
    a.paperIds.arxiv === b.paperIds.arxiv &&
    sameList(a.authors, b.authors) &&
    sameList(a.citations, b.citations) &&
    sameList(a.media.map(mediaKey), b.media.map(mediaKey)) &&
    pdfKey(a) === pdfKey(b)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function mediaKey(media: ItemRecord['media'][number]): string {
  return `${media.url}\n${media.type ?? ''}\n${media.medium ?? ''}`;
}

function pdfKey(record: ItemRecord): string {
  const pdf = record.pdf;
  return pdf ? `${pdf.hash}\n${pdf.fileName}\n${pdf.pageCount}` : '';
}
