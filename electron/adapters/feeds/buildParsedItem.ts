import { createHash } from 'node:crypto';
import { excerptFromText, MAX_EXCERPT_LENGTH } from '@shared/domain/feeds/excerptFromText';
import {
  articleLinkKey,
  citationsOf,
  extractPaperIds,
  linkedVersionDoi,
  paperKeyOf,
  withoutPublishedVersionNotes,
} from '@shared/domain/feeds/paperIdentity';
import { titleFromText } from '@shared/domain/feeds/titleFromText';
import type { ItemMedia } from '@shared/domain/library/libraryDocuments';
import type { ParsedItem } from '../../services/feeds/ports';
import { htmlToPlainText } from './htmlToPlainText';
import { sanitizeFeedHtml } from './sanitizeFeedHtml';

/**
 * One entry as a feed describes it, whatever its format: what RSS, Atom and JSON Feed readers
 * extract before Rounds derives titles, excerpts and paper identity the same way for all.
 */
export interface FeedEntry {
  /** guid, Atom id or JSON Feed id; null when the entry has none. */
  guid: string | null;
  /** Plain-text title; null when the entry has none (posts usually do not). */
  title: string | null;
  /** Absolute http(s) address of the entry, or null. */
  link: string | null;
  /** What relative addresses in the content are resolved against. */
  contentBase: string;
  /** Names, in the feed's order. */
  authors: string[];
  /** ISO 8601 UTC, or null. */
  publishedAt: string | null;
  /** The full text and the summary as HTML (plain text already escaped), or null. */
  fullHtml: string | null;
  summaryHtml: string | null;
  journal: string | null;
  /** Identifier metadata: `prism:doi`, `dc:identifier`… (the guid is added here). */
  identifiers: string[];
  /** Metadata naming another version of the paper: `arxiv:DOI`, `dc:relation`. */
  relations: string[];
  /** Addresses the feed marks as related (`<link rel="related">`). */
  relatedLinks: string[];
  media: ItemMedia[];
}

