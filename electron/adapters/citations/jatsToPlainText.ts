import { Parser } from 'htmlparser2';

/**
 * Crossref gives abstracts (and some titles) as JATS XML: `<jats:sec>`, `<jats:title>`,
 * `<jats:p>`, inline `<jats:italic>` and `<jats:sup>`, entities such as `&lt;`. Rounds stores
 * abstracts as plain text, one paragraph per line, like the excerpts of feed items; section
 * headings ("Background", "Methods") stay, each on its own line, and the lone "Abstract" heading
 * many publishers put first is dropped. Read with htmlparser2's tolerant tokenizer, the one feeds
 * use, because deposited JATS is not always well formed.
 */

// JATS elements whose content is a block of its own (the local name, without a `jats:` prefix).
const BLOCK_ELEMENTS = new Set([
  'p',
  'sec',
  'title',
  'label',
  'list',
  'list-item',
  'def-item',
  'disp-quote',
  'caption',
  'table-wrap',
  'tr',
  'break',
  'abstract',
  'trans-abstract',
]);
// Elements whose content is never text to read, should a deposit contain them.
const DROPPED_ELEMENTS = new Set(['script', 'style']);
const LEADING_ABSTRACT_HEADING = /^abstract$/i;

export function jatsToPlainText(jats: string): string {
  let text = '';
  let droppedDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        const local = localName(name);
        if (droppedDepth > 0 || DROPPED_ELEMENTS.has(local)) droppedDepth++;
        else if (BLOCK_ELEMENTS.has(local)) text += '\n';
      },
      ontext(chunk) {
        // Line breaks in the XML are layout; only block elements start a new line.
        if (droppedDepth === 0) text += chunk.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (droppedDepth > 0) droppedDepth--;
        else if (BLOCK_ELEMENTS.has(localName(name))) text += '\n';
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true },
  );
  parser.end(jats);
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  if (lines.length > 1 && LEADING_ABSTRACT_HEADING.test(lines[0] ?? '')) lines.shift();
  return lines.join('\n');
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
