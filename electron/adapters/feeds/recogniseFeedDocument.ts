/** The feed formats rss-parser reads, by their root element. */
export type FeedFormat = 'rss' | 'atom' | 'rdf';

/** A feed's format, or a sentence telling the user why the document is not a feed. */
export type Recognition = { format: FeedFormat } | { format: null; message: string };

// Prolog pieces that may precede the root element: declaration, processing instructions,
// comments, a document type declaration (internal subset included).
const PROLOG_PIECE =
  /^(?:\s+|<\?[^>]*>|<!--(?:(?!-->)[\s\S])*-->|<!DOCTYPE(?:[^[>]|\[[^\]]*\])*>)/i;
const ROOT_ELEMENT = /^<([A-Za-z_][\w.:-]*)/;
// Error pages and fragments served without <html> still start with one of these.
const HTML_ELEMENT =
  /^(html|head|body|meta|link|title|script|style|noscript|div|p|span|a|img|br|h[1-6]|table|form|main|header|nav|section|article|iframe)$/i;

const WEB_PAGE =
  'This address is a web page, not a feed. Look on that page for a link named RSS, Atom or Subscribe, and add that address instead.';

/**
 * Tells from the start of a decoded document whether it is an RSS, Atom or RSS 1.0 (RDF) feed,
 * and otherwise what the user reached instead: a web page, JSON data, an empty answer or some
 * other XML.
 */
export function recogniseFeedDocument(text: string): Recognition {
  let rest = text.replace(/^\uFEFF/, '');
  if (rest.trim() === '')
    return { format: null, message: 'This address returned an empty page, not a feed.' };
  if (/^\s*[[{]/.test(rest)) {
    return {
      format: null,
      message: 'This address returned data (JSON), not a feed. Rounds reads RSS and Atom feeds.',
    };
  }

  let sawHtmlDoctype = false;
  for (let piece = PROLOG_PIECE.exec(rest); piece; piece = PROLOG_PIECE.exec(rest)) {
    if (/^<!DOCTYPE\s+html\b/i.test(piece[0])) sawHtmlDoctype = true;
    rest = rest.slice(piece[0].length);
  }

  const root = ROOT_ELEMENT.exec(rest)?.[1];
  if (sawHtmlDoctype || (root !== undefined && HTML_ELEMENT.test(root)))
    return { format: null, message: WEB_PAGE };
  if (root === undefined)
    return { format: null, message: 'This address returned plain text, not a feed.' };
  if (root === 'rss') return { format: 'rss' };
  if (root === 'feed') return { format: 'atom' };
  if (root === 'rdf:RDF') return { format: 'rdf' };
  return {
    format: null,
    message: `This address returned an XML document (<${root}>) that is not an RSS or Atom feed.`,
  };
}
