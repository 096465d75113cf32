/**
 * Annotations benchmark: re-anchoring 50 highlights on a changed 20-page paper (about 100,000
 * characters): a paragraph inserted near the top, a word changed inside 15 of the highlighted
 * passages and 60 more words changed elsewhere. Also the worst case, 50 highlights on a paper
 * wholly rewritten (every word spelt backwards), where every highlight falls through to a search
 * of the whole text and is left orphaned.
 *
 *   npx tsx bench/annotations.bench.ts
 *
 * Prints one JSON object per line; `runAnnotationsBench()` returns the same results to scripts.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  anchorHighlight,
  type HighlightAnchor,
} from '../shared/domain/annotations/anchorHighlight';
import { describeTextRange, type HighlightSelectors } from '../shared/domain/annotations/selectors';
import { seededRandom } from '../shared/testing/seededRandom';
import { median } from './statistics';

/** One measurement, printed as one JSON line. */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'count';
  highlights: number;
  characters: number;
}

const HIGHLIGHTS = 50;
const CHANGED_HIGHLIGHTS = 15;
const OTHER_CHANGED_WORDS = 60;
const PAGES = 20;
const CHARACTERS_PER_PAGE = 5_000;
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 15;

// Words of a trial report. Sentences draw them at random, so (as in a real paper, unlike text
// made from a few templates) a passage of several words rarely recurs word for word.
const WORDS = (
  'patients participants adults children women older randomised allocated assigned enrolled ' +
  'early delayed anticoagulation heparin placebo usual care intervention control group arm ' +
  'trial cohort hospitals intensive emergency department ward admission discharge readmission ' +
  'mortality death survival bleeding stroke infection sepsis shock kidney liver injury failure ' +
  'outcome primary secondary prespecified sensitivity analysis subgroup adjusted unadjusted ' +
  'hazard ratio odds risk difference confidence interval baseline severity lactate vasopressors ' +
  'days weeks months follow-up lower higher similar reduced increased was were had than with ' +
  'in of the a and or but not after before during among between within across for to by'
).split(' ');

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** A sentence of 12–30 words, with now and then a count or an estimate with its interval. */
function sentence(next: () => number): string {
  const words: string[] = [];
  const length = 12 + Math.floor(next() * 19);
  for (let i = 0; i < length; i += 1) {
    const draw = next();
    if (draw < 0.05) words.push(`(n = ${40 + Math.floor(next() * 1_500)})`);
    else if (draw < 0.08) {
      const ratio = 0.6 + next() * 0.5;
      words.push(
        `${ratio.toFixed(2)} (95% CI ${(ratio - 0.15).toFixed(2)} to ${(ratio + 0.15).toFixed(2)})`,
      );
    } else words.push(pick(next, WORDS));
  }
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${next() < 0.2 ? ';' : '.'}`;
}

function paragraph(next: () => number): string {
  return Array.from({ length: 4 + Math.floor(next() * 4) }, () => sentence(next)).join(' ');
}

/** A paper's text as the reader's `textContent` gives it: sections of paragraphs. */
function generatePaper(next: () => number): string {
  const sections = ['Abstract', 'Introduction', 'Methods', 'Results', 'Discussion'];
  const parts: string[] = [];
  let length = 0;
  while (length < PAGES * CHARACTERS_PER_PAGE) {
    const section = sections[Math.min(sections.length - 1, Math.floor(length / 20_000))] ?? '';
    const text = `${section}\n\n${paragraph(next)}\n\n`;
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

/** A passage of 20–300 characters between word boundaries, as a user would select it. */
function randomPassage(text: string, next: () => number): [number, number] {
  const roughStart = Math.floor(next() * (text.length - 400));
  const start = text.indexOf(' ', roughStart) + 1;
  const end = text.indexOf(' ', start + 20 + Math.floor(next() * 280));
  return [start, end];
}

/** Replaces the word found at or after `at` by another one (a correction in a new version). */
function changeWordAt(text: string, at: number, replacement: string): string {
  const start = text.indexOf(' ', at) + 1;
  const end = text.indexOf(' ', start);
  return text.slice(0, start) + replacement + text.slice(end);
}

interface Scenario {
  highlights: HighlightSelectors[];
  /** What each highlight should cover in the changed text: its quote, or a word of it changed. */
  expected: ((anchoredText: string) => boolean)[];
  changed: string;
  rewritten: string;
}

function buildScenario(): Scenario {
  const next = seededRandom(20_260_401);
  const original = generatePaper(next);
  const highlights: HighlightSelectors[] = [];
  const ranges: [number, number][] = [];
  // Highlights apart from each other, so a word changed in one is not also inside another.
  const overlaps = (start: number, end: number) =>
    ranges.some(([otherStart, otherEnd]) => start < otherEnd + 40 && otherStart < end + 40);
  while (highlights.length < HIGHLIGHTS) {
    const [start, end] = randomPassage(original, next);
    const selectors = overlaps(start, end) ? null : describeTextRange(original, start, end);
    if (selectors) {
      highlights.push(selectors);
      ranges.push([start, end]);
    }
  }
  // Changes from the end backwards, so the offsets of earlier ones stay valid.
  const changes: { at: number; word: string }[] = [];
  for (const [start, end] of ranges.slice(0, CHANGED_HIGHLIGHTS)) {
    changes.push({ at: start + Math.floor((end - start) / 2), word: 'corrected' });
  }
  const highlighted = (at: number) => ranges.some(([start, end]) => at >= start - 40 && at <= end);
  while (changes.length < CHANGED_HIGHLIGHTS + OTHER_CHANGED_WORDS) {
    const at = Math.floor(next() * (original.length - 100));
    if (!highlighted(at)) changes.push({ at, word: 'revised' });
  }
  const expected = highlights.map((selectors, index) =>
    index < CHANGED_HIGHLIGHTS
      ? (anchored: string) =>
          anchored.includes('corrected') &&
          Math.abs(anchored.length - selectors.quote.exact.length) <= 12
      : (anchored: string) => anchored === selectors.quote.exact,
  );
  let changed = original;
  for (const { at, word } of changes.sort((a, b) => b.at - a.at)) {
    changed = changeWordAt(changed, at, word);
  }
  const abstractEnd = changed.indexOf('\n\n', changed.indexOf('\n\n') + 2) + 2;
  const inserted = `Correction notice: ${paragraph(next)}\n\n`;
  changed = changed.slice(0, abstractEnd) + inserted + changed.slice(abstractEnd);
  // Every word spelt backwards: the same letters and lengths, none of the same words.
  const rewritten = changed.replace(/[^\s]+/g, (word) => [...word].reverse().join(''));
  return { highlights, expected, changed, rewritten };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Median time to anchor every highlight on `text`, and the anchors of the last run. */
function measure(
  text: string,
  highlights: HighlightSelectors[],
): { ms: number; anchors: HighlightAnchor[] } {
  const times: number[] = [];
  let anchors: HighlightAnchor[] = [];
  for (let run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run += 1) {
    const started = performance.now();
    anchors = highlights.map((selectors) => anchorHighlight(text, selectors));
    if (run >= WARM_UP_RUNS) times.push(performance.now() - started);
  }
  return { ms: median(times), anchors };
}

function countAnchored(anchors: HighlightAnchor[]): number {
  return anchors.filter((anchor) => anchor.status === 'anchored').length;
}

export function runAnnotationsBench(): BenchResult[] {
  const { highlights, expected, changed, rewritten } = buildScenario();
  const onChanged = measure(changed, highlights);
  const onRewritten = measure(rewritten, highlights);
  const common = { highlights: highlights.length };
  return [
    {
      name: 'annotations.anchor_ms',
      value: round(onChanged.ms),
      unit: 'ms',
      ...common,
      characters: changed.length,
    },
    {
      name: 'annotations.anchored',
      value: countAnchored(onChanged.anchors),
      unit: 'count',
      ...common,
      characters: changed.length,
    },
    {
      // Anchored, but not on the words expected: should stay 0.
      name: 'annotations.misplaced',
      value: onChanged.anchors.filter(
        (anchor, index) =>
          anchor.status === 'anchored' &&
          !expected[index]?.(changed.slice(anchor.start, anchor.end)),
      ).length,
      unit: 'count',
      ...common,
      characters: changed.length,
    },
    {
      name: 'annotations.anchor_rewritten_ms',
      value: round(onRewritten.ms),
      unit: 'ms',
      ...common,
      characters: rewritten.length,
    },
    {
      name: 'annotations.anchored_rewritten',
      value: countAnchored(onRewritten.anchors),
      unit: 'count',
      ...common,
      characters: rewritten.length,
    },
  ];
}

const executedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (executedDirectly) {
  for (const result of runAnnotationsBench()) console.log(JSON.stringify(result));
}
