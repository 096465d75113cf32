import { z } from 'zod';
import { holdsControlCharacters } from './appraisalText';

/**
 * The level of evidence the club records for a paper, on the Oxford CEBM 2011 scale (1 is the
 * strongest). The descriptions are ours, a short reminder for the treatment-benefit question;
 * the full table, which differs by question (diagnosis, prognosis, harm…), is CEBM's.
 */
export const CEBM_LEVELS = [1, 2, 3, 4, 5] as const;
export type CebmLevel = (typeof CEBM_LEVELS)[number];

export const CEBM_LEVEL_NAMES: Readonly<Record<CebmLevel, string>> = {
  1: 'Level 1',
  2: 'Level 2',
  3: 'Level 3',
  4: 'Level 4',
  5: 'Level 5',
};

export const CEBM_LEVEL_DESCRIPTIONS: Readonly<Record<CebmLevel, string>> = {
  1: 'Systematic review of randomised trials (or of the best studies for the question)',
  2: 'A randomised trial, or an observational study with a dramatic effect',
  3: 'A non-randomised controlled cohort or follow-up study',
  4: 'Case series, case-control or historically controlled studies',
  5: 'Reasoning from mechanism',
};

/** GRADE's four levels of certainty in an estimate of effect. */
export const GRADE_CERTAINTIES = ['high', 'moderate', 'low', 'very-low'] as const;
export type GradeCertainty = (typeof GRADE_CERTAINTIES)[number];

export const GRADE_CERTAINTY_NAMES: Readonly<Record<GradeCertainty, string>> = {
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
  'very-low': 'Very low',
};

export const GRADE_CERTAINTY_MEANINGS: Readonly<Record<GradeCertainty, string>> = {
  high: 'The true effect is very probably close to the estimate.',
  moderate: 'The true effect is probably close to the estimate, but may differ substantially.',
  low: 'The true effect may differ substantially from the estimate.',
  'very-low': 'The true effect is probably substantially different from the estimate.',
};

/** Why certainty was rated down or up: GRADE's named considerations. */
export const GRADE_FACTORS = [
  'risk-of-bias',
  'inconsistency',
  'indirectness',
  'imprecision',
  'publication-bias',
  'large-effect',
  'dose-response',
  'opposing-confounding',
] as const;
export type GradeFactor = (typeof GRADE_FACTORS)[number];

export const GRADE_FACTOR_NAMES: Readonly<Record<GradeFactor, string>> = {
  'risk-of-bias': 'Risk of bias (rated down)',
  inconsistency: 'Inconsistency (rated down)',
  indirectness: 'Indirectness (rated down)',
  imprecision: 'Imprecision (rated down)',
  'publication-bias': 'Publication bias (rated down)',
  'large-effect': 'Large effect (rated up)',
  'dose-response': 'Dose-response gradient (rated up)',
  'opposing-confounding': 'Confounding that would reduce the effect (rated up)',
};

export const MAX_EVIDENCE_REASON_LENGTH = 2_000;

function reasonSchema(what: string) {
  return z
    .string({ error: `The reason for the ${what} is text.` })
    .max(
      MAX_EVIDENCE_REASON_LENGTH,
      `The reason for the ${what} is longer than ${MAX_EVIDENCE_REASON_LENGTH} characters.`,
    )
    .refine((text) => text.trim() !== '', `The ${what} needs a reason.`)
    .refine(
      (text) => !holdsControlCharacters(text),
      `The reason for the ${what} holds control characters.`,
    );
}

export const cebmLevelSchema = z.literal(CEBM_LEVELS, {
  error: (issue) =>
    `A level of evidence is a whole number from 1 to 5, not ${JSON.stringify(issue.input)}.`,
});

export const gradeCertaintySchema = z.enum(GRADE_CERTAINTIES, {
  error: (issue) =>
    `A GRADE certainty is high, moderate, low or very-low, not ${JSON.stringify(issue.input)}.`,
});

/** The club's level of evidence for a paper, with why. */
export interface EvidenceLevelRecord {
  level: CebmLevel;
  reason: string;
}

export const evidenceLevelRecordSchema = z.object(
  { level: cebmLevelSchema, reason: reasonSchema('level of evidence') },
  { error: 'The level of evidence is an object with a level and a reason.' },
);

/** The club's GRADE certainty for the paper's main outcome, with the considerations and why. */
export interface GradeRecord {
  certainty: GradeCertainty;
  factors: GradeFactor[];
  reason: string;
}

export const gradeRecordSchema = z.object(
  {
    certainty: gradeCertaintySchema,
    factors: z
      .array(
        z.enum(GRADE_FACTORS, {
          error: (issue) => `${JSON.stringify(issue.input)} is not a GRADE consideration.`,
        }),
        { error: 'The GRADE considerations are a list.' },
      )
      .refine(
        (factors) => new Set(factors).size === factors.length,
        'A GRADE consideration is listed once.',
      ),
    reason: reasonSchema('GRADE certainty'),
  },
  { error: 'The GRADE certainty is an object with a certainty, its considerations and a reason.' },
);
