import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { excerptFromText } from '@shared/domain/feeds/excerptFromText';
import { normalizeFeedDate } from '@shared/domain/feeds/normalizeFeedDate';
import { titleFromText } from '@shared/domain/feeds/titleFromText';
import type { FeedParser, ParsedFeed, ParsedItem } from '../../services/feeds/ports';
import { decodeFeedBytes } from './decodeFeedBytes';
import { htmlToPlainText } from './htmlToPlainText';
import { type FeedFormat, recogniseFeedDocument } from './recogniseFeedDocument';
import { repairFeedXml } from './repairFeedXml';
import { sanitizeFeedHtml } from './sanitizeFeedHtml';

type RawRecord = Record<string, unknown>;
type ParseResult = Awaited<ReturnType<FeedParser['parse']>>;

/** Text or markup as a feed gives it; Atom says which, RSS is HTML by custom. */
interface Body {
  value: string;
  isHtml: boolean;
}

const DATE_ELEMENTS = new Set(['pubDate', 'dc:date', 'published', 'updated']);
const ATOM_XHTML_CONSTRUCT =
  /<(title|subtitle|summary|content|rights)(\s[^>]*?\btype\s*=\s*["']xhtml["'][^>]*)>([\s\S]*?)<\/\1>/g;
const UNTITLED = 'Untitled';
const MAX_AUTHOR_LENGTH = 200;

/**
 * Reads feed bytes with rss-parser's `parseString` (never `parseURL`, which fetches without
 * limits). Bytes are decoded first, common XML slips repaired, dates normalised to UTC, links
 * resolved against the feed's address, and content sanitised.
 */
export class RssFeedParser implements FeedParser {
  async parse(body: Uint8Array, contentType: string | null, url: string): Promise<ParseResult> {
    const text = decodeFeedBytes(body, contentType);
    const recognised = recogniseFeedDocument(text);
    if (recognised.format === null) {
      return { ok: false, code: 'not-a-feed', message: recognised.message };
    }

    let raw: RawRecord;
    try {
      const xml = recognised.format === 'atom' ? embedXhtmlAsHtml(text) : text;
      raw = (await createRssParser().parseString(repairFeedXml(xml))) as unknown as RawRecord;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return {
        ok: false,
        code: 'not-a-feed',
        message: `This address returned a feed Rounds cannot read: its XML is damaged (${reason}).`,
      };
    }
    return { ok: true, feed: toParsedFeed(raw, recognised.format, url) };
  }
}

/** A fresh parser per document: xml2js keeps state between calls, and an error can leave it dirty. */
function createRssParser(): Parser<RawRecord, RawRecord> {
  return new Parser<RawRecord, RawRecord>({
    // A versionless <rss> is read as RSS 2.0, the version nearly every such feed means.
    defaultRSS: 2,
    xml2js: {
      // rss-parser turns dates into ISO strings with `new Date(text)`, which reads zone-less dates
      // in the machine's time zone and throws on junk in Atom (failing the whole feed). Handing
      // it dates already normalised to UTC, or nothing, avoids both.
      valueProcessors: [
        (value: string, name: string) =>
          DATE_ELEMENTS.has(name) ? (normalizeFeedDate(value) ?? '') : value,
      ],
    },
    customFields: {
      // Kept whole so the Atom `type` attribute (text, html or xhtml) can be read.
      item: [
        ['title', 'titleElement', { keepArray: true }],
        ['content', 'contentElement', { keepArray: true }],
        ['summary', 'summaryElement', { keepArray: true }],
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
  const siteUrl = resolveWebUrl(textOf(raw.link), feedUrl);
  const rawItems = Array.isArray(raw.items) ? (raw.items as RawRecord[]) : [];
  return {
    title: plainTitle(textOf(raw.title)) ?? hostOf(siteUrl ?? feedUrl),
    siteUrl,
    items: rawItems.map((item) => toParsedItem(item, format, feedUrl)),
  };
}

function toParsedItem(item: RawRecord, format: FeedFormat, feedUrl: string): ParsedItem {
  const guid = textOf(item.guid) ?? textOf(item.id) ?? textOf(item['rdf:about']);
  const link =
    resolveWebUrl(textOf(item.link), feedUrl) ??
    // An RSS guid is very often the article's permanent address; a relative one is just an id.
    (format !== 'atom' && guid !== null && /^https?:\/\//i.test(guid)
      ? resolveWebUrl(guid, feedUrl)
      : null);

  const { full, summary } = format === 'atom' ? atomBodies(item) : rssBodies(item);
  const contentHtml = sanitizeFeedHtml(asHtml(full ?? summary), link ?? feedUrl);
  const summaryText = htmlToPlainText(asHtml(summary ?? full));

  const title =
    (format === 'atom' ? atomTitle(item) : plainTitle(textOf(item.title))) ??
    titleFromText(summaryText) ??
    titleFromText(htmlToPlainText(contentHtml)) ??
    UNTITLED;

  return {
    guid: guid ?? link ?? contentKey(title, item.isoDate),
    title,
    link,
    author: authorOf(item),
    publishedAt: textOf(item.isoDate),
    excerpt: excerptFromText(summaryText),
    contentHtml,
  };
}

function rssBodies(item: RawRecord): { full: Body | null; summary: Body | null } {
  // rss-parser puts <description> in `content` and keeps <content:encoded> under its own name.
  const encoded = textOf(item['content:encoded']);
  const description = textOf(item.content);
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

function atomTitle(item: RawRecord): string | null {
  const title = textOf(item.title);
  if (title === null) return null;
  return isAtomMarkup(item.titleElement)
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

/** RSS titles are meant to be plain text but often carry entities or tags; read those as HTML. */
function plainTitle(title: string | null, mayBeHtml = true): string | null {
  if (title === null) return null;
  const plain = mayBeHtml && /<[a-z/!]|&[#\w]+;/i.test(title) ? htmlToPlainText(title) : title;
  const collapsed = plain.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

function asHtml(body: Body | null): string {
  if (body === null) return '';
  if (body.isHtml) return body.value;
  return body.value
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('');
}

function authorOf(item: RawRecord): string | null {
  const author = textOf(item.creator) ?? textOf(item.author);
  if (author === null) return null;
  // RSS <author> is an e-mail address, usually followed by the name in brackets.
  const named = /^\S+@\S+\s+\((.+)\)$/.exec(author)?.[1] ?? author;
  return named.replace(/\s+/g, ' ').trim().slice(0, MAX_AUTHOR_LENGTH) || null;
}

/**
 * An identity for items that have neither guid, id nor link. Title and date, not content, so a
 * corrected typo in the text updates the item instead of adding a second copy.
 */
function contentKey(title: string, date: unknown): string {
  const digest = createHash('sha256')
    .update(`${title}\n${textOf(date) ?? ''}`)
    .digest('hex');
  return `content:${digest.slice(0, 32)}`;
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
