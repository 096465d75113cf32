/**
 * Cuts BibTeX text into its entries before any is parsed, so that one broken entry costs only
 * itself: citation-js reads a file in one pass and stops at the first error.
 *
 * An entry starts with `@type{` or `@type(` at the start of a line (every exporter writes it so,
 * and an `@` inside a value almost never starts a line), and ends at the brace or parenthesis
 * that balances its opening one, counted the way citation-js counts: escaped braces (`\{`) are
 * text, and a `"…"` value may hold braces. An entry that never balances runs, at most, to the
 * next entry's start, which is why a missing `}` does not swallow the rest of the file.
 */

/** One `@…` block of the file. */
export interface BibtexBlock {
  /** Lower-cased: `article`, `misc`, `string`, `comment`, `preamble`… */
  type: string;
  /** The citation key, or null when none is written (or for `@string` and the like). */
  key: string | null;
  /** 1-based line of the `@`. */
  line: number;
  /** From the `@` to the closing delimiter; null when the entry never closes. */
  text: string | null;
  /** Text between the closing delimiter and the next entry. */
  trailing: string;
}

const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z_][\w:+-]*)[ \t]*([{(])/gm;
const KEY = /^\s*([^,\s{}()"=#%]+)\s*,/;

export function splitBibtexEntries(text: string): BibtexBlock[] {
  const starts = [...text.matchAll(ENTRY_START)];
  const blocks: BibtexBlock[] = [];
  let line = 1;
  let counted = 0;
  for (const [index, start] of starts.entries()) {
    line += countLineBreaks(text, counted, start.index);
    counted = start.index;
    const chunkEnd = starts[index + 1]?.index ?? text.length;
    const chunk = text.slice(start.index, chunkEnd);
    const openAt = start[0].length - 1;
    const closeAt = closingDelimiterOf(chunk, openAt);
    const type = (start[1] ?? '').toLowerCase();
    blocks.push({
      type,
      key: KEY.exec(chunk.slice(openAt + 1))?.[1] ?? null,
      line,
      text: closeAt === null ? null : chunk.slice(0, closeAt + 1),
      trailing: closeAt === null ? '' : chunk.slice(closeAt + 1),
    });
  }
  return blocks;
}

/**
 * Index of the `}` (or `)`) closing the delimiter at `openAt`, or null when the chunk ends first.
 * Inside an entry a `%` starts a comment to the end of the line, outside any value.
 */
function closingDelimiterOf(chunk: string, openAt: number): number | null {
  const roundEntry = chunk[openAt] === '(';
  let depth = 0;
  let inQuotedValue = false;
  for (let index = openAt + 1; index < chunk.length; index++) {
    const character = chunk[index];
    if (character === '\\') {
      index++;
    } else if (character === '{') {
      depth++;
    } else if (character === '}') {
      if (depth === 0 && !inQuotedValue) return index;
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && character === '"') {
      inQuotedValue = !inQuotedValue;
    } else if (depth === 0 && !inQuotedValue) {
      if (roundEntry && character === ')') return index;
      if (character === '%') {
        const lineEnd = chunk.indexOf('\n', index);
        index = lineEnd === -1 ? chunk.length : lineEnd;
      }
    }
  }
  return null;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to;) {
    count++;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}
