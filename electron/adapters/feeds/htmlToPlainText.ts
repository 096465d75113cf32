import sanitizeHtml from 'sanitize-html';
import { DROPPED_WITH_CONTENT } from './sanitizeFeedHtml';

// Elements that start a new line of text when the markup is removed.
const LINE_BREAKING_TAG =
  /<(\/?)(p|div|br|hr|li|dt|dd|h[1-6]|tr|blockquote|pre|section|article|header|footer|table|ul|ol|dl|figure|figcaption)\b/gi;

/**
 * The readable text of an HTML fragment: tags removed, entities decoded, one line per block, blank
 * lines dropped. Used for excerpts, for titles given as HTML and for titles derived from content.
 */
export function htmlToPlainText(html: string): string {
  const escapedText = sanitizeHtml(html.replace(LINE_BREAKING_TAG, '\n<$1$2'), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: DROPPED_WITH_CONTENT,
  });
  // sanitize-html decodes every entity and re-escapes exactly these three in text, so undoing
  // them (ampersand last) yields the text itself.
  const text = escapedText.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
