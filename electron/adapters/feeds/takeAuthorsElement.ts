import { Parser } from 'htmlparser2';

// The class publishers give the element naming a paper's authors ("authors", "meta authors").
const AUTHORS_CLASS = /(?:^|\s)authors?(?:\s|$)/i;
const MAYBE_AUTHORS_CLASS = /class\s*=\s*["']?[^"'>]*\bauthors?\b/i;
const BY_PREFIX = /^by\s+/i;

/** The authors' names written in a description, and the description without them. */
export interface AuthorsElement {
  /** The element's text ("Anna Berg, Tomas Novak"), or null when there is none. */
  authors: string | null;
  /** The markup with that element removed, so its names do not open the excerpt. */
  rest: string;
}

/**
 * Finds the first element whose class is `authors` or `author` (`<span class="authors">`,
 * `<p class="meta authors">`) in an item's HTML, as publishers that give no author field write
 * them, and separates it from the rest of the markup.
 */
export function takeAuthorsElement(html: string): AuthorsElement {
  if (!MAYBE_AUTHORS_CLASS.test(html)) return { authors: null, rest: html };
  let depth = 0;
  let start = -1;
  let end = -1;
  let text = '';
  const parser: Parser = new Parser(
    {
      onopentag(_name, attributes) {
        if (end >= 0) return;
        if (depth > 0) depth += 1;
        else if (AUTHORS_CLASS.test(attributes.class ?? '')) {
          depth = 1;
          start = parser.startIndex;
        }
      },
      ontext(chunk) {
        if (depth > 0 && end < 0) text += chunk;
      },
      onclosetag() {
        if (depth === 0 || end >= 0) return;
        depth -= 1;
        if (depth === 0) end = parser.endIndex + 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (start < 0) return { authors: null, rest: html };
  const authors = text.replace(/\s+/g, ' ').trim().replace(BY_PREFIX, '');
  return {
    authors: authors === '' ? null : authors,
    rest: html.slice(0, start) + (end < 0 ? '' : html.slice(end)),
  };
}
