import { describe, expect, it } from 'vitest';
import { assessReadability } from './assessReadability';
import { MEDICAL_JARGON } from './medicalJargon';

const CHILDRENS_TEXT =
  'The cat sat on the mat. It was a big red mat. The cat liked the sun. ' +
  'Then a dog came in. The dog was sad. The cat let the dog sit too.';

const PLAIN_SUMMARY =
  'We wanted to know if a new pill helps people with weak hearts live longer. ' +
  'Half of the people in the study took the pill and half took a dummy pill. ' +
  'After two years, fewer people who took the new pill had died.';

const ABSTRACT =
  'In this multicentre, randomised, double-blind, placebo-controlled trial, participants with ' +
  'chronic heart failure and reduced ejection fraction were allocated to dapagliflozin or ' +
  'matching placebo in addition to guideline-directed medical therapy. The primary composite ' +
  'outcome, comprising cardiovascular mortality or worsening heart failure requiring ' +
  'hospitalisation, occurred less frequently in the intervention group, with consistent ' +
  'effects across prespecified subgroups irrespective of diabetes status.';

describe('assessReadability grades', () => {
  it('returns no grade and zero counts for empty or blank text', () => {
    for (const text of ['', '   \n ']) {
      expect(assessReadability(text)).toEqual({
        grade: null,
        words: 0,
        sentences: 0,
        target: 8,
        longSentences: [],
        unexplainedTerms: [],
      });
    }
  });

  it('puts a children’s text below grade 6, a plain summary at or below 8 and an abstract above 12', () => {
    const childrens = assessReadability(CHILDRENS_TEXT).grade ?? Number.NaN;
    const plain = assessReadability(PLAIN_SUMMARY).grade ?? Number.NaN;
    const abstract = assessReadability(ABSTRACT).grade ?? Number.NaN;
    expect(childrens).toBeLessThan(6);
    expect(plain).toBeLessThanOrEqual(8);
    expect(abstract).toBeGreaterThan(12);
    expect(childrens).toBeLessThan(plain);
    expect(plain).toBeLessThan(abstract);
  });

  it('counts words and sentences', () => {
    const report = assessReadability(CHILDRENS_TEXT);
    expect(report.sentences).toBe(6);
    expect(report.words).toBe(33);
    expect(report.target).toBe(8);
  });

  it('does not end a sentence at e.g., vs., et al. or a title', () => {
    const text =
      'Drugs that thin the blood, e.g. apixaban, were compared. Smith et al. (2020) found less ' +
      'bleeding with drug A vs. Drug B. Dr. Jones and Prof. Singh wrote the paper.';
    expect(assessReadability(text).sentences).toBe(3);
  });
});

describe('assessReadability long sentences', () => {
  it('reports sentences of more than 20 words with their offsets and length', () => {
    const short = 'This sentence is short.';
    const long =
      'This sentence goes on and on because the writer keeps adding one more clause and then ' +
      'another clause until the reader is quite lost.';
    const text = `${short} ${long} Done.`;
    const report = assessReadability(text);
    expect(report.longSentences).toHaveLength(1);
    const [found] = report.longSentences;
    expect(text.slice(found?.start, found?.end)).toBe(long);
    expect(found?.words).toBe(24);
  });

  it('does not report a sentence of exactly 20 words', () => {
    const twenty = `${Array.from({ length: 19 }, () => 'word').join(' ')} end.`;
    expect(assessReadability(twenty).longSentences).toEqual([]);
  });
});

describe('assessReadability jargon', () => {
  it('has about 150 terms, each with a plain alternative', () => {
    expect(MEDICAL_JARGON.length).toBeGreaterThanOrEqual(140);
    for (const { term, plain } of MEDICAL_JARGON) {
      expect(term.trim()).toBe(term);
      expect(plain.length).toBeGreaterThan(0);
    }
  });

  it('flags an unexplained term with its offsets and plain alternative', () => {
    const text = 'The drug lowered mortality in older adults.';
    const [term, ...rest] = assessReadability(text).unexplainedTerms;
    expect(rest).toEqual([]);
    expect(term).toEqual({ start: 17, end: 26, term: 'mortality', plain: 'deaths' });
    expect(text.slice(term?.start, term?.end)).toBe('mortality');
  });

  it('prefers the longest term and matches American spellings and plurals', () => {
    const text = 'Two myocardial infarctions occurred; patients were randomized and had edema.';
    const terms = assessReadability(text).unexplainedTerms.map(({ term, plain }) => [term, plain]);
    expect(terms).toEqual([
      ['myocardial infarctions', 'heart attack'],
      ['randomized', 'put into groups by chance'],
      ['edema', 'swelling'],
    ]);
  });

  it.each([
    ['a bracket', 'People took a placebo (a dummy pill) every day.'],
    ['a dash', 'People took a placebo – a dummy pill – every day.'],
    ['", meaning"', 'People took a placebo, meaning a dummy pill, every day.'],
    ['", which means"', 'People took a placebo, which means a dummy pill, every day.'],
    ['", or"', 'People took a placebo, or dummy pill, every day.'],
    ['a bracket around the term after the plain words', 'Some took a dummy pill (placebo).'],
  ])('treats a term explained by %s as explained', (_, text) => {
    expect(assessReadability(text).unexplainedTerms).toEqual([]);
  });

  it('does not flag a term again once it was explained earlier in the text', () => {
    const text =
      'Half took a placebo (a dummy pill). Later the placebo group did as well. Mortality was low.';
    expect(assessReadability(text).unexplainedTerms.map(({ term }) => term)).toEqual(['Mortality']);
  });

  it('flags a term used before its explanation', () => {
    const text = 'The placebo group did well. A placebo (a dummy pill) looks like the real one.';
    const flagged = assessReadability(text).unexplainedTerms;
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.start).toBe(4);
  });

  it('does not treat a bracket in the next sentence as an explanation', () => {
    const text = 'Mortality fell. (See the table.)';
    expect(assessReadability(text).unexplainedTerms.map(({ term }) => term)).toEqual(['Mortality']);
  });

  it('does not match a term inside a longer word', () => {
    expect(assessReadability('The oral exam and the choral group.').unexplainedTerms).toHaveLength(
      1,
    );
  });
});
