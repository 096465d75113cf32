// "&" not starting one of the entities XML itself defines (or a character reference).
const STRAY_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/g;
// Pieces the repair must leave alone: character data and comments are not markup.
const VERBATIM = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
// A document type declaration in the prolog, with its internal subset when there is one.
// Each prolog piece has exactly one possible end, so a document without a DOCTYPE fails fast.
const PROLOG_DOCTYPE =
  /^(\s*(?:<\?[^>]*>\s*|<!--(?:(?!-->)[\s\S])*-->\s*)*)<!DOCTYPE(?:[^[>]|\[[^\]]*\])*>/i;
// Characters XML 1.0 forbids; text pasted from word processors brings them in.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Repairs the slips that make a strict XML parser reject feeds people read every day, and removes
 * what could make parsing dangerous:
 * - the DOCTYPE is dropped, so no entity declaration, internal or external, is ever seen;
 * - `&` that does not start one of XML's own entities becomes `&amp;`: bare ampersands ("Q&A")
 *   and HTML entity names (`&nbsp;`) survive as text, and the HTML reader decodes the latter;
 * - characters XML forbids are removed.
 * Ampersands inside CDATA sections and comments are left as they are.
 */
export function repairFeedXml(xml: string): string {
  const withoutDoctype = xml.replace(FORBIDDEN_CHARACTERS, '').replace(PROLOG_DOCTYPE, '$1');
  let repaired = '';
  let last = 0;
  for (const match of withoutDoctype.matchAll(VERBATIM)) {
    repaired += escapeStrayAmpersands(withoutDoctype.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return repaired + escapeStrayAmpersands(withoutDoctype.slice(last));
}

function escapeStrayAmpersands(markup: string): string {
  return markup.replace(STRAY_AMPERSAND, '&amp;');
}
