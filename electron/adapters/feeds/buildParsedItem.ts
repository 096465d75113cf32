import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import { excerptFromText, MAX_EXCERPT_LENGTH } from '@shared/domain/feeds/excerptFromText';
import {
  articleLinkKey,
  citationLineDoi,
  citationsOf,
  doiOfResolverLink,
  extractPaperIds,
  linkedVersionDoi,
  paperKeyOf,
  type PaperIds,
  withoutPublishedVersionNotes,
} from '@shared/domain/feeds/paperIdentity';
import { splitAuthorList } from '@shared/domain/feeds/splitAuthorList';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { titleFromText } from '@shared/domain/feeds/titleFromText';
import type { ItemMedia } from '@shared/domain/library/libraryDocuments';
import type { ParsedItem } from '../../services/feeds/ports';
import { htmlToPlainText } from './htmlToPlainText';
import { sanitizeFeedHtml } from './sanitizeFeedHtml';
import { takeAuthorsElement } from './takeAuthorsElement';

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
  /** Names, in the feed's order; one name may hold a list ("Smith J, Jones A"). */
  authors: string[];
  /**
   * The person whose profile the feed is (a Mastodon or Bluesky feed), named as the author of an
   * entry that names none; null for other feeds.
   */
  profileAuthor: string | null;
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
 * excerpt, authors, and paper identity. Every text shown in a list (title, authors, excerpt,
 * journal) loses the invisible characters that could make it read as something it is not.
 *
 * An entry is a paper when its metadata or its own address carries a DOI, PubMed or arXiv id, or
 * failing those, when its description opens or closes with the journal's citation line, or its
 * only DOI is a `rel="related"` doi.org link; only then are labelled ids in its text taken as its
 * own. An entry that is not a paper keeps what its links and text cite, which makes it a
 * discussion of those papers.
 */
export function buildParsedItem(entry: FeedEntry): ParsedItem {
  const contentHtml = sanitizeFeedHtml(
    entry.fullHtml ?? entry.summaryHtml ?? '',
    entry.contentBase,
  );
  // Names written in the description are metadata, not the opening words of the excerpt.
  const written = takeAuthorsElement(entry.summaryHtml ?? entry.fullHtml ?? '');
  const summaryText = stripInvisibleControls(htmlToPlainText(readableMarkup(written.rest)));
  const title =
    visibleText(entry.title) ??
    titleFromText(summaryText.replace(LEADING_MENTIONS, '')) ??
    titleFromText(summaryText) ??
    titleFromText(stripInvisibleControls(htmlToPlainText(contentHtml))) ??
    UNTITLED;
  const authors = authorsOf(entry, written.authors);

  const identity = paperIdentity(entry, contentHtml, summaryText);
  return {
    guid: entry.guid ?? entry.link ?? contentKey(title, entry.publishedAt),
    title,
    link: entry.link,
    author: authorLine(authors),
    publishedAt: entry.publishedAt,
    // Plain text has single spaces between words and lines, so its first characters decide the
    // excerpt; collapsing the spaces of a long abstract only to cut it would be wasted work.
    excerpt: excerptFromText(summaryText.slice(0, MAX_EXCERPT_LENGTH + 2)),
    contentHtml,
    authors,
    journal: visibleText(entry.journal),
    ...identity,
    media: entry.media.slice(0, MAX_MEDIA),
  };
}

/**
 * A feed's name as the library keeps it: invisible controls removed, white space collapsed; null
 * when nothing visible is left, so the caller can name the feed another way.
 */
export function visibleFeedTitle(title: string | null): string | null {
  return visibleText(title);
}

/** The entry's own authors, else those written in its description, else the feed's profile. */
function authorsOf(entry: FeedEntry, writtenInDescription: string | null): string[] {
  for (const names of [entry.authors, [writtenInDescription], [entry.profileAuthor]]) {
    const authors = [
      ...new Set(
        names.flatMap((name) => (name === null ? [] : splitAuthorList(visibleText(name) ?? ''))),
      ),
    ];
    if (authors.length > 0) return authors;
  }
  return [];
}

function visibleText(text: string | null): string | null {
  if (text === null) return null;
  const visible = stripInvisibleControls(text).replace(/\s+/g, ' ').trim();
  return visible === '' ? null : visible;
}

function paperIdentity(
  entry: FeedEntry,
  contentHtml: string,
  summaryText: string,
): Pick<ParsedItem, 'paperIds' | 'relatedDoi' | 'citations'> {
  const text = `${textForIdentifiers(entry.summaryHtml)}\n${textForIdentifiers(entry.fullHtml)}`;
  const own = ownPaperIds(entry, summaryText);
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

/** The ids that say which paper the entry itself is, from where publishers write them. */
function ownPaperIds(entry: FeedEntry, summaryText: string): PaperIds {
  const own = extractPaperIds({ fields: [...entry.identifiers, entry.guid], links: [entry.link] });
  if (paperKeyOf(own) !== null) return own;
  const lines = summaryText.split('\n');
  const doi =
    citationLineDoi(lines[0] ?? '') ??
    citationLineDoi(lines[lines.length - 1] ?? '') ??
    entry.relatedLinks.map(doiOfResolverLink).find((found) => found !== null) ??
    null;
  return doi === null ? own : extractPaperIds({ fields: [doi] });
}

/** "A. Smith", "A. Smith, B. Jones", or the first three names and "et al." for more. */
function authorLine(authors: readonly string[]): string | null {
  if (authors.length === 0) return null;
  const named = authors.slice(0, AUTHORS_NAMED_IN_LIST).join(', ');
  const line = authors.length > AUTHORS_NAMED_IN_LIST ? `${named} et al.` : named;
  return line.slice(0, MAX_AUTHOR_LINE);
}

/**
 * Text good enough to find identifiers in, hidden link parts included: tags become spaces and
 * character references are decoded. Much cheaper than a full HTML pass, which a 5,000-item feed
 * would pay twice more per item.
 */
function textForIdentifiers(html: string | null): string {
  if (html === null) return '';
  return decodeHTML(
    html.replace(/<\/?(?:span|a|b|i|em|strong)\b[^>]*>/gi, '').replace(/<[^>]*>/g, ' '),
  ).replace(/\u00a0/g, ' ');
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
