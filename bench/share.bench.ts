/**
 * Share benchmark (issue 10):
 * - `share.split_ms`: the median time to split one 5,000-character summary into threads for all
 *   five platforms (X, Bluesky, Mastodon, Threads, LinkedIn) — what an export does before posting.
 *   The summary mixes sentences, paragraphs, links with and without a scheme, hashtags, mentions,
 *   emoji and a little CJK, the text a clinician's summary of a paper holds.
 *
 *   npx tsx bench/share.bench.ts
 *
 * Prints one JSON object per line.
 */
import { SHARE_PLATFORMS } from '../shared/domain/share/platformRules';
import { splitIntoThread } from '../shared/domain/share/threadSplitter';
import { seededRandom } from '../shared/testing/seededRandom';
import { median, timeRuns } from './statistics';

const SUMMARY_CHARACTERS = 5_000;
const WARM_UP_RUNS = 3;
const RUNS = 21;

const WORDS = (
  'patients randomised early delayed anticoagulation heparin placebo mortality bleeding stroke ' +
  'primary outcome hazard ratio confidence interval follow-up reduced similar trial cohort the a ' +
  'of in and was were with than after before among'
).split(' ');
const EXTRAS = [
  'https://doi.org/10.1056/NEJMoa2034577',
  'nice.org.uk/guidance/ng191',
  '#EBM',
  '@alice@hospital.social',
  '🧑‍⚕️',
  '🐦‍🔥',
  '→',
  '≥',
  '死亡率',
];

function summary(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  let text = '';
  while (text.length < SUMMARY_CHARACTERS) {
    const words = Array.from({ length: 10 + Math.floor(next() * 20) }, () =>
      next() < 0.08 ? pick(EXTRAS) : pick(WORDS),
    );
    const sentence = words.join(' ');
    text += `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    text += next() < 0.2 ? '\n\n' : ' ';
  }
  return text.slice(0, SUMMARY_CHARACTERS).trimEnd();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const text = summary(seededRandom(10));
const postCounts = Object.fromEntries(
  SHARE_PLATFORMS.map((platform) => [platform, splitIntoThread(platform, text).posts.length]),
);
const runs = timeRuns(WARM_UP_RUNS, RUNS, () => {
  for (const platform of SHARE_PLATFORMS) splitIntoThread(platform, text);
});
console.log(
  JSON.stringify({
    name: 'share.split_ms',
    value: round(median(runs)),
    unit: 'ms',
    characters: text.length,
    platforms: SHARE_PLATFORMS.length,
    posts: postCounts,
    min: Math.min(...runs),
    runs,
  }),
);
