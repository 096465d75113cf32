import search from 'approx-string-match';
import type { HighlightSelectors, TextQuoteSelector } from './selectors';

/** Where a highlight lies in the current text, and how it was found; or that it was not. */
export type HighlightAnchor =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'quote' | 'fuzzy' }
  | { status: 'orphaned' };

/** A place in the text that may hold the highlighted passage, with what speaks for it. */
interface Candidate {
  start: number;
  end: number;
  /** 1 for the exact quote, less the more edits the words there need to become the quote. */
  quoteSimilarity: number;
  /** How well the text around agrees with the stored prefix and suffix; null when none stored. */
  contextSimilarity: number | null;
  /** 1 at the stored position, 0 a whole text away (or when no position was stored). */
  nearness: number;
}

// Weights of a candidate's score. The quote matters most, its context next (it tells repeated
// phrases apart), nearness to the old position only breaks ties between otherwise equal places.
const QUOTE_WEIGHT = 0.5;
const CONTEXT_WEIGHT = 0.4;
const NEARNESS_WEIGHT = 0.1;

/**
 * A context this similar (prefix and suffix averaged) is taken as "the same surroundings":
 * unrelated English scores about 0.3–0.45 against a stored context, one rewritten side about 0.7.
 */
const AGREEING_CONTEXT = 0.6;
/** A quote this long is a passage rather than a phrase that could recur by chance. */
const LONG_QUOTE_LENGTH = 32;
/** A long passage this similar is itself proof enough, even where its surroundings changed. */
const CONVINCING_QUOTE_SIMILARITY = 0.9;
/** A fuzzy match may differ from the quote in at most a quarter of its characters… */
const ERROR_SHARE = 0.25;
/** …and in at most this many, so a very long quote cannot make the search slow or lax. */
const MAX_ERRORS = 128;
/** Context compared is cut to this, so comparing costs the same whatever another tool stored. */
const MAX_CONTEXT_COMPARED = 64;
/** Exact occurrences past this many are first ranked cheaply; only the best are compared fully. */
const MAX_OCCURRENCES_COMPARED = 32;
/** Occurrences of the prefix or suffix used to guess where a changed quote now starts. */
const MAX_CONTEXT_ANCHORS = 8;
/** How far around a guessed place a fuzzy search looks, beyond the quote's own length. */
const WINDOW_SLACK = 2_000;

/** Levenshtein distance between two short strings (two rows of the usual table). */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** What the quote's stored surroundings are compared with, cut to a bounded length. */
interface StoredContext {
  prefix: string;
  suffix: string;
}

function storedContext(quote: TextQuoteSelector): StoredContext {
  return {
    prefix: quote.prefix.slice(-MAX_CONTEXT_COMPARED),
    suffix: quote.suffix.slice(0, MAX_CONTEXT_COMPARED),
  };
}

/** Average similarity of the stored prefix and suffix with the text around `start`–`end`. */
function contextSimilarity(
  text: string,
  start: number,
  end: number,
  context: StoredContext,
): number | null {
  const sides: number[] = [];
  if (context.prefix !== '') {
    const before = text.slice(Math.max(0, start - context.prefix.length), start);
    sides.push(similarity(context.prefix, before));
  }
  if (context.suffix !== '') {
    sides.push(similarity(context.suffix, text.slice(end, end + context.suffix.length)));
  }
  return sides.length === 0 ? null : sides.reduce((sum, side) => sum + side, 0) / sides.length;
}

/** Characters the stored context and the text share next to the quote (a cheap pre-ranking). */
function sharedContextLength(
  text: string,
  start: number,
  end: number,
  context: StoredContext,
): number {
  let shared = 0;
  for (let i = 1; i <= context.prefix.length && start - i >= 0; i += 1) {
    if (context.prefix.charCodeAt(context.prefix.length - i) !== text.charCodeAt(start - i)) break;
    shared += 1;
  }
  for (let i = 0; i < context.suffix.length && end + i < text.length; i += 1) {
    if (context.suffix.charCodeAt(i) !== text.charCodeAt(end + i)) break;
    shared += 1;
  }
  return shared;
}

