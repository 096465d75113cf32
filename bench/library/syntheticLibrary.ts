/**
 * A realistic clinical library as journal feeds publish it: 100 feeds (journals' own RSS, PubMed
 * saved searches, medRxiv collections, arXiv categories), each an RSS 2.0 document whose items
 * carry a structured abstract, 1-8 authors, a DOI and PMID on most, a preprint id on some, and
 * dates spread over six years. Pure and deterministic: the same spec gives the same bytes, and any
 * one feed can be produced on its own (a server builds each document when it is asked for).
 */
import { escapeUTF8 } from 'entities';
import { seededRandom } from '../../shared/testing/seededRandom';
import {
  between,
  drawTopic,
  paperTitle,
  pick,
  type SectionHeadingStyle,
  structuredAbstract,
} from './clinicalAbstract';
import {
  INITIALS,
  JOURNAL_FIELDS,
  JOURNAL_PREFIXES,
  PREPRINT_CHANNELS,
  SAVED_SEARCHES,
  SURNAMES,
} from './vocabulary';

/** What to generate. */
export interface LibrarySpec {
  items: number;
  feeds: number;
  seed: number;
}

/** Limits within which every generated identifier is unique (arXiv numbers have five digits). */
export const LIBRARY_LIMITS = { maxItems: 100_000, maxFeeds: 1_000 } as const;

/** How a feed is written: its publisher's habits. */
export type FeedStyle = 'journal' | 'pubmed' | 'medrxiv' | 'arxiv';

/** One generated feed. */
export interface SyntheticFeed {
  index: number;
  style: FeedStyle;
  title: string;
  /** The journal its items belong to (for PubMed searches: none, each item names its own). */
  journal: string | null;
  itemCount: number;
  /** Items of all feeds before this one: numbers each paper uniquely across the library. */
  firstSerial: number;
}

/** One generated paper, before it is written as an RSS item. */
export interface SyntheticPaper {
  guid: string;
  title: string;
  link: string;
  authors: string[];
  journal: string;
  publishedAt: Date;
  doi: string | null;
  pmid: string | null;
  arxivId: string | null;
  abstractHtml: string;
}

// Dates run back six years from a fixed day, so no item is ever in the future and two runs on
// different days generate the same library.
const NEWEST_DATE_MS = Date.UTC(2026, 5, 30, 9, 0, 0);
const DATE_SPAN_MS = 6 * 365 * 86_400_000;
const STYLE_BY_FEED_DIGIT: readonly FeedStyle[] = [
  'journal',
  'journal',
  'journal',
  'journal',
  'journal',
  'journal',
  'journal',
  'pubmed',
  'pubmed',
  'medrxiv',
];
const HEADINGS: Record<FeedStyle, SectionHeadingStyle> = {
  journal: 'heading',
  pubmed: 'bold-label',
  medrxiv: 'strong-label',
  arxiv: 'strong-label',
};
const PUBMED_SEARCH_REFINEMENTS = ['', ' randomized', ' meta-analysis', ' cohort', ' elderly'];

