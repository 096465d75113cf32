/** Where one match of a find lies: `pages[page - 1].slice(start, end)`. */
export interface PdfFindMatch {
  /** 1-based. */
  page: number;
  start: number;
  end: number;
}

/** Enough for any real search; a one-letter search of a textbook stops here. */
export const MAX_FIND_MATCHES = 10_000;

const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE = /\s/u;

/**
 * `text` folded for finding (accents dropped, lower case, each run of white space, line breaks
 * included, one space) and, for each folded character, the original stretch it came from.
 */
function foldForFind(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const character of text) {
    const start = at;
    at += character.length;
    if (WHITESPACE.test(character)) {
      if (folded.endsWith(' ')) ends[ends.length - 1] = at;
      else {
        folded += ' ';
        starts.push(start);
        ends.push(at);
      }
      continue;
    }
    const letters = character.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    folded += letters;
    // One entry per UTF-16 unit, as indexOf counts them (a mathematical 𝛼 is two).
    for (let unit = 0; unit < letters.length; unit++) {
      starts.push(start);
      ends.push(at);
    }
  }
  return { folded, starts, ends };
}

/**
 * Every place `query` appears in the pages, in reading order, ignoring case, accents and how the
 * words are spaced or broken across lines ("heart failure" finds "Heart\nfailure"). Matches do not
 * overlap; at most {@link MAX_FIND_MATCHES}.
 */
export function findInPdfText(pages: readonly string[], query: string): PdfFindMatch[] {
  const needle = foldForFind(query.trim()).folded;
  if (needle === '') return [];
  const matches: PdfFindMatch[] = [];
  pages.forEach((text, index) => {
    const { folded, starts, ends } = foldForFind(text);
    for (
      let from = folded.indexOf(needle);
      from >= 0;
      from = folded.indexOf(needle, from + needle.length)
    ) {
      if (matches.length >= MAX_FIND_MATCHES) return;
      matches.push({
        page: index + 1,
        start: starts[from] ?? 0,
        end: ends[from + needle.length - 1] ?? 0,
      });
    }
  });
  return matches;
}
