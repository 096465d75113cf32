// The images of an item's HTML as the backend sanitiser writes it (sanitizeFeedHtml): `<img>`
// tags whose attribute values are quoted, with `&`, `<`, `>` and `"` escaped, so a tag can be
// found and its `src` read without a DOM. Text that merely looks like a tag is escaped there
// (`&lt;img`) and never matches.

const IMAGE_TAG = /<img\b[^>]*>/gi;
const SRC_ATTRIBUTE = /(\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const REMOTE_ADDRESS = /^https?:\/\//i;
const CHARACTER_REFERENCE = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi;
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * The http(s) addresses of the HTML's images, each once, in the order they appear; inline
 * (`data:`) and already stored images are left out.
 */
export function remoteImageSourcesOf(html: string): string[] {
  const sources = new Set<string>();
  for (const tag of html.matchAll(IMAGE_TAG)) {
    const src = srcOf(tag[0]);
    if (src !== null && REMOTE_ADDRESS.test(src)) sources.add(src);
  }
  return [...sources];
}

/**
 * The HTML with the `src` of each image replaced by `replacementOf(src)` where that gives an
 * address; every other character stays as it was. `src` is passed decoded (`&amp;` as `&`).
 * The replacement must be a plain address (it is written between double quotes unescaped).
 */
export function withImageSources(
  html: string,
  replacementOf: (src: string) => string | undefined,
): string {
  return html.replace(IMAGE_TAG, (tag) =>
    tag.replace(SRC_ATTRIBUTE, (attribute, before: string, ...values: (string | undefined)[]) => {
      const raw = values.slice(0, 3).find((value) => value !== undefined) ?? '';
      const replacement = replacementOf(decodeReferences(raw.trim()));
      return replacement === undefined ? attribute : `${before}"${replacement}"`;
    }),
  );
}

function srcOf(tag: string): string | null {
  const match = SRC_ATTRIBUTE.exec(tag);
  if (!match) return null;
  return decodeReferences((match[2] ?? match[3] ?? match[4] ?? '').trim());
}

function decodeReferences(value: string): string {
  return value.replace(CHARACTER_REFERENCE, (reference, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x')
        ? Number.parseInt(lower.slice(2), 16)
        : Number.parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    return NAMED_REFERENCES[lower] ?? reference;
  });
}