function score(candidate: Candidate): number {
  // Without stored context every candidate lacks it alike, so the quote's weight stands in.
  const context = candidate.contextSimilarity ?? candidate.quoteSimilarity;
  return (
    QUOTE_WEIGHT * candidate.quoteSimilarity +
    CONTEXT_WEIGHT * context +
    NEARNESS_WEIGHT * candidate.nearness
  );
}

/**
 * Whether a candidate may be trusted at all: a highlight left orphaned is better than one painted
 * on unrelated words. Its surroundings must agree, or the passage must be long and nearly intact
 * (a paragraph moved elsewhere), or, for a quote stored without context, be the exact words.
 */
function isTrustworthy(candidate: Candidate, quoteLength: number): boolean {
  const longAndIntact =
    quoteLength >= LONG_QUOTE_LENGTH && candidate.quoteSimilarity >= CONVINCING_QUOTE_SIMILARITY;
  if (candidate.contextSimilarity === null) return candidate.quoteSimilarity === 1 || longAndIntact;
  return candidate.contextSimilarity >= AGREEING_CONTEXT || longAndIntact;
}

function best(candidates: readonly Candidate[]): Candidate | null {
  let winner: Candidate | null = null;
  for (const candidate of candidates) {
    if (winner === null || score(candidate) > score(winner)) winner = candidate;
  }
  return winner;
}

/** Everything a search needs to know about the highlight, worked out once. */
interface Query {
  text: string;
  exact: string;
  context: StoredContext;
  /** Where the passage started before the text changed, or null when no position was stored. */
  oldStart: number | null;
}

function candidateAt(query: Query, start: number, end: number, errors: number): Candidate {
  const { text, exact, context, oldStart } = query;
  return {
    start,
    end,
    quoteSimilarity: 1 - errors / exact.length,
    contextSimilarity: contextSimilarity(text, start, end, context),
    nearness:
      oldStart === null
        ? 0
        : 1 - Math.min(1, Math.abs(start - oldStart) / Math.max(1, text.length)),
  };
}

/** Every exact occurrence of the quote, the best few compared in full. */
function exactCandidates(query: Query): Candidate[] {
  const { text, exact, context, oldStart } = query;
  const starts: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) starts.push(at);
  if (starts.length > MAX_OCCURRENCES_COMPARED) {
    // A short quote ("the") can occur thousands of times; rank them by shared context first.
    const distance = (start: number) => (oldStart === null ? 0 : Math.abs(start - oldStart));
    const rank = (start: number) =>
      sharedContextLength(text, start, start + exact.length, context) * text.length -
      distance(start);
    starts.sort((a, b) => rank(b) - rank(a));
    starts.length = MAX_OCCURRENCES_COMPARED;
  }
  return starts.map((start) => candidateAt(query, start, start + exact.length, 0));
}

/** The best approximate matches of the quote within `from`–`to` of the text. */
function fuzzyCandidatesIn(query: Query, from: number, to: number, maxErrors: number): Candidate[] {
  const start = Math.max(0, from);
  const end = Math.min(query.text.length, to);
  if (end - start < query.exact.length - maxErrors) return [];
  return search(query.text.slice(start, end), query.exact, maxErrors).map((match) =>
    candidateAt(query, start + match.start, start + match.end, match.errors),
  );
}

/** Where the stored prefix ends and the suffix begins in the text, as guesses of the quote's place. */
function contextAnchors(query: Query): { quoteStarts: number[]; quoteEnds: number[] } {
  const { text, context } = query;
  const occurrences = (needle: string): number[] => {
    const found: number[] = [];
    if (needle.trim() === '') return found;
    for (let at = text.indexOf(needle); at >= 0 && found.length < MAX_CONTEXT_ANCHORS;) {
      found.push(at);
      at = text.indexOf(needle, at + 1);
    }
    return found;
  };
  return {
    quoteStarts: occurrences(context.prefix).map((at) => at + context.prefix.length),
    quoteEnds: occurrences(context.suffix),
  };
}

