import { createHash } from 'node:crypto';
import { excerptFromText } from '@shared/domain/feeds/excerptFromText';
import { notLaterThan } from '@shared/domain/feeds/notLaterThan';
import { NO_PAPER_IDS, paperKeyOf, type PaperIds } from '@shared/domain/feeds/paperIdentity';
import { MAX_AUTHORS } from '@shared/domain/library/repairItemShard';
import { MY_PAPERS_FEED_ID } from '@shared/domain/papers/myPapers';
import type { StoredItem } from '../library/LibraryStore';
import type { ImportedPaper } from './ports';

// How a paper brought in from elsewhere becomes an item of "My papers". Ids are derived from what
// the paper is, never from when it arrived, so bringing the same paper in twice finds it again.

const AUTHORS_NAMED_IN_LIST = 3;
const MAX_AUTHOR_LINE = 300;
const MAX_TITLE_LENGTH = 1000;

/**
 * What names a paper in "My papers" (its item's `guid`): its paper key (`doi:…`, `pmid:…`,
 * `arxiv:…`), else a hash of its title, year and first author, so an entry without identifiers
 * imported twice is still one paper.
 */
export function guidOfPaper(
  paper: Pick<ImportedPaper, 'paperIds' | 'title' | 'publishedAt' | 'authors'>,
): string {
  const key = paperKeyOf(paper.paperIds);
  if (key !== null) return key;
  const fingerprint = [
    foldForIdentity(paper.title),
    paper.publishedAt?.slice(0, 4) ?? '',
    foldForIdentity(paper.authors[0] ?? ''),
  ].join('\n');
  return `ref:${sha256(fingerprint).slice(0, 32)}`;
}

/** The guid of a PDF that names no paper: its content, so the same file is one paper. */
export function guidOfPdf(hash: string): string {
  return `pdf:${hash}`;
}

/** The item id of a paper in "My papers", the way feeds derive theirs (feed id and guid). */
export function localItemId(guid: string): string {
  return sha256(`${MY_PAPERS_FEED_ID}\n${guid}`).slice(0, 32);
}

/** Where an imported paper came from, said under its abstract. */
export interface ImportOrigin {
  /** "BibTeX file zotero.bib", "Crossref", "PDF trial.pdf"… */
  source: string;
  at: Date;
}

/** The item storing an imported paper. */
export function itemOfPaper(paper: ImportedPaper, origin: ImportOrigin): StoredItem {
  const guid = guidOfPaper(paper);
  const fetchedAt = origin.at.toISOString();
  const abstract = paper.abstract?.trim() ?? '';
  const authors = paper.authors.slice(0, MAX_AUTHORS);
  return {
    id: localItemId(guid),
    feedId: MY_PAPERS_FEED_ID,
    guid,
    title: capTitle(paper.title),
    link: paper.paperIds.doi !== null ? doiAddress(paper.paperIds.doi) : paper.url,
    author: authorLine(authors),
    publishedAt: notLaterThan(isoDateOfPartialDate(paper.publishedAt), fetchedAt),
    excerpt: excerptFromText(abstract),
    fetchedAt,
    authors,
    journal: paper.journal,
    paperIds: { ...paper.paperIds },
    relatedDoi: null,
    citations: [],
    media: [],
    contentHtml: paperHtml(abstract, paper.keywords, origin),
  };
}

/**
 * A paper known so far only by its DOI, stored while Crossref cannot be reached: its DOI stands
 * in for the title until the details are fetched.
 */
export function placeholderItemOfDoi(doi: string, at: Date): StoredItem {
  const paperIds: PaperIds = { ...NO_PAPER_IDS, doi };
  const guid = guidOfPaper({ paperIds, title: doi, publishedAt: null, authors: [] });
  return {
    id: localItemId(guid),
    feedId: MY_PAPERS_FEED_ID,
    guid,
    title: `DOI ${doi} — details will be fetched when online`,
    link: doiAddress(doi),
    author: null,
    publishedAt: null,
    excerpt: 'Rounds could not reach Crossref; it will look this DOI up when you are online.',
    fetchedAt: at.toISOString(),
    authors: [],
    journal: null,
    paperIds,
    relatedDoi: null,
    citations: [],
    media: [],
    contentHtml: `<p>Rounds could not reach Crossref when this DOI was added (${escapeHtml(formatDay(at))}). It will look it up again when you are online.</p>`,
  };
}

/** The body of a paper as the reader shows it: the abstract's paragraphs and where it came from. */
export function paperHtml(
  abstract: string,
  keywords: readonly string[],
  origin: ImportOrigin,
): string {
  const paragraphs = abstract
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`);
  if (keywords.length > 0) paragraphs.push(`<p>Keywords: ${escapeHtml(keywords.join(', '))}</p>`);
  paragraphs.push(
    `<p><small>Imported from ${escapeHtml(origin.source)} on ${escapeHtml(formatDay(origin.at))}</small></p>`,
  );
  return paragraphs.join('');
}

export function doiAddress(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "1 February 2026": a day, in words, as the user reads it anywhere. */
export function formatDay(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/** "A. Smith", "A. Smith, B. Jones", or the first three names and "et al." for more. */
export function authorLine(authors: readonly string[]): string | null {
  if (authors.length === 0) return null;
  const named = authors.slice(0, AUTHORS_NAMED_IN_LIST).join(', ');
  const line = authors.length > AUTHORS_NAMED_IN_LIST ? `${named} et al.` : named;
  return line.slice(0, MAX_AUTHOR_LINE);
}

export function capTitle(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_TITLE_LENGTH ? line : `${line.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

/** `2023`, `2023-11` or `2023-11-20` as the first moment of that year, month or day (UTC). */
export function isoDateOfPartialDate(date: string | null): string | null {
  const match = date === null ? null : /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1'));
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function foldForIdentity(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
