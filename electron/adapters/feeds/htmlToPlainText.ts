import { Parser } from 'htmlparser2';
import { DROPPED_WITH_CONTENT } from './sanitizeFeedHtml';

const DROPPED = new Set(DROPPED_WITH_CONTENT);
// Elements that start a new line of text when the markup is removed. Marked in the markup itself,
// so that a stray closing tag, which the parser ignores, still ends its line.
const LINE_BREAKING_TAG =
  /<(\/?)(p|div|br|hr|li|dt|dd|h[1-6]|tr|blockquote|pre|section|article|header|footer|table|ul|ol|dl|figure|figcaption)\b/gi;

/**
 * The readable text of an HTML fragment: tags removed, entities decoded, one line per block, blank
 * lines dropped. Used for excerpts, for titles given as HTML and for titles derived from content.
 */
export function htmlToPlainText(html: string): string {
  // Plain text needs no parser; only its white space is tidied.
  if (!html.includes('<') && !html.includes('&')) return tidyLines(html);
  let text = '';
  // While above zero, the reader is this deep inside an element dropped with its content.
  let droppedDepth = 0;
  // The tokenizer sanitize-html reads with, without building a sanitised copy that would be
  // thrown away: this runs for every item of every feed.
  const parser = new Parser(
    {
      onopentag(name) {
        if (droppedDepth > 0) droppedDepth++;
        else if (DROPPED.has(name)) droppedDepth = 1;
      },
      ontext(chunk) {
        if (droppedDepth === 0) text += chunk;
      },
      onclosetag() {
        if (droppedDepth > 0) droppedDepth--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html.replace(LINE_BREAKING_TAG, '\n<$1$2'));
  return tidyLines(text);
}

/** One line per block: white space within a line collapsed, blank lines and edges dropped. */
function tidyLines(text: string): string {
  // A lone space, by far the most common, is already tidy and is not replaced.
  return text.replace(/\s{2,}|[^\S ]/g, (space) => (space.includes('\n') ? '\n' : ' ')).trim();
}
