import { describe, expect, it } from 'vitest';
import { evaluateGuard, isPhiType, type LabelledText } from './evaluateGuard';
import heldOutSet from './fixtures/heldOutTexts.json';
import secondHeldOutSet from './fixtures/heldOutTexts2.json';
import labelledSet from './fixtures/labelledTexts.json';
import { scanForPhi } from './scanForPhi';

// The JSON's types widen to string; the test below checks each one is a guard type.
const texts = labelledSet.texts as LabelledText[];
// Written after the detector; only its labels are checked here (the bench reports its figures).
const heldOut = heldOutSet.texts as LabelledText[];
// Written before its first run; never used to tune the guard.
const secondHeldOut = secondHeldOutSet.texts as LabelledText[];

describe('the labelled set', () => {
  it('has at least 200 texts, 40% or more without identifiers', () => {
    expect(texts.length).toBeGreaterThanOrEqual(200);
    const free = texts.filter((text) => text.spans.length === 0).length;
    expect(free / texts.length).toBeGreaterThanOrEqual(0.4);
  });

  it('has a second held-out set of at least 60 texts, 40% or more without identifiers', () => {
    expect(secondHeldOut.length).toBeGreaterThanOrEqual(60);
    const free = secondHeldOut.filter((text) => text.spans.length === 0).length;
    expect(free / secondHeldOut.length).toBeGreaterThanOrEqual(0.4);
  });

  it('has unique ids, known types and offsets that slice back to each span', () => {
    const all = [...texts, ...heldOut, ...secondHeldOut];
    expect(new Set(all.map((text) => text.id)).size).toBe(all.length);
    for (const { text, spans } of all) {
      for (const span of spans) {
        expect(isPhiType(span.type)).toBe(true);
        expect(text.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });
});

describe('the guard on the labelled set', () => {
  const scores = evaluateGuard(texts, scanForPhi);

  it('finds 98% or more of the structured identifiers', () => {
    const missed = scores.missed.filter(({ span }) => span.type !== 'name');
    expect(scores.recallStructured, JSON.stringify(missed)).toBeGreaterThanOrEqual(0.98);
  });

  it('finds 92% or more of the names', () => {
    const missed = scores.missed.filter(({ span }) => span.type === 'name');
    expect(scores.recallNames, JSON.stringify(missed)).toBeGreaterThanOrEqual(0.92);
  });

  it('raises a false alarm on 8% or fewer of the texts without identifiers', () => {
    expect(scores.falseAlarmRate, JSON.stringify(scores.falseAlarms)).toBeLessThanOrEqual(0.08);
  });
});
