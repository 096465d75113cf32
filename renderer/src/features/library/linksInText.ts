import LinkifyIt from 'linkify-it';
import { isDisplayableHref } from './isDisplayableHref';

/** A web address or DOI found in plain text, and where. */
export interface LinkInText {
  start: number;
  end: number;
  /** Where it leads: the address, or `https://doi.org/<doi>` for a DOI. */
  href: string;
}

// Web addresses, with or without a scheme ("nejm.org/doi/…"); e-mail addresses and other
// schemes are left as text: a post's "contact me at" is not what a clinician wants to click.
const addresses = new LinkifyIt().set({ fuzzyEmail: false });
const WEB_SCHEMAS = new Set(['http:', 'https:', '']);

/**
 * A DOI as people write it in posts: `10.1056/NEJMoa2107038`, also after `doi:`. Its suffix runs
 * to white space; punctuation that ends the sentence around it is trimmed off below.
 */
const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'’”]+$/;

/**
 * The web addresses and DOIs in a piece of plain text, in order and never overlapping (a DOI
 * inside an address belongs to the address). Only addresses a window may open are returned.
 */
export function linksInText(text: string): LinkInText[] {
  const found: LinkInText[] = [];
  for (const match of addresses.match(text) ?? []) {
    if (!WEB_SCHEMAS.has(match.schema.toLowerCase())) continue;
    // An address written without its scheme ("www.nejm.org/…") is opened securely.
    const href = match.schema === '' ? `https://${match.raw}` : match.url;
    if (isDisplayableHref(href)) found.push({ start: match.index, end: match.lastIndex, href });
  }
  for (const match of text.matchAll(DOI)) {
    const doi = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    const end = start + doi.length;
    if (found.some((link) => start < link.end && end > link.start)) continue;
    found.push({ start, end, href: `https://doi.org/${encodeURI(doi)}` });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Turns the addresses and DOIs in the text of feed HTML (already sanitised) into links that
 * open outside the app, leaving text that is already a link alone.
 */
export function linkTextInFragment(root: DocumentFragment | Element): void {
  const document = root.ownerDocument ?? window.document;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || parent.closest('a') === null) texts.push(node as Text);
  }
  for (const textNode of texts) {
    const text = textNode.data;
    const links = linksInText(text);
    if (links.length === 0) continue;
    const replacement = document.createDocumentFragment();
    let at = 0;
    for (const link of links) {
      replacement.append(text.slice(at, link.start));
      const anchor = document.createElement('a');
      anchor.href = link.href;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
      anchor.textContent = text.slice(link.start, link.end);
      replacement.append(anchor);
      at = link.end;
    }
    replacement.append(text.slice(at));
    textNode.replaceWith(replacement);
  }
}
