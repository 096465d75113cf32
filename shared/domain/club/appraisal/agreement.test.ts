import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  agreementOf,
  checklistAgreement,
  describeAgreement,
  type AnswersByMember,
} from './agreement';
import { checklistFor } from './checklists';

const yes = { answer: 'yes' } as const;
const no = { answer: 'no' } as const;
const unclear = { answer: 'unclear' } as const;

describe('agreementOf', () => {
  it('has no majority and no agreement when nobody answered', () => {
    expect(agreementOf('rct.masking', { yes: 0, no: 0, unclear: 0 })).toEqual({
      questionId: 'rct.masking',
      counts: { yes: 0, no: 0, unclear: 0 },
      answered: 0,
      majority: null,
      majorityShare: 0,
      status: 'unanswered',
      agrees: false,
    });
  });

  it('does not call one answer an agreement', () => {
    expect(agreementOf('q', { yes: 1, no: 0, unclear: 0 })).toMatchObject({
      majority: 'yes',
      majorityShare: 1,
      status: 'one-answer',
      agrees: false,
    });
  });

  it('has no majority when two answers tie for most', () => {
    expect(agreementOf('q', { yes: 2, no: 2, unclear: 0 })).toMatchObject({
      majority: null,
      majorityShare: 0,
      status: 'split',
      agrees: false,
    });
    expect(agreementOf('q', { yes: 1, no: 1, unclear: 1 })).toMatchObject({
      majority: null,
      status: 'split',
    });
  });

  it('agrees when every member found the paper unclear', () => {
    expect(agreementOf('q', { yes: 0, no: 0, unclear: 3 })).toMatchObject({
      majority: 'unclear',
      status: 'agreed',
      agrees: true,
    });
  });

  it('agrees at exactly three quarters and not below', () => {
    expect(agreementOf('q', { yes: 3, no: 1, unclear: 0 })).toMatchObject({
      majority: 'yes',
      majorityShare: 0.75,
      agrees: true,
    });
    expect(agreementOf('q', { yes: 2, no: 1, unclear: 0 })).toMatchObject({
      majority: 'yes',
      status: 'split',
      agrees: false,
    });
    expect(agreementOf('q', { yes: 2, no: 0, unclear: 0 }).agrees).toBe(true);
    expect(agreementOf('q', { yes: 1, no: 1, unclear: 0 }).agrees).toBe(false);
  });
});

describe('checklistAgreement', () => {
  it('lists every question, unanswered, when nobody has answered', () => {
    const summary = checklistAgreement('cohort', {});
    expect(summary.questions.map((q) => q.questionId)).toEqual(
      checklistFor('cohort').map((q) => q.id),
    );
    expect(summary.members).toBe(0);
    expect(summary.byStatus).toEqual({
      unanswered: checklistFor('cohort').length,
      'one-answer': 0,
      agreed: 0,
      split: 0,
    });
    expect(summary.agreedOn).toEqual({ yes: 0, no: 0, unclear: 0 });
  });

  it('counts members’ answers per question and summarises the checklist', () => {
    const answers: AnswersByMember = {
      ana: { 'rct.pico-stated': yes, 'rct.masking': no, 'rct.allocation-hidden': unclear },
      ben: { 'rct.pico-stated': yes, 'rct.masking': yes, 'rct.allocation-hidden': unclear },
      cai: { 'rct.pico-stated': yes, 'rct.allocation-hidden': unclear },
      dee: { 'rct.harms-reported': no },
    };
    const summary = checklistAgreement('randomised-trial', answers);
    const byId = Object.fromEntries(summary.questions.map((q) => [q.questionId, q]));
    expect(byId['rct.pico-stated']).toMatchObject({
      counts: { yes: 3, no: 0, unclear: 0 },
      majority: 'yes',
      agrees: true,
    });
    expect(byId['rct.masking']).toMatchObject({ answered: 2, majority: null, status: 'split' });
    expect(byId['rct.allocation-hidden']).toMatchObject({ majority: 'unclear', agrees: true });
    expect(byId['rct.harms-reported']).toMatchObject({ status: 'one-answer' });
    expect(summary.members).toBe(4);
    expect(summary.byStatus).toEqual({
      unanswered: checklistFor('randomised-trial').length - 4,
      'one-answer': 1,
      agreed: 2,
      split: 1,
    });
    expect(summary.agreedOn).toEqual({ yes: 1, no: 0, unclear: 1 });
  });

  it('leaves out answers to another design’s questions, and members who gave only those', () => {
    const summary = checklistAgreement('qualitative', {
      ana: { 'rct.masking': yes, 'qual.aim-stated': yes },
      ben: { 'rct.masking': yes },
    });
    expect(summary.members).toBe(1);
    expect(summary.byStatus['one-answer']).toBe(1);
    expect(summary.questions.some((q) => q.questionId === 'rct.masking')).toBe(false);
  });
});

describe('describeAgreement', () => {
  it.each([
    [{ yes: 0, no: 0, unclear: 0 }, 'No answers yet'],
    [{ yes: 0, no: 1, unclear: 0 }, 'One answer: No'],
    [{ yes: 3, no: 1, unclear: 0 }, 'Agreed: Yes (3 of 4)'],
    [{ yes: 0, no: 0, unclear: 2 }, 'Agreed: Unclear (2 of 2)'],
    [{ yes: 2, no: 1, unclear: 0 }, 'Split: 2 yes, 1 no'],
    [{ yes: 1, no: 1, unclear: 2 }, 'Split: 1 yes, 1 no, 2 unclear'],
  ])('describes %j as "%s"', (counts, sentence) => {
    expect(describeAgreement(agreementOf('q', counts))).toBe(sentence);
  });
});

describe('agreement properties', () => {
  const answer = fc.constantFrom('yes', 'no', 'unclear');
  const questionIds = checklistFor('cohort').map((q) => q.id);
  const answersByMember = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.dictionary(
      fc.constantFrom(...questionIds),
      answer.map((value) => ({ answer: value })),
    ),
    { maxKeys: 12 },
  );

  test.prop([answersByMember])(
    'counts every answer once and agrees only by the rule',
    (answers) => {
      const summary = checklistAgreement('cohort', answers);
      const given = Object.values(answers).reduce(
        (sum, member) => sum + Object.keys(member).length,
        0,
      );
      expect(summary.questions.reduce((sum, q) => sum + q.answered, 0)).toBe(given);
      for (const q of summary.questions) {
        expect(q.answered).toBe(q.counts.yes + q.counts.no + q.counts.unclear);
        if (q.agrees) {
          expect(q.answered).toBeGreaterThanOrEqual(2);
          expect(q.majority).not.toBeNull();
          expect(q.majorityShare).toBeGreaterThanOrEqual(0.75);
        }
      }
    },
  );

  test.prop([answersByMember])('does not depend on the order members are listed in', (answers) => {
    const reversed = Object.fromEntries(Object.entries(answers).reverse());
    expect(checklistAgreement('cohort', reversed)).toEqual(checklistAgreement('cohort', answers));
  });
});
