import DOMPurify, { type Config } from 'dompurify';
import { isStoredImagePath } from '@shared/domain/images/storedImagePaths';
import { isDisplayableHref } from './isDisplayableHref';
import { linkTextInFragment } from './linksInText';

/**
 * Feed HTML was sanitised at ingest; this second pass in the renderer is defence in depth, so a
 * bug or an old record in the backend still cannot run script or leave the app through a link.
 * A private DOMPurify instance keeps these hooks from leaking into any other use of the library.
 */
const purifier = DOMPurify(window);

/** Text structure, links, images and tables; scripts, styles, svg, math, forms, frames and media go. */
// prettier-ignore
const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'a', 'em', 'strong', 'i', 'b', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
  'abbr', 'cite', 'q', 'blockquote', 'code', 'pre', 'kbd', 'samp', 'var',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'img', 'figure', 'figcaption',
];

/**
 * Only attributes that cannot fetch, run or restyle anything. An allow-list rather than a
 * deny-list: DOMPurify's default HTML profile keeps `background`, `cite`, `poster` and others
 * that load remote addresses, and `id`, `name` and `class`, which let feed content clobber
 * document properties or dress itself up as the app's own interface.
 */
// prettier-ignore
const ALLOWED_ATTR = [
  'href', 'title', 'alt', 'src', 'width', 'height',
  'colspan', 'rowspan', 'scope', 'span', 'start', 'reversed', 'datetime', 'lang', 'dir',
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

purifier.addHook('uponSanitizeAttribute', (node, event) => {
  const name = event.attrName.toLowerCase();
  if (name === 'href') {
    event.keepAttr = isDisplayableHref(event.attrValue);
  } else if (name === 'src' && node.nodeName === 'IMG') {
    // Remote images stay unloaded (privacy, and the CSP blocks them); inline ones may show, and
    // so may images saved in the library, named exactly by their address on the app's own origin.
    const src = event.attrValue;
    event.keepAttr = /^data:image\//i.test(src.trim()) || isStoredImagePath(src);
  }
});

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Makes stored item HTML safe to insert with `dangerouslySetInnerHTML`: only allow-listed text,
 * table and image elements and attributes, so no script, styles, frames, plugins or forms, no
 * event handlers and nothing that fetches a remote address; links only to http(s) and mailto addresses and
 * always opening outside the app. Remote images are not loaded: one with a description becomes
 * a short note saying what it showed, one without (often a tracking pixel) is dropped. Images
 * saved for offline reading (`/files/images/<sha256>`, served by the app itself) are shown.
 */
export function sanitizeForDisplay(html: string): string {
  // Without a DOM, DOMPurify hands its input back untouched; refuse rather than pass it through.
  if (!purifier.isSupported) {
    throw new Error('Item content cannot be displayed: no HTML sanitiser is available.');
  }
  const fragment = purifier.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  // Posts often write addresses and DOIs as plain text; they become links like the feed's own.
  linkTextInFragment(fragment);
  for (const image of fragment.querySelectorAll('img:not([src])')) {
    const description = image.getAttribute('alt')?.trim();
    if (description) {
      const note = document.createElement('span');
      note.className = 'reader-image-note';
      note.textContent = `[Image not loaded: ${description}]`;
      image.replaceWith(note);
    } else {
      image.remove();
    }
  }
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
