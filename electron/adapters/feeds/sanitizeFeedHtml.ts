import sanitizeHtml from 'sanitize-html';

/**
 * Elements whose content is code, styling, embedded documents or form controls: dropped together
 * with their text rather than unwrapped into the article.
 */
// prettier-ignore
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp',
  'iframe', 'frame', 'object', 'embed', 'applet', 'svg', 'math',
  'textarea', 'select', 'option', 'button', 'head', 'title',
];

// prettier-ignore
const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'a', 'em', 'strong', 'i', 'b', 'sub', 'sup',
  'blockquote', 'code', 'pre',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'img', 'figure', 'figcaption',
];

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/**
 * Cleans feed HTML at ingest with a strict allow-list: text structure, links, images and tables
 * survive; scripts, styles, embedded frames, forms, event handlers and style attributes do not.
 * Relative links and images are resolved against `baseUrl` (the item's link, else the feed's
 * address); links keep only http, https and mailto, images only http and https.
 * The renderer sanitises again before display: this is the first of two layers.
 */
export function sanitizeFeedHtml(html: string, baseUrl: string | null): string {
  // Without markup or entities there is nothing to remove or decode: sanitize-html would return
  // the text with only ">" escaped, at the cost of a parser, and plain-text feeds are common.
  if (!html.includes('<') && !html.includes('&')) return html.replace(/>/g, '&gt;');
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
      ol: ['start', 'reversed'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: withoutUndefined({
          href: resolveUrl(attribs.href, baseUrl, LINK_SCHEMES),
          title: attribs.title,
          // Articles open in the user's browser; nothing there should reach back into Rounds.
          rel: 'noopener noreferrer',
        }),
      }),
      img: (tagName, attribs) => ({
        tagName,
        attribs: withoutUndefined({
          src: resolveUrl(attribs.src, baseUrl, IMAGE_SCHEMES),
          alt: attribs.alt,
          title: attribs.title,
          width: attribs.width,
          height: attribs.height,
        }),
      }),
    },
    // An image without a usable address shows nothing but a broken frame.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

function resolveUrl(
  value: string | undefined,
  baseUrl: string | null,
  schemes: Set<string>,
): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    const url = baseUrl === null ? new URL(value.trim()) : new URL(value.trim(), baseUrl);
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function withoutUndefined(attribs: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) if (value !== undefined) kept[name] = value;
  return kept;
}
