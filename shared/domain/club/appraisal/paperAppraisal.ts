import { z } from 'zod';
import {
  evidenceLevelRecordSchema,
  gradeRecordSchema,
  type EvidenceLevelRecord,
  type GradeRecord,
} from './evidence';
import { EMPTY_PICO, picoSchema, type Pico } from './pico';
import { studyDesignSchema, type StudyDesign } from './studyDesigns';

/**
 * What the club records about one paper of a session, beside each member's own answers: the
 * design the presenter chose (which picks the checklist), the PICO, and the club's level of
 * evidence and GRADE certainty. Each field is set on its own, so two members editing different
 * fields offline both keep their change.
 */
export interface PaperAppraisal {
  design: StudyDesign | null;
  pico: Pico;
  evidenceLevel: EvidenceLevelRecord | null;
  certainty: GradeRecord | null;
}

export const EMPTY_PAPER_APPRAISAL: PaperAppraisal = {
  design: null,
  pico: EMPTY_PICO,
  evidenceLevel: null,
  certainty: null,
};

export const paperAppraisalSchema = z.object(
  {
    design: studyDesignSchema.nullable(),
    pico: picoSchema,
    evidenceLevel: evidenceLevelRecordSchema.nullable(),
    certainty: gradeRecordSchema.nullable(),
  },
  { error: 'The paper’s appraisal is an object with a design, a PICO, a level and a certainty.' },
);

const FIELD_NAMES: Readonly<Record<string, string>> = {
  design: 'Study design',
  pico: 'PICO',
  evidenceLevel: 'Level of evidence',
  certainty: 'GRADE certainty',
};

/** The first problem of a failed parse as one sentence, led by the field it is in. */
export function describeAppraisalProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The appraisal is not valid.';
  const field = typeof issue.path[0] === 'string' ? FIELD_NAMES[issue.path[0]] : undefined;
  return field ? `${field}: ${issue.message}` : issue.message;
}

export type ParsedPaperAppraisal =
  { ok: true; appraisal: PaperAppraisal } | { ok: false; message: string };

/** Checks a paper's appraisal that came from another machine; nothing is kept when it fails. */
export function parsePaperAppraisal(raw: unknown): ParsedPaperAppraisal {
  const parsed = paperAppraisalSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, appraisal: parsed.data }
    : { ok: false, message: describeAppraisalProblem(parsed.error) };
}
