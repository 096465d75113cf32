import DOMPurify, { type Config } from 'dompurify';
import { isDisplayableHref } from './isDisplayableHref';

/**
 * Feed HTML was sanitised at ingest; this second pass in the renderer is defence in depth, so a
 * bug or an old record in the backend still cannot run script or leave the app through a link.
 * A private DOMPurify instance keeps these hooks from leaking into any other use of the library.
 */
const purifier = DOMPurify(window);

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'option',
    'link',
    'meta',
    'base',
    'template',
    'video',
    'audio',
    'source',
    'track',
  ],
  // `style` attributes would be refused by the CSP anyway; `srcset` could fetch remote images.
  FORBID_ATTR: ['style', 'srcset', 'formaction', 'action', 'ping'],
  ALLOW_DATA_ATTR: false,
  // Prefixes ids and names from the feed so they cannot collide with, or clobber, the app's own.
  SANITIZE_NAMED_PROPS: true,
};

purifier.addHook('uponSanitizeAttribute', (node, event) => {
  const name = event.attrName.toLowerCase();
  if (name.startsWith('on')) {
    event.keepAttr = false;
  } else if (name === 'href' || name === 'xlink:href') {
    event.keepAttr = isDisplayableHref(event.attrValue);
  } else if (name === 'src' && node.nodeName === 'IMG') {
    // Remote images stay unloaded (privacy, and the CSP blocks them); inline ones may show.
    event.keepAttr = /^data:image\//i.test(event.attrValue.trim());
  }
});

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Makes stored item HTML safe to insert with `dangerouslySetInnerHTML`: no script, styles,
 * frames, plugins or forms, no event handlers, links only to http(s) and mailto addresses and
 * always opening outside the app. Remote images are not loaded: one with a description becomes
 * a short note saying what it showed, one without (often a tracking pixel) is dropped.
 */
export function sanitizeForDisplay(html: string): string {
  // Without a DOM, DOMPurify hands its input back untouched; refuse rather than pass it through.
  if (!purifier.isSupported) {
    throw new Error('Item content cannot be displayed: no HTML sanitiser is available.');
  }
  const fragment = purifier.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
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
