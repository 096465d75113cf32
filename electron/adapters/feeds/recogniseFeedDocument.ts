/** The feed formats rss-parser reads, by their root element. */
export type FeedFormat = 'rss' | 'atom' | 'rdf';

/**
 * A feed's format, or why the document will not be parsed: it is not a feed, its document type
 * declaration is damaged, or it declares entities (refused before any parser sees them).
 */
export type Recognition =
  | { format: FeedFormat }
  | { format: null; code: 'not-a-feed' | 'malformed-feed' | 'unsafe-xml'; message: string };

// Prolog pieces that may precede the root element: declaration, processing instructions,
// comments, a document type declaration (internal subset included).
const PROLOG_PIECE =
  /^(?:\s+|<\?[^>]*>|<!--(?:(?!-->)[\s\S])*-->|<!DOCTYPE(?:[^[>]|\[[^\]]*\])*>)/i;
const ROOT_ELEMENT = /^<([A-Za-z_][\w.:-]*)/;
// Error pages and fragments served without <html> still start with one of these.
const HTML_ELEMENT =
  /^(html|head|body|meta|link|title|script|style|noscript|div|p|span|a|img|br|h[1-6]|table|form|main|header|nav|section|article|iframe)$/i;

// Inside a document type declaration, the one construct that lets a document expand text: internal
// entities (billion laughs, quadratic blow-up), external ones (a local file, a network address)
// and parameter entities. Feeds have no use for any of them.
const ENTITY_DECLARATION = /<!ENTITY/i;

const UNSAFE_XML =
  'This feed declares XML entities, a construct used to read files from this computer or to exhaust its memory. Rounds does not read such feeds; the site’s owner can remove the declarations.';
const DAMAGED_DOCTYPE =
  'This feed starts with a damaged document type declaration, so Rounds cannot read it.';
const WEB_PAGE =
  'This address is a web page, not a feed. Look on that page for a link named RSS, Atom or Subscribe, and add that address instead.';

/**
 * Tells from the start of a decoded document whether it is an RSS, Atom or RSS 1.0 (RDF) feed,
 * and otherwise what the user reached instead: a web page, JSON data, an empty answer or some
 * other XML.
 */
export function recogniseFeedDocument(text: string): Recognition {
  let rest = text.replace(/^\uFEFF/, '');
  if (rest.trim() === '') return notAFeed('This address returned an empty page, not a feed.');
  if (/^\s*[[{]/.test(rest)) {
    return notAFeed(
      'This address returned data (JSON), not a feed. Rounds reads RSS and Atom feeds.',
    );
  }

  let sawHtmlDoctype = false;
  for (let piece = PROLOG_PIECE.exec(rest); piece; piece = PROLOG_PIECE.exec(rest)) {
    if (/^<!DOCTYPE\s+html\b/i.test(piece[0])) sawHtmlDoctype = true;
    if (/^<!DOCTYPE/i.test(piece[0]) && ENTITY_DECLARATION.test(piece[0]))
      return { format: null, code: 'unsafe-xml', message: UNSAFE_XML };
    rest = rest.slice(piece[0].length);
  }
  // The prolog pattern stops at a declaration it cannot delimit (a "]" or ">" inside a quoted
  // value, a missing end): refuse it on sight of an entity, whatever else it contains.
  if (/^<!DOCTYPE/i.test(rest)) {
    return ENTITY_DECLARATION.test(rest)
      ? { format: null, code: 'unsafe-xml', message: UNSAFE_XML }
      : { format: null, code: 'malformed-feed', message: DAMAGED_DOCTYPE };
  }

  const root = ROOT_ELEMENT.exec(rest)?.[1];
  if (sawHtmlDoctype || (root !== undefined && HTML_ELEMENT.test(root))) return notAFeed(WEB_PAGE);
  if (root === undefined) return notAFeed('This address returned plain text, not a feed.');
  if (root === 'rss') return { format: 'rss' };
  if (root === 'feed') return { format: 'atom' };
  if (root === 'rdf:RDF') return { format: 'rdf' };
  return notAFeed(
    `This address returned an XML document (<${root}>) that is not an RSS or Atom feed.`,
  );
}

function notAFeed(message: string): Recognition {
  return { format: null, code: 'not-a-feed', message };
}