/** Throws a message naming the bad value when the spec cannot be generated. */
export function checkLibrarySpec(spec: LibrarySpec): void {
  const { items, feeds, seed } = spec;
  if (!Number.isInteger(feeds) || feeds < 1 || feeds > LIBRARY_LIMITS.maxFeeds)
    throw new RangeError(
      `feeds must be a whole number from 1 to ${LIBRARY_LIMITS.maxFeeds}, not ${feeds}`,
    );
  if (!Number.isInteger(items) || items < feeds || items > LIBRARY_LIMITS.maxItems)
    throw new RangeError(
      `items must be a whole number from ${feeds} (one per feed) to ${LIBRARY_LIMITS.maxItems}, not ${items}`,
    );
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, not ${seed}`);
}

/** A random source of its own for each feed, so feeds can be generated in any order. */
function feedRandom(spec: LibrarySpec, feedIndex: number): () => number {
  return seededRandom((spec.seed ^ Math.imul(feedIndex + 1, 0x9e3779b1)) >>> 0);
}

function styleOf(index: number): FeedStyle {
  const style = STYLE_BY_FEED_DIGIT[index % 10] ?? 'journal';
  if (style !== 'medrxiv') return style;
  const [server] = PREPRINT_CHANNELS[Math.floor(index / 10) % PREPRINT_CHANNELS.length] ?? [];
  return server === 'arXiv' ? 'arxiv' : 'medrxiv';
}

/**
 * A 1,000-item journal feed that is not part of the library, with identifiers no library paper
 * has: what a user subscribes to on top of an existing library. `ordinal` numbers such feeds.
 */
export function additionalJournalFeed(
  spec: LibrarySpec,
  ordinal: number,
  itemCount: number,
): SyntheticFeed {
  const library = syntheticFeeds(spec);
  const journals = library.filter((feed) => feed.style === 'journal').length;
  const journal = journalName(journals + ordinal);
  return {
    index: spec.feeds + ordinal,
    style: 'journal',
    title: journal,
    journal,
    itemCount,
    firstSerial: spec.items + ordinal * itemCount,
  };
}

/** Journal names are prefix × field; 37 is coprime with 200, so the first 200 are distinct. */
function journalName(ordinal: number): string {
  const combination = (ordinal * 37) % (JOURNAL_PREFIXES.length * JOURNAL_FIELDS.length);
  const prefix = JOURNAL_PREFIXES[Math.floor(combination / JOURNAL_FIELDS.length)] ?? '';
  const [field] = JOURNAL_FIELDS[combination % JOURNAL_FIELDS.length] ?? ['Medicine'];
  const volume = Math.floor(ordinal / 200);
  return `${prefix} ${field}${volume > 0 ? ` ${volume + 1}` : ''}`;
}

/** The abbreviated journal names PubMed feeds give in `dc:source`. */
function journalAbbreviation(next: () => number): string {
  const [, field] = pick(next, JOURNAL_FIELDS);
  return `${pick(next, ['J', 'Ann', 'Arch', 'Int J', 'Eur J', 'Am J'])} ${field}`;
}

function feedTitle(index: number, style: FeedStyle, journal: string | null): string {
  const round = Math.floor(index / 10);
  if (style === 'pubmed') {
    const search = SAVED_SEARCHES[(index * 3 + round) % SAVED_SEARCHES.length] ?? 'sepsis';
    const refinement = PUBMED_SEARCH_REFINEMENTS[Math.floor(index / 20) % 5] ?? '';
    return `${search}${refinement} - PubMed`;
  }
  const [, channel] = PREPRINT_CHANNELS[round % PREPRINT_CHANNELS.length] ?? ['', 'Medicine'];
  const edition = round >= PREPRINT_CHANNELS.length ? ` (${round + 1})` : '';
  if (style === 'medrxiv') return `medRxiv Subject Collection: ${channel}${edition}`;
  if (style === 'arxiv') return `${channel} updates on arXiv.org${edition}`;
  return journal ?? 'Journal';
}

/** The library's feeds, with how many items each carries (the remainder goes to the first). */
export function syntheticFeeds(spec: LibrarySpec): SyntheticFeed[] {
  checkLibrarySpec(spec);
  const perFeed = Math.floor(spec.items / spec.feeds);
  const remainder = spec.items % spec.feeds;
  const feeds: SyntheticFeed[] = [];
  let firstSerial = 0;
  let journals = 0;
  for (let index = 0; index < spec.feeds; index++) {
    const style = styleOf(index);
    const journal = style === 'journal' ? journalName(journals++) : null;
    const itemCount = perFeed + (index < remainder ? 1 : 0);
    feeds.push({
      index,
      style,
      title: feedTitle(index, style, journal),
      journal,
      itemCount,
      firstSerial,
    });
    firstSerial += itemCount;
  }
  return feeds;
}

function authorName(next: () => number, style: FeedStyle): string {
  const surname = pick(next, SURNAMES);
  const initials = Array.from({ length: between(next, 1, 2) }, () => pick(next, [...INITIALS]));
  return style === 'pubmed'
    ? `${surname} ${initials.join('')}`
    : `${initials.map((letter) => `${letter}.`).join(' ')} ${surname}`;
}

function authorsOf(next: () => number, style: FeedStyle): string[] {
  const wanted = between(next, 1, 8);
  const authors = new Set<string>();
  while (authors.size < wanted) authors.add(authorName(next, style));
  return [...authors];
}

function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** The identifiers and address of one paper, as its kind of feed gives them. */
function identityOf(
  next: () => number,
  feed: SyntheticFeed,
  serial: number,
  publishedAt: Date,
): Pick<SyntheticPaper, 'doi' | 'pmid' | 'arxivId' | 'link' | 'guid'> {
  const year = publishedAt.getUTCFullYear();
  const month = twoDigits(publishedAt.getUTCMonth() + 1);
  const pmid = String(30_000_000 + serial);
  const journalDoi = `10.${4000 + (feed.index % 5000)}/${slugOf(feed.title).slice(0, 10)}.${year}.${String(serial).padStart(7, '0')}`;
  switch (feed.style) {
    case 'journal': {
      const link = `https://www.${slugOf(feed.title).slice(0, 24)}.example/doi/full/${journalDoi}`;
      return { doi: journalDoi, pmid: next() < 0.8 ? pmid : null, arxivId: null, link, guid: link };
    }
    case 'pubmed':
      return {
        doi: next() < 0.9 ? journalDoi : null,
        pmid,
        arxivId: null,
        link: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/?utm_source=Rounds&utm_medium=rss`,
        guid: `pubmed:${pmid}`,
      };
    case 'medrxiv': {
      const doi = `10.1101/${year}.${month}.${twoDigits(publishedAt.getUTCDate())}.${String(year % 100)}${String(serial).padStart(6, '0')}`;
      const link = `https://www.medrxiv.org/content/${doi}v1?rss=1`;
      return { doi, pmid: null, arxivId: null, link, guid: link };
    }
    case 'arxiv': {
      // arXiv numbers restart every month; the serial keeps them unique within the library.
      const arxivId = `${String(year % 100)}${month}.${String(serial % 100_000).padStart(5, '0')}`;
      return {
        doi: null,
        pmid: null,
        arxivId,
        link: `https://arxiv.org/abs/${arxivId}`,
        guid: `oai:arXiv.org:${arxivId}v1`,
      };
    }
  }
}

