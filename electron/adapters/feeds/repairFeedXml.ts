import sanitizeHtml from 'sanitize-html';

// "&" not starting one of the entities XML itself defines (or a character reference), with the
// entity name that follows it, if any.
const STRAY_AMPERSAND =
  /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)(?:([A-Za-z][A-Za-z0-9]{1,31});)?/g;
const MAX_REMEMBERED_ENTITIES = 4096;
const entityReferences = new Map<string, string | null>();
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
 * - `&` that does not start one of XML's own entities becomes `&amp;`, so bare ampersands
 *   ("Q&A") survive as text, and HTML entity names (`&nbsp;`) become character references;
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
  return markup.replace(STRAY_AMPERSAND, (_ampersand, name: string | undefined) => {
    const reference = name === undefined ? null : characterReferenceFor(name);
    return reference ?? `&amp;${name === undefined ? '' : `${name};`}`;
  });
}

/**
 * `&nbsp;` and the other HTML entity names are undefined in XML. Rewritten as character
 * references, they are decoded by the XML parser exactly once, like any other text; escaped as
 * `&amp;nbsp;` they would need a second, HTML decoding of plain-text fields, and that pass would
 * also turn a feed's literal `&amp;lt;` into "<". Null for names HTML does not define.
 */
function characterReferenceFor(name: string): string | null {
  const known = entityReferences.get(name);
  if (known !== undefined) return known;
  // HTML defines about 2,200 names; a document inventing thousands more is not worth decoding.
  if (entityReferences.size >= MAX_REMEMBERED_ENTITIES) return null;
  // sanitize-html knows every HTML entity; one it cannot decode comes back escaped.
  const text = sanitizeHtml(`&${name};`, { allowedTags: [], allowedAttributes: {} });
  const reference =
    text === '' || text.startsWith('&')
      ? null
      : [...text].map((character) => `&#${character.codePointAt(0)};`).join('');
  entityReferences.set(name, reference);
  return reference;
}
