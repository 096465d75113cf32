// Combining marks left by NFD decomposition, dropped as searchableText drops them.
const COMBINING_MARKS = /\p{M}+/gu;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** A stretch of the original text to highlight: `text.slice(start, end)`. */
export interface HighlightRange {
  start: number;
  end: number;
}

/**
 * The folded form of `text` (as searchableText folds it: accents dropped, lower case, every run of
 * other characters one space, with a space at both ends), and for each of its characters the
 * stretch of the original it came from.
 */
function foldWithOrigins(text: string): { folded: string; origins: HighlightRange[] } {
  let folded = ' ';
  const origins: HighlightRange[] = [{ start: 0, end: 0 }];
  let at = 0;
  for (const character of text) {
    const origin = { start: at, end: at + character.length };
    at = origin.end;
    const letters = character.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    for (const letter of letters) {
      if (WORD_CHARACTER.test(letter)) {
        folded += letter;
        origins.push(origin);
      } else if (!folded.endsWith(' ')) {
        folded += ' ';
        origins.push(origin);
      }
    }
  }
  if (!folded.endsWith(' ')) {
    folded += ' ';
    origins.push({ start: at, end: at });
  }
  return { folded, origins };
}

/**
 * Where the search terms (folded words and phrases, as a search returns them) appear in `text`,
 * each where it begins a word, as the index matched them: case and accents ignored, "sglt" marks
 * the start of "SGLT2", "heart failure" marks "Heart-failure". Sorted, overlapping ranges merged.
 */
export function highlightRanges(text: string, terms: readonly string[]): HighlightRange[] {
  const needles = terms.map((term) => term.trim()).filter((term) => term !== '');
  if (needles.length === 0 || text === '') return [];
  const { folded, origins } = foldWithOrigins(text);
  const found: HighlightRange[] = [];
  for (const needle of needles) {
    const spaced = ` ${needle}`;
    for (let from = folded.indexOf(spaced); from >= 0; from = folded.indexOf(spaced, from + 1)) {
      const first = origins[from + 1];
      const last = origins[from + spaced.length - 1];
      if (first && last) found.push({ start: first.start, end: last.end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: HighlightRange[] = [];
  for (const range of found) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
