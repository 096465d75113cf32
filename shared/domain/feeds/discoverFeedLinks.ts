import { Parser } from 'htmlparser2';
import { resolveUrlReference } from './resolveUrlReference';

/** A feed a web page names in `<link rel="alternate">`. */
export interface DiscoveredFeedLink {
  /** Absolute http(s) address of the feed. */
  url: string;
  format: 'rss' | 'atom' | 'json';
  /** The link's `title`, as the site names the feed, or null. */
  title: string | null;
}

interface Candidate {
  href: string;
  format: DiscoveredFeedLink['format'];
  title: string | null;
}

const FEED_TYPES: Record<string, DiscoveredFeedLink['format']> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};
// What a browser never makes part of the page: template contents, text areas and the fallback a
// page shows when scripts are off. The parser reads markup inside them; a link there is not live.
// (Script, style and title contents are raw text to the parser already.)
const INERT_CONTAINERS = new Set(['template', 'textarea', 'xmp', 'noscript', 'noembed']);
// A site's comment feed ("Comments on …") is rarely what someone pasting the page means.
const COMMENTS_FEED = /\bcomments?\b/i;

/**
 * The feeds a web page advertises with `<link rel="alternate" type="application/rss+xml">` (or
 * Atom, JSON Feed), in the order a reader most likely wants: the page's own feeds in document
 * order, comment feeds last. Addresses are resolved against the page's first `<base href>` and
 * then its address, as a browser resolves them; duplicates and non-web addresses are left out.
 *
 * The page is read by an HTML tokenizer (htmlparser2), so attributes may come in any order, in
 * any case, quoted or not, with character references; comments, scripts, styles and inert
 * containers hide the links inside them.
 */
export function discoverFeedLinks(html: string, pageUrl: string): DiscoveredFeedLink[] {
  const { base, candidates } = feedLinksAndBase(html);
  // <base> applies to the whole document, links before it included.
  const resolveAgainst = (base === null ? null : resolveUrlReference(base, pageUrl)) ?? pageUrl;
  const seen = new Set<string>();
  const found: DiscoveredFeedLink[] = [];
  for (const { href, format, title } of candidates) {
    const url = resolveUrlReference(href, resolveAgainst);
    if (url === null || !/^https?:\/\//.test(url) || seen.has(url)) continue;
    seen.add(url);
    found.push({ url, format, title });
  }
  const isComments = (link: DiscoveredFeedLink) => COMMENTS_FEED.test(link.title ?? '');
  return [...found.filter((link) => !isComments(link)), ...found.filter(isComments)];
}

function feedLinksAndBase(html: string): { base: string | null; candidates: Candidate[] } {
  let base: string | null = null;
  const candidates: Candidate[] = [];
  let inertDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (INERT_CONTAINERS.has(name)) inertDepth += 1;
        if (inertDepth > 0) return;
        if (name === 'base' && base === null && attributes.href !== undefined) {
          base = attributes.href;
        }
        if (name === 'link') {
          const candidate = feedLinkCandidate(attributes);
          if (candidate !== null) candidates.push(candidate);
        }
      },
      onclosetag(name) {
        if (INERT_CONTAINERS.has(name) && inertDepth > 0) inertDepth -= 1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { base, candidates };
}

function feedLinkCandidate(attributes: Record<string, string>): Candidate | null {
  const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
  const type = (attributes.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = FEED_TYPES[type];
  const href = attributes.href?.trim();
  if (!rel.includes('alternate') || format === undefined || !href) return null;
  const title = attributes.title?.replace(/\s+/g, ' ').trim() || null;
  return { href, format, title };
}
