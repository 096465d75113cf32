import Parser from 'rss-parser';
import { Builder } from 'xml2js';
import { discoverFeedLinks } from '@shared/domain/feeds/discoverFeedLinks';
import { normalizeFeedDate } from '@shared/domain/feeds/normalizeFeedDate';
import type { ItemMedia } from '@shared/domain/library/libraryDocuments';
import type { FeedParser, ParsedFeed, ParsedItem } from '../../services/feeds/ports';
import { buildParsedItem, visibleFeedTitle } from './buildParsedItem';
import { decodeFeedBytes } from './decodeFeedBytes';
import { decodeLeftoverEntities } from './decodeLeftoverEntities';
import { htmlToPlainText } from './htmlToPlainText';
import { JsonFeedParser } from './JsonFeedParser';
import { type FeedFormat, recogniseFeedDocument } from './recogniseFeedDocument';
import { repairFeedXml } from './repairFeedXml';

type RawRecord = Record<string, unknown>;
type ParseResult = Awaited<ReturnType<FeedParser['parse']>>;

/** Text or markup as a feed gives it; Atom says which, RSS is HTML by custom. */
interface Body {
  value: string;
  isHtml: boolean;
}

const DATE_ELEMENTS = new Set(['pubDate', 'dc:date', 'published', 'updated']);
// rss-parser derives a plain-text snippet, entities decoded, from every RSS description and
// content:encoded; Rounds never reads it and makes its own excerpt. Renamed as the XML is read,
// the elements pass rss-parser by and come back under these names.
const HIDDEN_FROM_RSS_PARSER = new Map([
  ['description', 'rounds:description'],
  ['content:encoded', 'rounds:encoded'],
]);
const ATOM_XHTML_CONSTRUCT =
  /<(title|subtitle|summary|content|rights)(\s[^>]*?\btype\s*=\s*["']xhtml["'][^>]*)>([\s\S]*?)<\/\1>/g;
const MAX_AUTHOR_LENGTH = 200;
// Inline markup journals put in titles (species names, formulae); never block or unknown tags.
const INLINE_TAG =
  /<\/?(?:i|b|em|strong|sub|sup|span|u|small|a|font|abbr|cite|q|mark|br)(?:\s[^<>]*)?\/?>/gi;
// Profile feeds of people, not publications: Mastodon (and other ActivityPub servers) and Bluesky.
const MASTODON_PROFILE = /^https?:\/\/[^/?#]+\/(?:@|users\/)(\w+)(?:\.rss)?\/?(?:[?#]|$)/i;
const BLUESKY_PROFILE = /^https?:\/\/bsky\.app\/profile\/([^/?#]+)(?:\/rss)?\/?(?:[?#]|$)/i;
const BLUESKY_TITLE = /^@\S+\s+-\s+(.+)$/;
const WEB_PAGE_MARKUP = /<(?:html|head|body|link|meta)[\s>/]/i;

/**
 * Reads feed bytes with rss-parser's `parseString` (never `parseURL`, which fetches without
 * limits). Bytes are decoded first, common XML slips repaired, dates normalised to UTC, links
 * resolved against the feed's address, and content sanitised.
 */
export class RssFeedParser implements FeedParser {
  async parse(body: Uint8Array, contentType: string | null, url: string): Promise<ParseResult> {
    const text = decodeFeedBytes(body, contentType);
    // JSON Feed is dispatched here so that callers never need to know which format they fetched.
    if (JsonFeedParser.recognises(text, contentType)) return jsonFeeds.parseText(text, url);
    const recognised = recogniseFeedDocument(text);
    if (recognised.format === null) {
      if (recognised.code === 'not-a-feed') return notAFeedOrWebPage(text, url, recognised.message);
      return { ok: false, code: recognised.code, message: recognised.message };
    }

    let raw: RawRecord;
    try {
      const xml = recognised.format === 'atom' ? embedXhtmlAsHtml(text) : text;
      raw = (await createRssParser().parseString(repairFeedXml(xml))) as unknown as RawRecord;
    } catch (error) {
      // Tens of thousands of nested elements exhaust the stack of xml2js's recursive walk.
      if (error instanceof RangeError) return NESTED_TOO_DEEPLY;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return {
        ok: false,
        code: 'malformed-feed',
        message: `This address returned a feed Rounds cannot read: its XML is damaged (${reason}).`,
      };
    }
    try {
      return { ok: true, feed: toParsedFeed(raw, recognised.format, url) };
    } catch (error) {
      // Writing such elements back as markup (a description in raw XHTML) recurses as deep.
      if (error instanceof RangeError) return NESTED_TOO_DEEPLY;
      throw error;
    }
  }
}

const NESTED_TOO_DEEPLY: ParseResult = {
  ok: false,
  code: 'malformed-feed',
  message: 'This feed nests its elements too deeply for Rounds to read.',
};

const jsonFeeds = new JsonFeedParser();

/** A web page names its feeds in `<link rel="alternate">`: the caller may subscribe to one. */
function notAFeedOrWebPage(text: string, pageUrl: string, message: string): ParseResult {
  if (!WEB_PAGE_MARKUP.test(text.slice(0, 65_536)))
    return { ok: false, code: 'not-a-feed', message };
  const discoveredFeeds = discoverFeedLinks(text, pageUrl).map((link) => link.url);
  if (discoveredFeeds.length === 0) {
    return {
      ok: false,
      code: 'not-a-feed',
      message:
        'This is a web page with no feed link. Look on that page for a link named RSS, Atom or Subscribe, and add that address instead.',
    };
  }
  return {
    ok: false,
    code: 'not-a-feed',
    message: `This is a web page; its feed is at ${discoveredFeeds[0]}.`,
    discoveredFeeds,
  };
}

/** A fresh parser per document: xml2js keeps state between calls, and an error can leave it dirty. */
function createRssParser(): Parser<RawRecord, RawRecord> {
  return new Parser<RawRecord, RawRecord>({
    // A versionless <rss> is read as RSS 2.0, the version nearly every such feed means.
    defaultRSS: 2,
    xml2js: {
      tagNameProcessors: [(name: string) => HIDDEN_FROM_RSS_PARSER.get(name) ?? name],
      // rss-parser turns dates into ISO strings with `new Date(text)`, which reads zone-less dates
      // in the machine's time zone and throws on junk in Atom (failing the whole feed). Handing
      // it dates already normalised to UTC, or nothing, avoids both.
      valueProcessors: [
        (value: string, name: string) =>
          DATE_ELEMENTS.has(name) ? (normalizeFeedDate(value) ?? '') : value,
      ],
    },
    customFields: {
      // The root's attributes carry Atom's feed-level xml:base. rss-parser renames feed fields
      // as it does item fields, but its typings only admit plain names there.
      feed: [
        ['$', 'feedAttributes', { keepArray: true }],
        ['title', 'titleElement', { keepArray: true }],
      ] as unknown as string[],
      item: [
        ['rounds:description', 'description'],
        ['rounds:encoded', 'content:encoded'],
        // Kept whole so the Atom `type` attribute (text, html or xhtml) can be read.
        ['title', 'titleElement', { keepArray: true }],
        ['content', 'contentElement', { keepArray: true }],
        ['summary', 'summaryElement', { keepArray: true }],
        // Every one of them, where rss-parser keeps only the first.
        ['author', 'authorElements', { keepArray: true }],
        ['dc:creator', 'creatorElements', { keepArray: true }],
        ['link', 'linkElements', { keepArray: true }],
        ['$', 'itemAttributes', { keepArray: true }],
        // Where journals and preprint servers put a paper's identity.
        ['dc:identifier', 'identifierElements', { keepArray: true }],
        ['prism:doi', 'prismDoiElements', { keepArray: true }],
        ['prism:publicationName', 'publicationName'],
        ['dc:source', 'sourceElements', { keepArray: true }],
        ['dc:relation', 'relationElements', { keepArray: true }],
        ['arxiv:DOI', 'arxivDoiElements', { keepArray: true }],
        ['media:content', 'mediaContentElements', { keepArray: true }],
        ['media:thumbnail', 'mediaThumbnailElements', { keepArray: true }],
        ['media:group', 'mediaGroupElements', { keepArray: true }],
      ],
    },
  });
}

/**
 * xml2js loses the order of mixed content ("Full <em>xhtml</em> body" comes back as
 * "Full  body<em>xhtml</em>"), so Atom xhtml constructs are handed over as html in CDATA instead.
 */
function embedXhtmlAsHtml(xml: string): string {
  return xml.replace(
    ATOM_XHTML_CONSTRUCT,
    (_whole, name: string, attributes: string, markup: string) => {
      const htmlAttributes = attributes.replace(/\btype\s*=\s*["']xhtml["']/, 'type="html"');
      return `<${name}${htmlAttributes}><![CDATA[${markup.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
    },
  );
}

function toParsedFeed(raw: RawRecord, format: FeedFormat, feedUrl: string): ParsedFeed {
  // Relative addresses resolve against xml:base (Atom, feed then entry level), then the feed's URL.
  const feedBase = resolveWebUrl(xmlBaseOf(raw.feedAttributes), feedUrl) ?? feedUrl;
  const siteUrl = resolveWebUrl(textOf(raw.link), feedBase);
  const rawItems = Array.isArray(raw.items) ? (raw.items as RawRecord[]) : [];
  const title = visibleFeedTitle(
    format === 'atom' ? atomTitle(raw) : plainTitle(textOf(raw.title)),
  );
  const context: FeedContext = {
    format,
    feedBase,
    feedDeclaresBase: xmlBaseOf(raw.feedAttributes) !== null,
    profileAuthor: profileAuthorOf(raw, title, [feedUrl, siteUrl]),
  };
  return {
    title: title ?? hostOf(siteUrl ?? feedUrl),
    siteUrl,
    items: rawItems.map((item) => toParsedItem(item, context)),
  };
}

/** What every entry of one feed is read with. */
interface FeedContext {
  format: FeedFormat;
  feedBase: string;
  feedDeclaresBase: boolean;
  profileAuthor: string | null;
}

/**
 * The person a social profile feed belongs to (Mastodon `https://host/@user.rss`, Bluesky
 * `https://bsky.app/profile/<id>/rss`), whose posts name no author of their own: the feed's title
 * (a Bluesky title "@handle - Name" gives the name), else its managingEditor, else `@user`.
 * Null for any other feed: a journal's or blog's name is not a person.
 */
function profileAuthorOf(
  raw: RawRecord,
  title: string | null,
  addresses: (string | null)[],
): string | null {
  const handle = addresses
    .map((address) => MASTODON_PROFILE.exec(address ?? '') ?? BLUESKY_PROFILE.exec(address ?? ''))
    .find((match) => match !== null)?.[1];
  if (handle === undefined) return null;
  const named = title === null ? null : (BLUESKY_TITLE.exec(title)?.[1] ?? title);
  return named ?? authorsOf({ authorElements: raw.managingEditor })[0] ?? `@${handle}`;
}

function toParsedItem(item: RawRecord, context: FeedContext): ParsedItem {
  const { format, feedBase, feedDeclaresBase } = context;
  const entryBase = xmlBaseOf(item.itemAttributes);
  const base = resolveWebUrl(entryBase, feedBase) ?? feedBase;
  const guid = textOf(item.guid) ?? textOf(item.id) ?? textOf(item['rdf:about']);
  const link =
    resolveWebUrl(textOf(item.link), base) ??
    // An RSS guid is very often the article's permanent address; a relative one is just an id.
    (format !== 'atom' && guid !== null && /^https?:\/\//i.test(guid)
      ? resolveWebUrl(guid, base)
      : null);
  const { full, summary } = format === 'atom' ? atomBodies(item) : rssBodies(item);

  return buildParsedItem({
    guid,
    title: format === 'atom' ? atomTitle(item) : plainTitle(textOf(item.title)),
    link,
    // An explicit xml:base wins; otherwise content links are read as the article page shows them.
    contentBase: entryBase !== null || feedDeclaresBase ? base : (link ?? feedBase),
    authors: authorsOf(item),
    profileAuthor: context.profileAuthor,
    publishedAt: textOf(item.isoDate),
    fullHtml: full === null ? null : asHtml(full),
    summaryHtml: summary === null ? null : asHtml(summary),
    journal: plainTitle(textOf(item.publicationName)) ?? journalFromSource(item.sourceElements),
    identifiers: [...textsOf(item.prismDoiElements), ...textsOf(item.identifierElements)],
    relations: [...textsOf(item.arxivDoiElements), ...textsOf(item.relationElements)],
    relatedLinks: linksWithRel(item.linkElements, 'related').flatMap(
      (href) => resolveWebUrl(href, base) ?? [],
    ),
    media: mediaOf(item, base),
  });
}

function rssBodies(item: RawRecord): { full: Body | null; summary: Body | null } {
  const encoded = textOf(item['content:encoded']);
  const description = textOf(markupOf(item.description));
  return {
    full: encoded !== null ? { value: encoded, isHtml: true } : null,
    summary: description !== null ? { value: description, isHtml: true } : null,
  };
}

function atomBodies(item: RawRecord): { full: Body | null; summary: Body | null } {
  const content = textOf(item.content);
  const summary = textOf(item.summary);
  return {
    full: content !== null ? { value: content, isHtml: isAtomMarkup(item.contentElement) } : null,
    summary:
      summary !== null ? { value: summary, isHtml: isAtomMarkup(item.summaryElement) } : null,
  };
}

/** The title of an Atom feed or entry, read as its `type` says. */
function atomTitle(element: RawRecord): string | null {
  const title = textOf(element.title);
  if (title === null) return null;
  return isAtomMarkup(element.titleElement)
    ? plainTitle(htmlToPlainText(title))
    : plainTitle(title, false);
}

/** Atom text constructs are plain text unless their `type` says html or xhtml. */
function isAtomMarkup(element: unknown): boolean {
  const first = Array.isArray(element) ? (element[0] as unknown) : undefined;
  const type = isRecord(first) && isRecord(first.$) ? first.$.type : undefined;
  return (
    typeof type === 'string' &&
    /^(html|xhtml|text\/html|application\/xhtml\+xml)$/i.test(type.trim())
  );
}

/**
 * RSS titles are plain text once the XML parser has decoded them, but publishers' CMSs often
 * escape them once more (or put HTML-escaped text in CDATA): {@link decodeLeftoverEntities} undoes
 * that. Journals do put inline markup in them ("&lt;i&gt;In vitro&lt;/i&gt;"), and those tags are
 * removed; any other markup-like text stays as the characters it is.
 */
function plainTitle(title: string | null, mayHaveTags = true): string | null {
  if (title === null) return null;
  const decoded = decodeLeftoverEntities(title);
  const plain = mayHaveTags ? decoded.replace(INLINE_TAG, '') : decoded;
  const collapsed = plain.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

/**
 * An element's text, or its child elements written back as markup when a feed put unescaped
 * XHTML in it (as rss-parser does for descriptions, in a `<div>`).
 */
function markupOf(element: unknown): unknown {
  if (!isRecord(element) || typeof element._ === 'string') return element;
  const builder = new Builder({
    headless: true,
    rootName: 'div',
    renderOpts: { pretty: false },
  });
  return builder.buildObject(element);
}

function asHtml(body: Body | null): string {
  if (body === null) return '';
  if (body.isHtml) return body.value;
  return body.value
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('');
}

/** Every author: each `dc:creator`, each Atom `<author>`'s name, else RSS `<author>`. */
function authorsOf(item: RawRecord): string[] {
  const creators = textsOf(item.creatorElements);
  const named =
    creators.length > 0
      ? creators
      : asArray(item.authorElements).flatMap((author) =>
          isRecord(author) && Array.isArray(author.name) ? textsOf(author.name) : textsOf([author]),
        );
  const authors = named.map((author) =>
    // RSS <author> is an e-mail address, usually followed by the name in brackets.
    decodeLeftoverEntities(/^\S+@\S+\s+\((.+)\)$/.exec(author)?.[1] ?? author)
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_AUTHOR_LENGTH),
  );
  return [...new Set(authors.filter((author) => author !== ''))];
}

/** `dc:source` names the journal in PubMed and Crossref-made feeds ("N Engl J Med"). */
function journalFromSource(elements: unknown): string | null {
  const source = textsOf(elements)[0] ?? null;
  return source !== null && !/^https?:/i.test(source) ? plainTitle(source) : null;
}

/** Atom `<link rel="…" href="…">` addresses of one relation. */
function linksWithRel(elements: unknown, rel: string): string[] {
  return asArray(elements).flatMap((element) => {
    const attributes = isRecord(element) && isRecord(element.$) ? element.$ : null;
    return attributes?.rel === rel && typeof attributes.href === 'string' ? [attributes.href] : [];
  });
}

/** `media:content` and `media:thumbnail`, directly or in a `media:group`: addresses as data. */
function mediaOf(item: RawRecord, base: string): ItemMedia[] {
  const groups = asArray(item.mediaGroupElements).filter(isRecord);
  const contents = [
    ...asArray(item.mediaContentElements),
    ...groups.flatMap((group) => asArray(group['media:content'])),
  ];
  const thumbnails = [
    ...asArray(item.mediaThumbnailElements),
    ...groups.flatMap((group) => asArray(group['media:thumbnail'])),
  ];
  const media: ItemMedia[] = [];
  const add = (element: unknown, medium: (attributes: RawRecord) => string | null): void => {
    const attributes = isRecord(element) && isRecord(element.$) ? element.$ : null;
    const url = attributes === null ? null : resolveWebUrl(textOf(attributes.url), base);
    if (attributes === null || url === null || media.some((known) => known.url === url)) return;
    media.push({ url, type: textOf(attributes.type), medium: medium(attributes) });
  };
  for (const element of contents) add(element, (attributes) => textOf(attributes.medium));
  for (const element of thumbnails) add(element, () => 'thumbnail');
  return media;
}

function xmlBaseOf(attributes: unknown): string | null {
  return isRecord(attributes) ? textOf(attributes['xml:base']) : null;
}

/** The non-blank texts of a kept element list. */
function textsOf(elements: unknown): string[] {
  return asArray(elements).flatMap((element) => textOf(element) ?? []);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function resolveWebUrl(value: string | null, base: string): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** A non-blank string from what xml2js produced: a string, or an element object with text. */
function textOf(value: unknown): string | null {
  const text =
    typeof value === 'string'
      ? value
      : isRecord(value) && typeof value._ === 'string'
        ? value._
        : null;
  return text !== null && text.trim() !== '' ? text.trim() : null;
}

function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
