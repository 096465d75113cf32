import { decodeHTMLStrict } from 'entities';

// Characters XML 1.0 forbids; text pasted from word processors brings them in.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// The document's tokens, in the order they are tried: sections whose text is not markup (CDATA,
// comments, processing instructions, each running to its end or to the end of the input), a
// document type declaration, an ampersand with the reference it may start, plain text, and "<".
const TOKEN =
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE\b|&(?:#[xX][0-9a-fA-F]+;|#[0-9]+;|[A-Za-z][A-Za-z0-9]*;)?|[^<&]+|</giy;
const XML_ENTITIES = new Set(['&amp;', '&lt;', '&gt;', '&quot;', '&apos;']);

/**
 * Repairs the slips that make a strict XML parser reject feeds people read every day, and removes
 * what could make parsing dangerous. The document is read token by token, so CDATA sections,
 * comments and processing instructions are copied exactly as written, and:
 * - the DOCTYPE before the root element is dropped, so no entity declaration, internal or
 *   external, is ever seen;
 * - an `&` that starts no reference becomes `&amp;`, so bare ampersands ("Q&A", "?a=1&b=2")
 *   survive as text;
 * - HTML entity names, which XML does not define (`&nbsp;`, `&eacute;`), become the character
 *   references they stand for, so the XML parser decodes them exactly once like any other text;
 *   names HTML does not define either are kept as text (`&amp;bogus;`);
 * - characters XML forbids are removed, whether written as they are or as references (`&#0;`).
 */
export function repairFeedXml(xml: string): string {
  const text = xml.replace(FORBIDDEN_CHARACTERS, '');
  const repaired: string[] = [];
  let beforeRootElement = true;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const token = TOKEN.exec(text)?.[0] ?? '';
    if (token[0] === '&') {
      repaired.push(repairedReference(token));
    } else if (token.length === 9 && beforeRootElement && /^<!DOCTYPE$/i.test(token)) {
      TOKEN.lastIndex = endOfDoctype(text, TOKEN.lastIndex);
    } else {
      if (token === '<' && /[A-Za-z_:]/.test(text[start + 1] ?? '')) beforeRootElement = false;
      repaired.push(token);
    }
  }
  return repaired.join('');
}

function repairedReference(reference: string): string {
  if (reference === '&') return '&amp;';
  if (XML_ENTITIES.has(reference)) return reference;
  if (reference[1] === '#') {
    const hex = reference[2] === 'x' || reference[2] === 'X';
    const codePoint = parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return isXmlCharacter(codePoint) ? reference : '';
  }
  const decoded = decodeHTMLStrict(reference);
  if (decoded === reference) return `&amp;${reference.slice(1)}`;
  return [...decoded].map((character) => `&#${character.codePointAt(0)};`).join('');
}

/** XML 1.0's Char production. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/**
 * Where a document type declaration that starts at `from` (just after `<!DOCTYPE`) ends: its
 * closing `>`, outside quoted literals and outside the internal subset, whose declarations may
 * themselves contain `>`, `]` and comments.
 */
function endOfDoctype(text: string, from: number): number {
  let inSubset = false;
  let position = from;
  while (position < text.length) {
    const character = text[position];
    if (character === '"' || character === "'") {
      const close = text.indexOf(character, position + 1);
      position = close < 0 ? text.length : close + 1;
    } else if (inSubset && text.startsWith('<!--', position)) {
      const close = text.indexOf('-->', position + 4);
      position = close < 0 ? text.length : close + 3;
    } else if (character === '[') {
      inSubset = true;
      position += 1;
    } else if (character === ']') {
      inSubset = false;
      position += 1;
    } else if (character === '>' && !inSubset) {
      return position + 1;
    } else {
      position += 1;
    }
  }
  return text.length;
}
