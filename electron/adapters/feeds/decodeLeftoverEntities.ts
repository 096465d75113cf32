import { decodeHTMLStrict } from 'entities';

const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/;
// One pass for a CMS that escaped plain text before writing it into XML ("&amp;eacute;"), one
// more for the same text inside CDATA, which the XML parser does not decode at all.
const MAX_EXTRA_PASSES = 2;

/**
 * Plain text (a title, an author) that still holds HTML character references once the feed's own
 * format has been decoded, because the publisher's CMS escaped it once too often: "Caf&eacute;",
 * "A &amp; B", "&lt;5 mg" read "Café", "A & B", "<5 mg". Decoded again only while a reference
 * known to HTML remains, at most twice. The result is still plain text: "&lt;script&gt;" becomes
 * the characters "<script>", which are shown as written and never read as markup.
 */
export function decodeLeftoverEntities(text: string): string {
  let decoded = text;
  for (let pass = 0; pass < MAX_EXTRA_PASSES && CHARACTER_REFERENCE.test(decoded); pass += 1) {
    const next = decodeHTMLStrict(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}