/**
 * A word no other paper, title or vocabulary list has (a rare bone disorder): the scale journey
 * searches for it to prove that search reads whole abstracts, not their opening lines.
 */
export const DEEP_WORD = 'pachydermoperiostosis';
const DEEP_SENTENCE = `<p>One participant was found to have primary ${DEEP_WORD}, an incidental finding reported to the data monitoring committee.</p>`;

/** What the scale journey searches for: planted papers, the same for the same spec. */
export interface LibraryNeedles {
  /** A journal paper well down the list, to be found by its DOI. */
  doiPaper: SyntheticPaper;
  /** {@link DEEP_WORD}, which only {@link deepWordPaper} has, at the end of its abstract. */
  deepWord: string;
  deepWordPaper: SyntheticPaper;
}

/** Where a needle sits: the first journal feed from `fraction` of the way through the feeds. */
function needlePlace(spec: LibrarySpec, fraction: number): { feed: SyntheticFeed; item: number } {
  const feeds = syntheticFeeds(spec);
  const from = Math.floor(feeds.length * fraction);
  const feed =
    feeds.slice(from).find((candidate) => candidate.style === 'journal') ??
    feeds.find((candidate) => candidate.style === 'journal') ??
    feeds[0];
  if (feed === undefined) throw new Error('A library has at least one feed');
  return { feed, item: Math.floor(feed.itemCount * fraction) };
}

const DOI_NEEDLE_FRACTION = 0.3;
const DEEP_WORD_FRACTION = 0.6;

/** The planted papers of a library (see {@link LibraryNeedles}). */
export function libraryNeedles(spec: LibrarySpec): LibraryNeedles {
  const paperAt = ({ feed, item }: { feed: SyntheticFeed; item: number }) => {
    const paper = syntheticPapers(spec, feed)[item];
    if (paper === undefined) throw new Error(`Feed ${feed.index} has no item ${item}`);
    return paper;
  };
  return {
    doiPaper: paperAt(needlePlace(spec, DOI_NEEDLE_FRACTION)),
    deepWord: DEEP_WORD,
    deepWordPaper: paperAt(needlePlace(spec, DEEP_WORD_FRACTION)),
  };
}

/** Every paper of one feed, newest first. */
export function syntheticPapers(spec: LibrarySpec, feed: SyntheticFeed): SyntheticPaper[] {
  const papers = generatedPapers(spec, feed);
  const deep = needlePlace(spec, DEEP_WORD_FRACTION);
  const holder = deep.feed.index === feed.index ? papers[deep.item] : undefined;
  // Appended after generation, so every other paper keeps the bytes the seed gives it.
  if (holder !== undefined) holder.abstractHtml += `\n${DEEP_SENTENCE}`;
  return papers;
}

function generatedPapers(spec: LibrarySpec, feed: SyntheticFeed): SyntheticPaper[] {
  const next = feedRandom(spec, feed.index);
  const averageGapMs = DATE_SPAN_MS / Math.max(feed.itemCount, 1);
  let publishedMs = NEWEST_DATE_MS - Math.floor(next() * 3 * 86_400_000);
  const papers: SyntheticPaper[] = [];
  for (let item = 0; item < feed.itemCount; item++) {
    const publishedAt = new Date(Math.floor(publishedMs / 60_000) * 60_000);
    const topic = drawTopic(next);
    const journal =
      feed.journal ??
      (feed.style === 'pubmed'
        ? journalAbbreviation(next)
        : feed.style === 'arxiv'
          ? 'arXiv'
          : 'medRxiv');
    papers.push({
      ...identityOf(next, feed, feed.firstSerial + item, publishedAt),
      title: paperTitle(next, topic),
      authors: authorsOf(next, feed.style),
      journal,
      publishedAt,
      abstractHtml: structuredAbstract(next, topic, HEADINGS[feed.style]),
    });
    publishedMs -= averageGapMs * (0.5 + next());
  }
  return papers;
}

