import { z } from 'zod';
import { holdsControlCharacters } from './appraisalText';
import { findQuestion, CHECKLISTS } from './checklists';
import { STUDY_DESIGN_NAMES, type StudyDesign } from './studyDesigns';

/** A member's answer to one checklist question; "yes" is always the reassuring answer. */
export const APPRAISAL_ANSWERS = ['yes', 'no', 'unclear'] as const;
export type AppraisalAnswerValue = (typeof APPRAISAL_ANSWERS)[number];

export const APPRAISAL_ANSWER_NAMES: Readonly<Record<AppraisalAnswerValue, string>> = {
  yes: 'Yes',
  no: 'No',
  unclear: 'Unclear',
};

export const MAX_REASON_LENGTH = 2_000;
export const MAX_CITED_HIGHLIGHTS = 50;
export const MAX_ID_LENGTH = 128;

const WHITE_SPACE_OR_CONTROL = /[\s\p{Cc}]/u;

/** An id written by another machine (a member's, a highlight's): kept exactly, checked for shape. */
export function idSchema(what: string) {
  return z
    .string({ error: `${what} is text.` })
    .min(1, `${what} is empty.`)
    .max(MAX_ID_LENGTH, `${what} is longer than ${MAX_ID_LENGTH} characters.`)
    .refine(
      (id) => !WHITE_SPACE_OR_CONTROL.test(id),
      `${what} holds spaces or control characters.`,
    );
}

/**
 * One member's answer to one question, as kept in the session document under
 * `[memberId, questionId]` (the same shape as `appraisalAnswerSchema` in club/session).
 */
export interface ChecklistAnswer {
  answer: AppraisalAnswerValue;
  /** Why, in the member's words; may be empty, though the view asks for one. */
  reason: string;
  /** Ids of the member's own highlights on the paper that back the answer. */
  citedHighlightIds: string[];
}

export const checklistAnswerSchema = z.object({
  answer: z.enum(APPRAISAL_ANSWERS, {
    error: (issue) =>
      issue.input === undefined
        ? 'The answer is missing (yes, no or unclear).'
        : `The answer is yes, no or unclear, not ${JSON.stringify(issue.input)}.`,
  }),
  reason: z
    .string({ error: 'The reason is text.' })
    .max(MAX_REASON_LENGTH, `The reason is longer than ${MAX_REASON_LENGTH} characters.`)
    .refine((reason) => !holdsControlCharacters(reason), 'The reason holds control characters.'),
  citedHighlightIds: z
    .array(idSchema('A cited highlight id'), { error: 'The cited highlights are a list of ids.' })
    .max(MAX_CITED_HIGHLIGHTS, `An answer cites at most ${MAX_CITED_HIGHLIGHTS} highlights.`)
    .refine((ids) => new Set(ids).size === ids.length, 'A highlight is cited once per answer.'),
});

/** Every question id of every checklist, each naming one question of one design. */
const KNOWN_QUESTION_IDS: ReadonlySet<string> = new Set(
  Object.values(CHECKLISTS).flatMap((questions) => questions.map((question) => question.id)),
);

export function isKnownQuestionId(questionId: string): boolean {
  return KNOWN_QUESTION_IDS.has(questionId);
}

/** Why an answer to `questionId` cannot stand on `design`'s checklist, or null when it can. */
export function questionProblem(design: StudyDesign | null, questionId: string): string | null {
  if (!isKnownQuestionId(questionId)) return `There is no checklist question "${questionId}".`;
  if (design !== null && findQuestion(design, questionId) === null) {
    return `"${questionId}" is not a question of the ${STUDY_DESIGN_NAMES[design].toLowerCase()} checklist.`;
  }
  return null;
}

/** One member's answers, question id → answer, as they travel in a bundle. */
export type MemberAnswers = Record<string, ChecklistAnswer>;

export interface RejectedAnswer {
  questionId: string;
  message: string;
}

export interface ReadMemberAnswers {
  /** The answers that are whole and belong on the checklist. */
  answers: MemberAnswers;
  /** Every other entry, with a message that says what is wrong with it. */
  rejected: RejectedAnswer[];
}

function firstIssueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The answer is not valid.';
  return issue.message;
}

/**
 * Reads one member's answers from another machine: keeps every whole answer to a question of
 * `design`'s checklist (any checklist when `design` is null, since the presenter may change the
 * design after members answered) and rejects the rest one by one, each with its own message, so
 * one damaged answer never costs the member their others.
 */
export function readMemberAnswers(raw: unknown, design: StudyDesign | null): ReadMemberAnswers {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      answers: {},
      rejected: [
        { questionId: '', message: 'A member’s answers are an object keyed by question id.' },
      ],
    };
  }
  const answers: MemberAnswers = {};
  const rejected: RejectedAnswer[] = [];
  for (const [questionId, value] of Object.entries(raw)) {
    const problem = questionProblem(design, questionId);
    if (problem !== null) {
      rejected.push({ questionId, message: problem });
      continue;
    }
    const parsed = checklistAnswerSchema.safeParse(value);
    if (parsed.success) answers[questionId] = parsed.data;
    else
      rejected.push({ questionId, message: `${questionId}: ${firstIssueMessage(parsed.error)}` });
  }
  return { answers, rejected };
}

const memberIdSchema = idSchema('A member id');

export interface ReadAnswersByMember {
  /** member id → that member's whole answers. */
  answers: Record<string, MemberAnswers>;
  /** Every entry left out, with the member it came from and what is wrong with it. */
  rejected: (RejectedAnswer & { memberId: string })[];
}

/** Reads every member's answers (member id → question id → answer), keeping whatever is whole. */
export function readAnswersByMember(raw: unknown, design: StudyDesign | null): ReadAnswersByMember {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      answers: {},
      rejected: [
        { memberId: '', questionId: '', message: 'The answers are an object keyed by member id.' },
      ],
    };
  }
  const answers: Record<string, MemberAnswers> = {};
  const rejected: ReadAnswersByMember['rejected'] = [];
  for (const [memberId, memberAnswers] of Object.entries(raw)) {
    const id = memberIdSchema.safeParse(memberId);
    if (!id.success) {
      rejected.push({ memberId, questionId: '', message: firstIssueMessage(id.error) });
      continue;
    }
    const read = readMemberAnswers(memberAnswers, design);
    answers[memberId] = read.answers;
    for (const problem of read.rejected) rejected.push({ memberId, ...problem });
  }
  return { answers, rejected };
}
