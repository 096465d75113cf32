import { resolveUrlReference } from './resolveUrlReference';

/** A feed a web page names in `<link rel="alternate">`. */
export interface DiscoveredFeedLink {
  /** Absolute http(s) address of the feed. */
  url: string;
  format: 'rss' | 'atom' | 'json';
  /** The link's `title`, as the site names the feed, or null. */
  title: string | null;
}

const FEED_TYPES: Record<string, DiscoveredFeedLink['format']> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};
// Elements whose content is text, not markup: a "<link" inside them is not a tag.
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'template', 'xmp']);
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const ATTRIBUTE_NAME = /[^\s/>=]+/y;
const UNQUOTED_VALUE = /[^\s>]+/y;
const SPACE = /[\s/]*/y;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  // Sites name their feeds "Blog » Feed" and "Blog – Comments".
  raquo: '\u00bb',
  laquo: '\u00ab',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  rsquo: '\u2019',
};
// A site's comment feed ("Comments on …") is rarely what someone pasting the page means.
const COMMENTS_FEED = /\bcomments?\b/i;

/**
 * The feeds a web page advertises with `<link rel="alternate" type="application/rss+xml">` (or
 * Atom, JSON Feed), in the order a reader most likely wants: the page's own feeds in document
 * order, comment feeds last. Addresses are resolved against the page's `<base href>` and then its
 * address; duplicates and non-web addresses are left out.
 *
 * A small tag scanner rather than a DOM: it skips comments, doctype, scripts, styles and other
 * raw-text elements, and reads quoted, single-quoted and unquoted attributes in any order.
 */
export function discoverFeedLinks(html: string, pageUrl: string): DiscoveredFeedLink[] {
  let base: string | null = null;
  const candidates: { href: string; format: DiscoveredFeedLink['format']; title: string | null }[] =
    [];

  for (const tag of startTags(html)) {
    if (tag.name === 'base' && base === null && tag.attributes.has('href')) {
      base = resolveUrlReference(tag.attributes.get('href') ?? '', pageUrl);
    }
    if (tag.name !== 'link') continue;
    const rel = (tag.attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (tag.attributes.get('type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const format = FEED_TYPES[type];
    const href = tag.attributes.get('href')?.trim();
    if (!rel.includes('alternate') || format === undefined || !href) continue;
    const title = tag.attributes.get('title')?.replace(/\s+/g, ' ').trim() || null;
    candidates.push({ href, format, title });
  }

  // <base> applies to the whole document, links before it included.
  const resolveAgainst = base ?? pageUrl;
  const seen = new Set<string>();
  const found: DiscoveredFeedLink[] = [];
  for (const { href, format, title } of candidates) {
    const url = resolveUrlReference(href, resolveAgainst);
    if (url === null || !/^https?:\/\/[^/?#]+/i.test(url) || seen.has(url)) continue;
    seen.add(url);
    found.push({ url, format, title });
  }
  const isComments = (link: DiscoveredFeedLink) => COMMENTS_FEED.test(link.title ?? '');
  return [...found.filter((link) => !isComments(link)), ...found.filter(isComments)];
}

interface StartTag {
  name: string;
  attributes: Map<string, string>;
}

function* startTags(html: string): Generator<StartTag> {
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) return;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      position = close < 0 ? html.length : close + 3;
      continue;
    }
    const next = html[open + 1];
    if (next === '!' || next === '?' || next === '/') {
      const close = html.indexOf('>', open + 1);
      position = close < 0 ? html.length : close + 1;
      continue;
    }
    TAG_NAME.lastIndex = open + 1;
    const nameMatch = TAG_NAME.exec(html);
    if (!nameMatch) {
      position = open + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const { attributes, end } = readAttributes(html, TAG_NAME.lastIndex);
    yield { name, attributes };
    position = end;
    if (RAW_TEXT_ELEMENTS.has(name)) position = endOfRawText(html, name, position);
  }
}

/** Reads attributes up to the tag's closing `>`; the first of a repeated name wins, as in HTML. */
function readAttributes(
  html: string,
  from: number,
): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  let position = from;
  while (position < html.length) {
    SPACE.lastIndex = position;
    SPACE.exec(html);
    position = SPACE.lastIndex;
    if (position >= html.length) break;
    if (html[position] === '>') return { attributes, end: position + 1 };

    ATTRIBUTE_NAME.lastIndex = position;
    const nameMatch = ATTRIBUTE_NAME.exec(html);
    if (!nameMatch) {
      position += 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    position = ATTRIBUTE_NAME.lastIndex;
    while (/\s/.test(html[position] ?? '')) position += 1;
    let value = '';
    if (html[position] === '=') {
      position += 1;
      while (/\s/.test(html[position] ?? '')) position += 1;
      const quote = html[position];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, position + 1);
        const end = close < 0 ? html.length : close;
        value = html.slice(position + 1, end);
        position = end + 1;
      } else {
        UNQUOTED_VALUE.lastIndex = position;
        value = UNQUOTED_VALUE.exec(html)?.[0] ?? '';
        position = UNQUOTED_VALUE.lastIndex || position;
      }
    }
    if (!attributes.has(name)) attributes.set(name, decodeCharacterReferences(value));
  }
  return { attributes, end: html.length };
}

function endOfRawText(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}[\\s>/]`, 'ig');
  closing.lastIndex = from;
  const match = closing.exec(html);
  return match ? match.index : html.length;
}

function decodeCharacterReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