/**
 * The bytes a library must keep for one paper: what the feed says about it (title, address,
 * authors, journal, identifiers, abstract). `store.disk_ratio` divides the data folder by the sum.
 */
export function contentBytesOf(paper: SyntheticPaper): number {
  const fields = [
    paper.title,
    paper.link,
    ...paper.authors,
    paper.journal,
    paper.doi ?? '',
    paper.pmid ?? '',
    paper.arxivId ?? '',
    paper.abstractHtml,
  ];
  return fields.reduce((sum, field) => sum + Buffer.byteLength(field), 0);
}

function element(name: string, text: string | null): string {
  return text === null ? '' : `\n  <${name}>${escapeUTF8(text)}</${name}>`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function rssItem(feed: SyntheticFeed, paper: SyntheticPaper): string {
  const creators = paper.authors.map((author) => element('dc:creator', author)).join('');
  const head = `<item>${element('title', paper.title)}${element('link', paper.link)}`;
  switch (feed.style) {
    case 'journal':
      return `${head}
  <guid isPermaLink="true">${escapeUTF8(paper.guid)}</guid>
  <pubDate>${paper.publishedAt.toUTCString()}</pubDate>${creators}
  <description><![CDATA[<p><em>${escapeUTF8(paper.journal)}</em>, Published online: ${isoDay(paper.publishedAt)}; doi:${paper.doi ?? ''}</p>
${paper.abstractHtml}]]></description>${element('prism:doi', paper.doi)}${element('prism:publicationName', paper.journal)}${element('dc:identifier', paper.pmid === null ? null : `pmid:${paper.pmid}`)}
</item>`;
    case 'pubmed': {
      const citation = `<p>${escapeUTF8(paper.journal)}. ${isoDay(paper.publishedAt)}. ${paper.doi === null ? '' : `doi: ${paper.doi}. `}Online ahead of print.</p>`;
      const ids = `<p>PMID:<a href="https://pubmed.ncbi.nlm.nih.gov/${paper.pmid}/">${paper.pmid}</a>${paper.doi === null ? '' : ` | DOI:<a href="https://doi.org/${paper.doi}">${paper.doi}</a>`}</p>`;
      return `${head}${element('description', `${citation}${paper.abstractHtml}${ids}`)}${creators}
  <dc:date>${isoDay(paper.publishedAt)}</dc:date>${element('dc:source', paper.journal)}${element('dc:identifier', `pmid:${paper.pmid}`)}${element('dc:identifier', paper.doi === null ? null : `doi:${paper.doi}`)}
  <guid isPermaLink="false">${escapeUTF8(paper.guid)}</guid>
</item>`;
    }
    case 'medrxiv':
      return `${head}
  <description><![CDATA[${paper.abstractHtml}]]></description>${creators}
  <dc:date>${isoDay(paper.publishedAt)}</dc:date>${element('dc:identifier', `doi:${paper.doi}`)}${element('dc:publisher', 'Cold Spring Harbor Laboratory Press')}
  <guid isPermaLink="false">${escapeUTF8(paper.guid)}</guid>
</item>`;
    case 'arxiv':
      return `${head}
  <description><![CDATA[<p>arXiv:${paper.arxivId}v1 Announce Type: new</p>
${paper.abstractHtml}]]></description>${creators}
  <pubDate>${paper.publishedAt.toUTCString()}</pubDate>
  <guid isPermaLink="false">${escapeUTF8(paper.guid)}</guid>
</item>`;
  }
}

/** The feed as its server sends it: one RSS 2.0 document, newest item first. */
export function rssDocument(feed: SyntheticFeed, papers: readonly SyntheticPaper[]): string {
  const site =
    feed.style === 'pubmed'
      ? 'https://pubmed.ncbi.nlm.nih.gov/'
      : `https://www.${slugOf(feed.title).slice(0, 24)}.example/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
<channel>${element('title', feed.title)}
  <link>${site}</link>${element('description', `Latest articles: ${feed.title}`)}
  <language>en</language>
${papers.map((paper) => rssItem(feed, paper)).join('\n')}
</channel>
</rss>
`;
}
