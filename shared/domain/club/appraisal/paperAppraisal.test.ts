import { describe, expect, it } from 'vitest';
import {
  CEBM_LEVEL_NAMES,
  CEBM_LEVELS,
  GRADE_CERTAINTIES,
  GRADE_CERTAINTY_NAMES,
  gradeRecordSchema,
} from './evidence';
import { EMPTY_PAPER_APPRAISAL, parsePaperAppraisal, type PaperAppraisal } from './paperAppraisal';
import { EMPTY_PICO, missingPicoParts, picoSchema } from './pico';

const appraisal: PaperAppraisal = {
  design: 'randomised-trial',
  pico: {
    population: 'Adults with septic shock',
    interventionOrExposure: 'Hydrocortisone 200 mg a day',
    comparison: 'Placebo',
    outcomes: 'Death at 90 days',
  },
  evidenceLevel: { level: 2, reason: 'A single well-conducted randomised trial.' },
  certainty: {
    certainty: 'moderate',
    factors: ['imprecision'],
    reason: 'The interval includes both benefit and no effect.',
  },
};

function problem(overrides: Record<string, unknown>): string | null {
  const parsed = parsePaperAppraisal({ ...appraisal, ...overrides });
  return parsed.ok ? null : parsed.message;
}

describe('parsePaperAppraisal', () => {
  it('accepts a complete appraisal and an empty one', () => {
    expect(parsePaperAppraisal(appraisal)).toEqual({ ok: true, appraisal });
    expect(parsePaperAppraisal(EMPTY_PAPER_APPRAISAL)).toEqual({
      ok: true,
      appraisal: EMPTY_PAPER_APPRAISAL,
    });
  });

  it.each([
    [
      { design: 'case-series' },
      'Study design: A study design is one of: randomised-trial, cohort, case-control, cross-sectional, systematic-review, diagnostic-accuracy, qualitative.',
    ],
    [
      { pico: 'adults' },
      'PICO: The PICO is an object with population, intervention or exposure, comparison and outcomes.',
    ],
    [{ pico: { ...appraisal.pico, population: 4 } }, 'PICO: The population is text.'],
    [
      { pico: { ...appraisal.pico, comparison: 'a\u0007b' } },
      'PICO: The comparison holds control characters.',
    ],
    [
      { pico: { ...appraisal.pico, outcomes: 'x'.repeat(1_001) } },
      'PICO: The outcomes are longer than 1000 characters.',
    ],
    [
      { evidenceLevel: { level: 6, reason: 'Because.' } },
      'Level of evidence: A level of evidence is a whole number from 1 to 5, not 6.',
    ],
    [
      { evidenceLevel: { level: '1', reason: 'Because.' } },
      'Level of evidence: A level of evidence is a whole number from 1 to 5, not "1".',
    ],
    [
      { evidenceLevel: { level: 1, reason: '  ' } },
      'Level of evidence: The level of evidence needs a reason.',
    ],
    [
      { certainty: { ...appraisal.certainty, certainty: 'very low' } },
      'GRADE certainty: A GRADE certainty is high, moderate, low or very-low, not "very low".',
    ],
    [
      { certainty: { ...appraisal.certainty, factors: ['vibes'] } },
      'GRADE certainty: "vibes" is not a GRADE consideration.',
    ],
    [
      { certainty: { ...appraisal.certainty, factors: ['imprecision', 'imprecision'] } },
      'GRADE certainty: A GRADE consideration is listed once.',
    ],
    [
      { certainty: { ...appraisal.certainty, reason: '' } },
      'GRADE certainty: The GRADE certainty needs a reason.',
    ],
  ])('rejects %j with a specific message', (overrides, message) => {
    expect(problem(overrides)).toBe(message);
  });

  it('rejects something that is not an appraisal', () => {
    expect(parsePaperAppraisal(null)).toEqual({
      ok: false,
      message: 'The paper’s appraisal is an object with a design, a PICO, a level and a certainty.',
    });
  });
});

describe('PICO', () => {
  it('names the parts still to write, comparison being optional', () => {
    expect(missingPicoParts(EMPTY_PICO)).toEqual([
      'population',
      'interventionOrExposure',
      'outcomes',
    ]);
    expect(missingPicoParts({ ...appraisal.pico, comparison: '' })).toEqual([]);
  });

  it('keeps a draft with empty parts', () => {
    expect(picoSchema.parse(EMPTY_PICO)).toEqual(EMPTY_PICO);
  });
});

describe('levels of evidence and GRADE', () => {
  it('have display names for every value', () => {
    expect(CEBM_LEVELS.map((level) => CEBM_LEVEL_NAMES[level])).toEqual([
      'Level 1',
      'Level 2',
      'Level 3',
      'Level 4',
      'Level 5',
    ]);
    expect(GRADE_CERTAINTIES.map((c) => GRADE_CERTAINTY_NAMES[c])).toEqual([
      'High',
      'Moderate',
      'Low',
      'Very low',
    ]);
  });

  it('accept a GRADE rating with no considerations named', () => {
    expect(
      gradeRecordSchema.parse({
        certainty: 'high',
        factors: [],
        reason: 'Consistent large trials.',
      }),
    ).toEqual({ certainty: 'high', factors: [], reason: 'Consistent large trials.' });
  });
});
