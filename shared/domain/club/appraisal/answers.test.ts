import { describe, expect, it } from 'vitest';
import {
  MAX_CITED_HIGHLIGHTS,
  MAX_REASON_LENGTH,
  checklistAnswerSchema,
  questionProblem,
  readAnswersByMember,
  readMemberAnswers,
} from './answers';

const HIGHLIGHT = '0f8b7c2e-5d1a-4c3b-9e2f-6a7b8c9d0e1f';
const good = {
  answer: 'yes',
  reason: 'Central web randomisation.',
  citedHighlightIds: [HIGHLIGHT],
};

function firstMessage(value: unknown): string | undefined {
  const parsed = checklistAnswerSchema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe('checklistAnswerSchema', () => {
  it('accepts an answer with a reason and cited highlights, and one with neither', () => {
    expect(checklistAnswerSchema.parse(good)).toEqual(good);
    expect(
      checklistAnswerSchema.parse({ answer: 'unclear', reason: '', citedHighlightIds: [] }),
    ).toEqual({ answer: 'unclear', reason: '', citedHighlightIds: [] });
  });

  it('keeps line breaks in a reason', () => {
    expect(checklistAnswerSchema.parse({ ...good, reason: 'One.\nTwo.' }).reason).toBe(
      'One.\nTwo.',
    );
  });

  it.each([
    [{ ...good, answer: 'maybe' }, 'The answer is yes, no or unclear, not "maybe".'],
    [{ reason: '', citedHighlightIds: [] }, 'The answer is missing (yes, no or unclear).'],
    [{ ...good, reason: 7 }, 'The reason is text.'],
    [
      { ...good, reason: 'x'.repeat(MAX_REASON_LENGTH + 1) },
      'The reason is longer than 2000 characters.',
    ],
    [{ ...good, reason: 'bad\u0000byte' }, 'The reason holds control characters.'],
    [{ ...good, citedHighlightIds: 'h1' }, 'The cited highlights are a list of ids.'],
    [{ ...good, citedHighlightIds: [''] }, 'A cited highlight id is empty.'],
    [
      { ...good, citedHighlightIds: ['h 1'] },
      'A cited highlight id holds spaces or control characters.',
    ],
    [{ ...good, citedHighlightIds: ['h1', 'h1'] }, 'A highlight is cited once per answer.'],
    [
      {
        ...good,
        citedHighlightIds: Array.from({ length: MAX_CITED_HIGHLIGHTS + 1 }, (_, i) => `h${i}`),
      },
      'An answer cites at most 50 highlights.',
    ],
  ])('rejects %j with a specific message', (value, message) => {
    expect(firstMessage(value)).toBe(message);
  });
});

describe('questionProblem', () => {
  it('accepts a question of the design’s checklist', () => {
    expect(questionProblem('randomised-trial', 'rct.masking')).toBeNull();
  });

  it('names a question of another checklist', () => {
    expect(questionProblem('cohort', 'rct.masking')).toBe(
      '"rct.masking" is not a question of the cohort study checklist.',
    );
  });

  it('names a question no checklist has', () => {
    expect(questionProblem(null, 'rct.invented')).toBe(
      'There is no checklist question "rct.invented".',
    );
  });

  it('accepts any known question when no design is chosen yet', () => {
    expect(questionProblem(null, 'qual.aim-stated')).toBeNull();
  });
});

describe('readMemberAnswers', () => {
  it('keeps the whole answers and rejects each damaged one with its own message', () => {
    const read = readMemberAnswers(
      {
        'rct.masking': good,
        'rct.harms-reported': { ...good, answer: 'perhaps' },
        'cohort.follow-up-complete': good,
        'rct.invented': good,
      },
      'randomised-trial',
    );
    expect(read.answers).toEqual({ 'rct.masking': good });
    expect(read.rejected).toEqual([
      {
        questionId: 'rct.harms-reported',
        message: 'rct.harms-reported: The answer is yes, no or unclear, not "perhaps".',
      },
      {
        questionId: 'cohort.follow-up-complete',
        message: '"cohort.follow-up-complete" is not a question of the randomised trial checklist.',
      },
      { questionId: 'rct.invented', message: 'There is no checklist question "rct.invented".' },
    ]);
  });

  it('drops fields it does not know rather than the answer', () => {
    expect(readMemberAnswers({ 'rct.masking': { ...good, mood: 'happy' } }, null).answers).toEqual({
      'rct.masking': good,
    });
  });

  it('rejects something that is not a map of answers', () => {
    expect(readMemberAnswers([good], null)).toEqual({
      answers: {},
      rejected: [
        { questionId: '', message: 'A member’s answers are an object keyed by question id.' },
      ],
    });
  });
});

describe('readAnswersByMember', () => {
  it('keeps each member’s whole answers and names the member of every rejected one', () => {
    const read = readAnswersByMember(
      {
        ana: { 'rct.masking': good },
        ben: { 'rct.masking': { ...good, citedHighlightIds: [1] } },
        'bad id': { 'rct.masking': good },
      },
      'randomised-trial',
    );
    expect(read.answers).toEqual({ ana: { 'rct.masking': good }, ben: {} });
    expect(read.rejected).toEqual([
      {
        memberId: 'ben',
        questionId: 'rct.masking',
        message: 'rct.masking: A cited highlight id is text.',
      },
      {
        memberId: 'bad id',
        questionId: '',
        message: 'A member id holds spaces or control characters.',
      },
    ]);
  });

  it('rejects a list in place of the map', () => {
    expect(readAnswersByMember([], null).rejected[0]?.message).toBe(
      'The answers are an object keyed by member id.',
    );
  });
});
