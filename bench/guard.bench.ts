/**
 * Privacy guard benchmark (issue 10):
 * - `guard.recall.<type>`: found ÷ labelled for each identifier type in the labelled set
 *   (shared/domain/guard/fixtures/labelledTexts.json; a span is found when a finding of the same
 *   type overlaps it).
 * - `guard.recall_structured` / `guard.recall_names`: the same over the structured types and over
 *   names.
 * - `guard.false_alarm_rate`: texts without identifiers on which the guard flagged anything.
 * - `guard.scan_ms`: the median time to scan a 5,000-character clinical text.
 * - `guard.heldout.*`: the same recall and false-alarm figures on the first held-out set, written
 *   after the first detector. Its misses later guided which classes of phrasing were generalised,
 *   so it is no longer unseen.
 * - `guard.heldout2.*`: the same figures on the second held-out set, written before its first run
 *   and never used to tune the guard (no thresholds; the honest out-of-sample figure).
 *
 * Each recall line lists the spans it missed and each false-alarm line the texts it flagged, so the
 * misses can be read by class without a debugger.
 *
 *   npx tsx bench/guard.bench.ts
 *
 * Prints one JSON object per line.
 */
import { readFileSync } from 'node:fs';
import {
  evaluateGuard,
  type GuardScores,
  type LabelledText,
} from '../shared/domain/guard/evaluateGuard';
import { scanForPhi } from '../shared/domain/guard/scanForPhi';
import { median, timeRuns } from './statistics';

const SCAN_CHARACTERS = 5_000;
const SCAN_WARM_UP_RUNS = 3;
const SCAN_RUNS = 21;

function load(name: string): LabelledText[] | null {
  const url = new URL(`../shared/domain/guard/fixtures/${name}`, import.meta.url);
  try {
    return (JSON.parse(readFileSync(url, 'utf8')) as { texts: LabelledText[] }).texts;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function print(prefix: string, scores: GuardScores, set: string): void {
  for (const [type, count] of Object.entries(scores.recallByType)) {
    const missed = scores.missed
      .filter(({ span }) => span.type === type)
      .map(({ id, span }) => `${id}: ${span.text}`);
    console.log(
      JSON.stringify({
        name: `${prefix}.recall.${type}`,
        value: round(count.recall),
        unit: 'ratio',
        found: count.found,
        labelled: count.labelled,
        set,
        ...(missed.length > 0 ? { missed } : {}),
      }),
    );
  }
  console.log(
    JSON.stringify({
      name: `${prefix}.recall_structured`,
      value: round(scores.recallStructured),
      unit: 'ratio',
      set,
    }),
  );
  console.log(
    JSON.stringify({
      name: `${prefix}.recall_names`,
      value: round(scores.recallNames),
      unit: 'ratio',
      set,
    }),
  );
  console.log(
    JSON.stringify({
      name: `${prefix}.false_alarm_rate`,
      value: round(scores.falseAlarmRate),
      unit: 'ratio',
      phiFreeTexts: scores.phiFreeTexts,
      flagged: scores.falseAlarms.length,
      set,
      ...(scores.falseAlarms.length > 0
        ? {
            flaggedTexts: scores.falseAlarms.map(
              ({ id, findings }) =>
                `${id}: ${findings.map((finding) => `${finding.type} ${finding.text}`).join(', ')}`,
            ),
          }
        : {}),
    }),
  );
}

/** A long note made of the labelled texts, both kinds mixed, cut to 5,000 characters. */
function longText(texts: readonly LabelledText[]): string {
  let text = '';
  for (let index = 0; text.length < SCAN_CHARACTERS; index += 1) {
    text += `${texts[(index * 37) % texts.length]?.text ?? ''} `;
  }
  return text.slice(0, SCAN_CHARACTERS);
}

function main(): void {
  const texts = load('labelledTexts.json');
  if (!texts)
    throw new Error('The labelled set is missing: shared/domain/guard/fixtures/labelledTexts.json');
  print('guard', evaluateGuard(texts, scanForPhi), 'labelledTexts.json (in-sample)');
  const heldOut = load('heldOutTexts.json');
  if (heldOut) print('guard.heldout', evaluateGuard(heldOut, scanForPhi), 'heldOutTexts.json');
  const heldOutSecond = load('heldOutTexts2.json');
  if (heldOutSecond)
    print('guard.heldout2', evaluateGuard(heldOutSecond, scanForPhi), 'heldOutTexts2.json');

  const text = longText(texts);
  let findings = 0;
  const runs = timeRuns(SCAN_WARM_UP_RUNS, SCAN_RUNS, () => {
    findings = scanForPhi(text).length;
  });
  console.log(
    JSON.stringify({
      name: 'guard.scan_ms',
      value: round(median(runs)),
      unit: 'ms',
      characters: text.length,
      findings,
      min: Math.min(...runs),
      runs,
    }),
  );
}

main();
