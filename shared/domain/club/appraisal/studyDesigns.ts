import { z } from 'zod';

/**
 * The study designs a presenter can choose for a paper. The ids are stored in session documents
 * and bundles, so they never change; the names are what members see.
 */
export const STUDY_DESIGNS = [
  'randomised-trial',
  'cohort',
  'case-control',
  'cross-sectional',
  'systematic-review',
  'diagnostic-accuracy',
  'qualitative',
] as const;

export type StudyDesign = (typeof STUDY_DESIGNS)[number];

export const STUDY_DESIGN_NAMES: Readonly<Record<StudyDesign, string>> = {
  'randomised-trial': 'Randomised trial',
  cohort: 'Cohort study',
  'case-control': 'Case-control study',
  'cross-sectional': 'Cross-sectional study',
  'systematic-review': 'Systematic review / meta-analysis',
  'diagnostic-accuracy': 'Diagnostic accuracy study',
  qualitative: 'Qualitative study',
};

export const studyDesignSchema = z.enum(STUDY_DESIGNS, {
  error: () => `A study design is one of: ${STUDY_DESIGNS.join(', ')}.`,
});

export function isStudyDesign(value: unknown): value is StudyDesign {
  return typeof value === 'string' && (STUDY_DESIGNS as readonly string[]).includes(value);
}
