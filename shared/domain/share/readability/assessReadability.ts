// How hard a plain-language summary is to read: the Flesch–Kincaid grade, the sentences that run
// long and the clinical words left unexplained. The composer shows these beside the text as advice;
// nothing here changes what the author wrote.
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { MEDICAL_JARGON, type JargonTerm } from './medicalJargon';

/** The school grade plain-language summaries aim at or below (the usual advice for health text). */
export const READABILITY_TARGET_GRADE = 8;
/** Sentences with more words than this are reported as long. */
export const LONG_SENTENCE_WORDS = 20;

/** A sentence longer than {@link LONG_SENTENCE_WORDS}; offsets are UTF-16, `end` exclusive. */
export interface LongSentence {
  start: number;
  end: number;
  words: number;
}

/** A jargon term used without an explanation; `term` is the text as written. */
export interface UnexplainedTerm {
  start: number;
  end: number;
  term: string;
  plain: string;
}

/** What the composer shows about a plain-language text. */
export interface ReadabilityReport {
  /** Flesch–Kincaid grade to one decimal place; null when the text has no words. */
  grade: number | null;
  words: number;
  sentences: number;
  target: typeof READABILITY_TARGET_GRADE;
  longSentences: LongSentence[];
  unexplainedTerms: UnexplainedTerm[];
}

interface Sentence {
  start: number;
  end: number;
  words: string[];
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

// The segmenter ends a sentence at any full stop before a capital. After these abbreviations a
// sentence practically never ends, so the next piece is joined on ("Dr. Jones", "drug A vs. Drug B").
const NEVER_FINAL =
  /(?:^|[^\p{L}])(?:e\.g|i\.e|vs|cf|approx|incl|Dr|Drs|Mr|Mrs|Ms|Prof|St|Fig|Figs|No|Nos|Jr|Sr)\.$/iu;
// "et al." and "etc." often do end a sentence; they are joined only when the next piece does not
// start with a capital.
const SOMETIMES_FINAL = /(?:^|[^\p{L}])(?:et al|etc)\.$/iu;

function wordsIn(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (isWordLike) words.push(segment);
  }
  return words;
}

function sentencesOf(text: string): Sentence[] {
  const pieces: { start: number; end: number }[] = [];
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end <= start) continue;
    const previous = pieces.at(-1);
    const previousText = previous ? text.slice(previous.start, previous.end) : '';
    const joins =
      previous !== undefined &&
      (NEVER_FINAL.test(previousText) ||
        (SOMETIMES_FINAL.test(previousText) && !/^\p{Lu}/u.test(text.slice(start))));
    if (previous && joins) previous.end = end;
    else pieces.push({ start, end });
  }
  return pieces
    .map((piece) => ({ ...piece, words: wordsIn(text.slice(piece.start, piece.end)) }))
    .filter((sentence) => sentence.words.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Jargon

/** The term as a pattern that also takes American spellings, plurals and hyphen or space variants. */
function termPattern(term: string): RegExp {
  const source = term
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/is(?=(?:e|ed|es|ing|ation|ab))/g, 'i[sz]')
    .replace(/ae/g, 'a?e')
    .replace(/oe/g, 'o?e')
    .replace(/[ -]/g, (separator) => (separator === ' ' ? String.raw`[\s-]+` : String.raw`[\s-]?`));
  return new RegExp(String.raw`(?<![\p{L}\p{N}-])${source}(?:s|es)?(?![\p{L}\p{N}])`, 'giu');
}

const JARGON_PATTERNS: { jargon: JargonTerm; pattern: RegExp }[] = MEDICAL_JARGON.map((jargon) => ({
  jargon,
  pattern: termPattern(jargon.term),
}));

// What follows a term to explain it in the same sentence: a bracket, a dash, ", meaning",
// ", which means" or ", or".
const EXPLANATION_AFTER = /^(?:\s*\(|\s*[—–]|\s+-\s|\s*--|,\s*(?:meaning|which means|or)\b)/u;
// A term in brackets straight after plain words explains itself the other way round:
// "a dummy pill (placebo)".
const IN_BRACKETS_AFTER_WORDS = /[\p{L}\p{N}][^(]*\(\s*$/u;

interface TermUse {
  jargon: JargonTerm;
  start: number;
  end: number;
}

function termUses(text: string): TermUse[] {
  const uses: TermUse[] = [];
  for (const { jargon, pattern } of JARGON_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      uses.push({ jargon, start: match.index, end: match.index + match[0].length });
    }
  }
  // The longest term wins where two overlap ("myocardial infarction" over "infarction").
  uses.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: TermUse[] = [];
  for (const use of uses) {
    const last = kept.at(-1);
    if (last && use.start < last.end) continue;
    kept.push(use);
  }
  return kept;
}

function isExplainedHere(text: string, use: TermUse, sentence: Sentence | undefined): boolean {
  const sentenceStart = sentence?.start ?? 0;
  const sentenceEnd = sentence?.end ?? text.length;
  const after = text.slice(use.end, sentenceEnd);
  if (EXPLANATION_AFTER.test(after)) return true;
  const before = text.slice(sentenceStart, use.start);
  return IN_BRACKETS_AFTER_WORDS.test(before) && /^\s*\)/.test(after);
}

function unexplainedTerms(text: string, sentences: readonly Sentence[]): UnexplainedTerm[] {
  const explained = new Set<JargonTerm>();
  const flagged: UnexplainedTerm[] = [];
  for (const use of termUses(text)) {
    const sentence = sentences.find((each) => each.start <= use.start && use.end <= each.end);
    if (isExplainedHere(text, use, sentence)) {
      explained.add(use.jargon);
      continue;
    }
    if (explained.has(use.jargon)) continue;
    flagged.push({
      start: use.start,
      end: use.end,
      term: text.slice(use.start, use.end),
      plain: use.jargon.plain,
    });
  }
  return flagged;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reading grade, counts, long sentences and unexplained clinical terms of `text`. Offsets are
 * UTF-16 code units, `end` exclusive. Every word counts at least one syllable, so numbers ("95%")
 * are not free. Pure and synchronous: cheap enough to run on every keystroke of a summary.
 */
export function assessReadability(text: string): ReadabilityReport {
  const sentences = sentencesOf(text);
  const words = sentences.reduce((total, sentence) => total + sentence.words.length, 0);
  const syllables = sentences.reduce(
    (total, sentence) =>
      total + sentence.words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0),
    0,
  );
  const grade =
    words === 0
      ? null
      : Math.round(
          fleschKincaid({ sentence: sentences.length, word: words, syllable: syllables }) * 10,
        ) / 10;
  return {
    grade,
    words,
    sentences: sentences.length,
    target: READABILITY_TARGET_GRADE,
    longSentences: sentences
      .filter((sentence) => sentence.words.length > LONG_SENTENCE_WORDS)
      .map(({ start, end, words: sentenceWords }) => ({
        start,
        end,
        words: sentenceWords.length,
      })),
    unexplainedTerms: unexplainedTerms(text, sentences),
  };
}
