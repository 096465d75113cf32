import { APPRAISAL_ANSWER_NAMES, APPRAISAL_ANSWERS, type AppraisalAnswerValue } from './answers';
import { checklistFor } from './checklists';
import type { StudyDesign } from './studyDesigns';

/**
 * The agreement rule. A question is agreed when at least two members answered it and one answer
 * was given by at least three quarters of those who answered ("unclear" is an answer like the
 * others: a club that all finds the paper silent on a point agrees on that). Members who did not
 * answer a question are left out of its count, so a late member does not break an agreement.
 * With one answer there is nothing to agree with yet; with a tie at the top there is no majority.
 */
export const AGREEMENT_NUMERATOR = 3;
export const AGREEMENT_DENOMINATOR = 4;
export const MIN_ANSWERS_FOR_AGREEMENT = 2;

export type AnswerCounts = Record<AppraisalAnswerValue, number>;

export type AgreementStatus = 'unanswered' | 'one-answer' | 'agreed' | 'split';

export interface QuestionAgreement {
  questionId: string;
  counts: AnswerCounts;
  /** How many members answered the question. */
  answered: number;
  /** The answer given most often, or null when nobody answered or two answers tie for most. */
  majority: AppraisalAnswerValue | null;
  /** The majority's share of those who answered, 0 to 1 (0 with no majority). */
  majorityShare: number;
  status: AgreementStatus;
  /** True exactly when `status` is 'agreed'. */
  agrees: boolean;
}

/** member id → question id → answer: what the session document holds per member. */
export type AnswersByMember = Readonly<
  Record<string, Readonly<Record<string, { readonly answer: AppraisalAnswerValue }>>>
>;

function emptyCounts(): AnswerCounts {
  return { yes: 0, no: 0, unclear: 0 };
}

/** The agreement on one question, from how many members gave each answer. */
export function agreementOf(questionId: string, counts: AnswerCounts): QuestionAgreement {
  const answered = counts.yes + counts.no + counts.unclear;
  const most = Math.max(counts.yes, counts.no, counts.unclear);
  const leaders = APPRAISAL_ANSWERS.filter((answer) => counts[answer] === most);
  const majority = answered > 0 && leaders.length === 1 ? (leaders[0] ?? null) : null;
  const majorityCount = majority === null ? 0 : counts[majority];
  // Whole numbers, so 3 of 4 is exactly the threshold rather than 0.7499999.
  const reachesShare = majorityCount * AGREEMENT_DENOMINATOR >= answered * AGREEMENT_NUMERATOR;
  let status: AgreementStatus;
  if (answered === 0) status = 'unanswered';
  else if (answered < MIN_ANSWERS_FOR_AGREEMENT) status = 'one-answer';
  else status = majority !== null && reachesShare ? 'agreed' : 'split';
  return {
    questionId,
    counts: { ...counts },
    answered,
    majority,
    majorityShare: answered === 0 ? 0 : majorityCount / answered,
    status,
    agrees: status === 'agreed',
  };
}

/**
 * One short line for the appraisal grid and the presenter's view: "Agreed: Yes (3 of 4)",
 * "Split: 2 yes, 1 no", "One answer: No", "No answers yet".
 */
export function describeAgreement(agreement: QuestionAgreement): string {
  const { counts, majority, answered } = agreement;
  switch (agreement.status) {
    case 'unanswered':
      return 'No answers yet';
    case 'one-answer':
      return `One answer: ${majority === null ? '' : APPRAISAL_ANSWER_NAMES[majority]}`;
    case 'agreed':
      return majority === null
        ? 'Agreed'
        : `Agreed: ${APPRAISAL_ANSWER_NAMES[majority]} (${counts[majority]} of ${answered})`;
    case 'split':
      return `Split: ${APPRAISAL_ANSWERS.filter((answer) => counts[answer] > 0)
        .map((answer) => `${counts[answer]} ${answer}`)
        .join(', ')}`;
  }
}

export interface ChecklistAgreement {
  design: StudyDesign;
  /** Every question of the checklist, in its order, answered or not. */
  questions: QuestionAgreement[];
  /** Members who answered at least one question of this checklist. */
  members: number;
  /** How many questions are in each state. */
  byStatus: Record<AgreementStatus, number>;
  /** Of the agreed questions, how many the club agreed on each answer. */
  agreedOn: AnswerCounts;
}

/**
 * Agreement on every question of `design`'s checklist. Answers to questions of another checklist
 * (left from before the presenter changed the design) are not counted, but stay where they are.
 */
export function checklistAgreement(
  design: StudyDesign,
  answersByMember: AnswersByMember,
): ChecklistAgreement {
  const checklist = checklistFor(design);
  const counts = new Map(checklist.map((question) => [question.id, emptyCounts()]));
  let members = 0;
  for (const memberAnswers of Object.values(answersByMember)) {
    let answeredAny = false;
    for (const [questionId, { answer }] of Object.entries(memberAnswers)) {
      const questionCounts = counts.get(questionId);
      if (!questionCounts || !APPRAISAL_ANSWERS.includes(answer)) continue;
      questionCounts[answer] += 1;
      answeredAny = true;
    }
    if (answeredAny) members += 1;
  }
  const questions = checklist.map((question) =>
    agreementOf(question.id, counts.get(question.id) ?? emptyCounts()),
  );
  const byStatus: Record<AgreementStatus, number> = {
    unanswered: 0,
    'one-answer': 0,
    agreed: 0,
    split: 0,
  };
  const agreedOn = emptyCounts();
  for (const question of questions) {
    byStatus[question.status] += 1;
    if (question.agrees && question.majority !== null) agreedOn[question.majority] += 1;
  }
  return { design, questions, members, byStatus, agreedOn };
}