const UNTITLED = 'Untitled';
const MAX_AUTHOR_LINE = 200;
const AUTHORS_NAMED_IN_LIST = 3;
const MAX_MEDIA = 8;
// Mastodon hides the scheme and the tail of long links in spans the browser does not show, and
// marks the cut with an "ellipsis" span: text read without the styles must do the same.
const HIDDEN_SPAN =
  /<span\b[^>]*\bclass\s*=\s*["'][^"']*\binvisible\b[^"']*["'][^>]*>[^<]*<\/span>/gi;
const ELLIPSIS_SPAN =
  /(<span\b[^>]*\bclass\s*=\s*["'][^"']*\bellipsis\b[^"']*["'][^>]*>[^<]*)(<\/span>)/gi;
// A reply starts with the handles it answers; they make poor titles.
const LEADING_MENTIONS = /^(?:@[\w.-]+(?:@[\w.-]+)?[\s,:]*)+/;
const HREF = /<a\s[^>]*?\bhref="([^"]+)"/g;

/**
 * Turns an entry into the item Rounds stores: sanitised content, a title that is never empty
 * (an untitled post gets its first line of text, without the handles a reply starts with), an
 * excerpt, and paper identity. An entry is a paper when its metadata or its own address carries
 * a DOI, PubMed or arXiv id; only then are labelled ids in its text taken as its own. An entry
 * that is not a paper keeps what its links and text cite, which makes it a discussion of those
 * papers.
 */
export function buildParsedItem(entry: FeedEntry): ParsedItem {
  const contentHtml = sanitizeFeedHtml(
    entry.fullHtml ?? entry.summaryHtml ?? '',
    entry.contentBase,
  );
  const summaryText = htmlToPlainText(readableMarkup(entry.summaryHtml ?? entry.fullHtml ?? ''));
  const title =
    entry.title ??
    titleFromText(summaryText.replace(LEADING_MENTIONS, '')) ??
    titleFromText(summaryText) ??
    titleFromText(htmlToPlainText(contentHtml)) ??
    UNTITLED;

  const identity = paperIdentity(entry, contentHtml);
  return {
    guid: entry.guid ?? entry.link ?? contentKey(title, entry.publishedAt),
    title,
    link: entry.link,
    author: authorLine(entry.authors),
    publishedAt: entry.publishedAt,
    // Plain text has single spaces between words and lines, so its first characters decide the
    // excerpt; collapsing the spaces of a long abstract only to cut it would be wasted work.
    excerpt: excerptFromText(summaryText.slice(0, MAX_EXCERPT_LENGTH + 2)),
    contentHtml,
    authors: entry.authors,
    journal: entry.journal,
    ...identity,
    media: entry.media.slice(0, MAX_MEDIA),
  };
}

function paperIdentity(
  entry: FeedEntry,
  contentHtml: string,
): Pick<ParsedItem, 'paperIds' | 'relatedDoi' | 'citations'> {
  const text = `${textForIdentifiers(entry.summaryHtml)}\n${textForIdentifiers(entry.fullHtml)}`;
  const own = extractPaperIds({ fields: [...entry.identifiers, entry.guid], links: [entry.link] });
  if (paperKeyOf(own) === null) {
    // Links within the entry's own site (figures, hashtags, mentions, the blog's other posts)
    // are navigation, not citations.
    const ownSite = entry.link === null ? null : articleLinkKey(entry.link)?.split('/')[0];
    const citations = citationsOf({ links: linksIn(contentHtml), text }).filter(
      (key) => ownSite === undefined || ownSite === null || key.split('/')[0] !== ownSite,
    );
    return { paperIds: own, relatedDoi: null, citations };
  }
  const relatedDoi = linkedVersionDoi(
    { fields: entry.relations, links: entry.relatedLinks, text },
    own.doi,
  );
  // PubMed writes "PMID: 1 | DOI: 10.1/x" under the abstract: the same paper, by its other ids.
  const labelled = extractPaperIds({ text: withoutPublishedVersionNotes(text) });
  const paperIds = {
    doi: own.doi ?? (labelled.doi !== relatedDoi ? labelled.doi : null),
    pmid: own.pmid ?? labelled.pmid,
    arxiv: own.arxiv ?? labelled.arxiv,
  };
  return { paperIds, relatedDoi, citations: [] };
}

/** "A. Smith", "A. Smith, B. Jones", or the first three names and "et al." for more. */
function authorLine(authors: readonly string[]): string | null {
  if (authors.length === 0) return null;
  const named = authors.slice(0, AUTHORS_NAMED_IN_LIST).join(', ');
  const line = authors.length > AUTHORS_NAMED_IN_LIST ? `${named} et al.` : named;
  return line.slice(0, MAX_AUTHOR_LINE);
}

/**
 * Text good enough to find identifiers in, hidden link parts included: tags become spaces and the
 * few entities that occur in addresses are decoded. Much cheaper than a full HTML pass, which a
 * 5,000-item feed would pay twice more per item.
 */
function textForIdentifiers(html: string | null): string {
  if (html === null) return '';
  return html
    .replace(/<\/?(?:span|a|b|i|em|strong)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&');
}

function readableMarkup(html: string): string {
  return html.replace(HIDDEN_SPAN, '').replace(ELLIPSIS_SPAN, '$1…$2');
}

/** The addresses sanitised content links to (sanitize-html writes every attribute in double quotes). */
function linksIn(sanitizedHtml: string): string[] {
  return [...sanitizedHtml.matchAll(HREF)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
}

/**
 * An identity for items that have neither guid, id nor link. Title and date, not content, so a
 * corrected typo in the text updates the item instead of adding a second copy.
 */
function contentKey(title: string, date: string | null): string {
  const digest = createHash('sha256')
    .update(`${title}\n${date ?? ''}`)
    .digest('hex');
  return `content:${digest.slice(0, 32)}`;
}
