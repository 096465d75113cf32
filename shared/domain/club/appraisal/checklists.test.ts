import { describe, expect, it } from 'vitest';
import {
  CHECKLISTS,
  MAX_CHECKLIST_QUESTIONS,
  MIN_CHECKLIST_QUESTIONS,
  checklistFor,
  findQuestion,
} from './checklists';
import { STUDY_DESIGNS, STUDY_DESIGN_NAMES } from './studyDesigns';

const STABLE_ID = /^[a-z]+\.[a-z][a-z0-9-]*$/;

describe.each(STUDY_DESIGNS)('the %s checklist', (design) => {
  const questions = checklistFor(design);

  it('has 8 to 12 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(MIN_CHECKLIST_QUESTIONS);
    expect(questions.length).toBeLessThanOrEqual(MAX_CHECKLIST_QUESTIONS);
  });

  it('gives each question a unique, well-formed id sharing one prefix', () => {
    const ids = questions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(STABLE_ID);
    expect(new Set(ids.map((id) => id.split('.')[0])).size).toBe(1);
  });

  it('has no empty or untrimmed text or hint, and asks a question', () => {
    for (const question of questions) {
      expect(question.text.trim()).toBe(question.text);
      expect(question.text.length).toBeGreaterThan(10);
      expect(question.text.endsWith('?')).toBe(true);
      expect(question.hint.trim()).toBe(question.hint);
      expect(question.hint.length).toBeGreaterThan(10);
    }
  });

  it('has a display name', () => {
    expect(STUDY_DESIGN_NAMES[design].length).toBeGreaterThan(0);
  });
});

describe('checklist ids', () => {
  it('are unique across every design, so an answer names one question only', () => {
    const ids = Object.values(CHECKLISTS).flatMap((questions) => questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  // Answers stored in sessions refer to these ids; renaming one orphans every answer to it.
  it('keep the randomised trial ids stored sessions already refer to', () => {
    expect(checklistFor('randomised-trial').map((q) => q.id)).toEqual([
      'rct.pico-stated',
      'rct.sequence-by-chance',
      'rct.allocation-hidden',
      'rct.arms-alike-at-start',
      'rct.masking',
      'rct.same-other-care',
      'rct.follow-up-and-itt',
      'rct.outcomes-as-registered',
      'rct.effect-size-and-precision',
      'rct.harms-reported',
      'rct.applies-to-my-patients',
    ]);
  });
});

describe('findQuestion', () => {
  it('finds a question on its own design’s checklist', () => {
    expect(findQuestion('qualitative', 'qual.analysis-rigorous')?.text).toContain('analysis');
  });

  it('is null for a question of another design', () => {
    expect(findQuestion('cohort', 'rct.masking')).toBeNull();
  });
});
