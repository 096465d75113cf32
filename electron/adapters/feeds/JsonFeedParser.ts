import { normalizeFeedDate } from '@shared/domain/feeds/normalizeFeedDate';
import type { ItemMedia } from '@shared/domain/library/libraryDocuments';
import type { FeedParser, ParsedFeed } from '../../services/feeds/ports';
import { buildParsedItem, visibleFeedTitle } from './buildParsedItem';
import { decodeFeedBytes } from './decodeFeedBytes';
import { decodeLeftoverEntities } from './decodeLeftoverEntities';

type ParseResult = Awaited<ReturnType<FeedParser['parse']>>;
type JsonRecord = Record<string, unknown>;

const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\//i;
const JSON_FEED_MEDIA_TYPE = /^\s*application\/feed\+json\b/i;
const MAX_TITLE_LENGTH = 1_000;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org), which rss-parser rejects, into the same
 * model as RSS and Atom: the feed's title and home page, and per item its id, address, optional
 * title, HTML or text content, summary, dates, authors (1.1 `authors`, 1.0 `author`), the article
 * it comments on (`external_url`) and its image and attachments as media data.
 */
export class JsonFeedParser implements FeedParser {
  /**
   * True when the text is a JSON Feed: served as `application/feed+json`, or a JSON object whose
   * `version` is a jsonfeed.org version address. Cheap enough to ask of every fetched body.
   */
  static recognises(text: string, contentType: string | null): boolean {
    const start = text.replace(/^\uFEFF/, '').trimStart();
    if (!start.startsWith('{')) return false;
    if (JSON_FEED_MEDIA_TYPE.test(contentType ?? '')) return true;
    // `version` is required and comes first in practice; looking at the opening keeps a huge
    // JSON document from being parsed twice just to be recognised.
    return /"version"\s*:\s*"https?:\\?\/\\?\/jsonfeed\.org\\?\/version\\?\//i.test(
      start.slice(0, 4096),
    );
  }

  async parse(body: Uint8Array, contentType: string | null, url: string): Promise<ParseResult> {
    return this.parseText(decodeFeedBytes(body, contentType), url);
  }

  /** Reads already decoded text; `url` is the feed's address, for relative links. */
  parseText(text: string, url: string): ParseResult {
    let document: unknown;
    try {
      document = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        code: 'malformed-feed',
        message: `This address returned a JSON Feed Rounds cannot read: its JSON is damaged (${reason}).`,
      };
    }
    if (!isRecord(document) || !JSON_FEED_VERSION.test(stringOf(document.version) ?? '')) {
      return {
        ok: false,
        code: 'not-a-feed',
        message: 'This address returned JSON data that is not a JSON Feed.',
      };
    }
    return { ok: true, feed: toParsedFeed(document, url) };
  }
}

function toParsedFeed(document: JsonRecord, feedUrl: string): ParsedFeed {
  const siteUrl = webUrl(document.home_page_url, feedUrl);
  const feedAuthors = authorsOf(document);
  const items = Array.isArray(document.items) ? document.items.filter(isRecord) : [];
  return {
    title: visibleFeedTitle(plainText(document.title)) ?? hostOf(siteUrl ?? feedUrl),
    siteUrl,
    items: items.map((item) => toParsedItem(item, feedUrl, feedAuthors)),
  };
}

function toParsedItem(item: JsonRecord, feedUrl: string, feedAuthors: string[]) {
  const link = webUrl(item.url, feedUrl);
  const externalUrl = webUrl(item.external_url, feedUrl);
  const html = stringOf(item.content_html);
  const text = stringOf(item.content_text);
  const summary = stringOf(item.summary);
  const full = html ?? (text === null ? null : textAsHtml(text));
  // A link post (external_url) is about the article it points at: that address is cited, so a
  // colleague's link post to a paper attaches to it.
  const externalLinkHtml =
    externalUrl !== null && externalUrl !== link
      ? `<p><a href="${escapeHtml(externalUrl)}">${escapeHtml(externalUrl)}</a></p>`
      : '';
  const authors = authorsOf(item);
  return buildParsedItem({
    // JSON Feed ids may be numbers in the wild, although the spec says string.
    guid: stringOf(item.id) ?? (typeof item.id === 'number' ? String(item.id) : null),
    title: plainText(item.title),
    link,
    contentBase: link ?? feedUrl,
    authors: authors.length > 0 ? authors : feedAuthors,
    profileAuthor: null,
    publishedAt:
      normalizeFeedDate(stringOf(item.date_published) ?? '') ??
      normalizeFeedDate(stringOf(item.date_modified) ?? ''),
    fullHtml: full === null && externalLinkHtml === '' ? null : `${full ?? ''}${externalLinkHtml}`,
    summaryHtml: summary === null ? null : textAsHtml(summary),
    journal: null,
    identifiers: [],
    relations: [],
    relatedLinks: [],
    media: mediaOf(item, feedUrl),
  });
}

/** 1.1 `authors` (a list), else 1.0 `author` (one object). */
function authorsOf(record: JsonRecord): string[] {
  const list = Array.isArray(record.authors) ? record.authors : [record.author];
  return list.flatMap((author) => {
    const name = isRecord(author) ? oneLine(stringOf(author.name)) : null;
    return name === null ? [] : [name];
  });
}

function mediaOf(item: JsonRecord, feedUrl: string): ItemMedia[] {
  const media: ItemMedia[] = [];
  const image = webUrl(item.image, feedUrl) ?? webUrl(item.banner_image, feedUrl);
  if (image !== null) media.push({ url: image, type: null, medium: 'image' });
  const attachments = Array.isArray(item.attachments) ? item.attachments.filter(isRecord) : [];
  for (const attachment of attachments) {
    const url = webUrl(attachment.url, feedUrl);
    const type = stringOf(attachment.mime_type);
    if (url !== null) media.push({ url, type, medium: type?.split('/')[0] ?? null });
  }
  return media;
}

function textAsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function webUrl(value: unknown, base: string): string | null {
  const text = stringOf(value);
  if (text === null) return null;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** JSON Feed titles are plain text, yet CMSs often write them HTML-escaped ("Tom &amp; Jerry"). */
function plainText(value: unknown): string | null {
  const text = stringOf(value);
  return oneLine(text === null ? null : decodeLeftoverEntities(text));
}

function oneLine(text: string | null): string | null {
  if (text === null) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
  return collapsed === '' ? null : collapsed;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