/** Sorts windows and joins those that overlap, so no stretch of text is searched twice. */
function mergeWindows(windows: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...windows].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function isConfident(candidate: Candidate, quoteLength: number): boolean {
  return (
    isTrustworthy(candidate, quoteLength) &&
    (candidate.contextSimilarity === null || candidate.contextSimilarity >= AGREEING_CONTEXT)
  );
}

/**
 * Approximate matches, searched in stages from where the passage most likely is to the whole
 * text, stopping at the first stage that finds it in agreeing context: around its old position,
 * then right after each occurrence of its old prefix and right before each of its old suffix, and
 * only then the whole text. The early stages search a few thousand characters, so a changed
 * passage in a paper of 100,000 characters costs about a millisecond, not a whole-text search.
 */
function fuzzyCandidates(query: Query): Candidate[] {
  const { text, exact, oldStart } = query;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * ERROR_SHARE));
  if (maxErrors === 0) return [];
  const span = exact.length + maxErrors;
  const { quoteStarts, quoteEnds } = contextAnchors(query);
  const stages: [number, number][][] = [
    oldStart === null ? [] : [[oldStart - WINDOW_SLACK, oldStart + span + WINDOW_SLACK]],
    mergeWindows([
      ...quoteStarts.map((start): [number, number] => [start - maxErrors, start + span]),
      ...quoteEnds.map((end): [number, number] => [end - span, end + maxErrors]),
    ]),
    [[0, text.length]],
  ];
  const found: Candidate[] = [];
  for (const windows of stages) {
    for (const [from, to] of windows) found.push(...fuzzyCandidatesIn(query, from, to, maxErrors));
    if (found.some((candidate) => isConfident(candidate, exact.length))) break;
  }
  return found;
}

/**
 * Finds a highlight in `text` (for a PDF, its page's text) after that text may have changed:
 *
 * 1. at its stored position, when the text there still equals the quote;
 * 2. else at an exact occurrence of the quote, chosen by agreement with the stored prefix and
 *    suffix and by nearness to the old position;
 * 3. else, or when no exact occurrence sits in agreeing context, at an approximate match
 *    (approx-string-match, up to a quarter of the quote's characters edited, at most 128),
 *    scored by similarity to the quote, agreement of its context and nearness.
 *
 * A place whose context disagrees and whose words are short or much changed is never chosen:
 * the highlight is then orphaned, for the user to see and re-attach, rather than painted on
 * unrelated words.
 */
export function anchorHighlight(text: string, selectors: HighlightSelectors): HighlightAnchor {
  const { quote, position } = selectors;
  const exact = quote.exact;
  if (exact === '' || text === '') return { status: 'orphaned' };
  const query: Query = {
    text,
    exact,
    context: storedContext(quote),
    oldStart: position?.start ?? null,
  };

  if (position !== null && text.slice(position.start, position.end) === exact) {
    const atPosition = candidateAt(query, position.start, position.end, 0);
    if (isTrustworthy(atPosition, exact.length)) {
      return { status: 'anchored', start: position.start, end: position.end, method: 'position' };
    }
  }

  const exactWinner = best(exactCandidates(query));
  const candidates = exactWinner === null ? [] : [exactWinner];
  if (exactWinner === null || !isConfident(exactWinner, exact.length)) {
    candidates.push(...fuzzyCandidates(query));
  }

  const winner = best(candidates.filter((candidate) => isTrustworthy(candidate, exact.length)));
  if (winner === null) return { status: 'orphaned' };
  const method = text.slice(winner.start, winner.end) === exact ? 'quote' : 'fuzzy';
  return { status: 'anchored', start: winner.start, end: winner.end, method };
}
