import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { discussionPlainText } from './discussionText';
import {
  createSessionDoc,
  discussionOf,
  encodeState,
  paperAnswerKey,
  paperAnswersMap,
  peopleMap,
  setAppraisalFields,
  setPaperAnswer,
  setPaperDetails,
  setPerson,
  setPresenterNotes,
  setSessionClub,
} from './sessionDocument';
import { readSession } from './sessionSnapshot';
import { SessionValueError } from './sessionValues';

const PAPER = 'doi:10.1056/nejmoa2024816';
const YES = { answer: 'yes' as const, reason: 'Double blind', citedHighlightIds: [] };

function merged(...docs: Y.Doc[]): Y.Doc {
  const doc = new Y.Doc();
  for (const one of docs) Y.applyUpdate(doc, encodeState(one));
  return doc;
}

describe('per-paper answers, appraisals, people and details', () => {
  it('keeps each member’s answers per paper, and refuses a question not on the paper’s checklist', () => {
    const doc = createSessionDoc('s-1');
    setPaperAnswer(doc, 'ana', PAPER, 'rct.masking', YES, 'randomised-trial');
    expect(readSession(doc).snapshot.paperAnswers).toEqual({
      ana: { [PAPER]: { 'rct.masking': YES } },
    });
    expect(() =>
      setPaperAnswer(doc, 'ana', PAPER, 'cc.question-stated', YES, 'randomised-trial'),
    ).toThrow(
      new SessionValueError(
        '"cc.question-stated" is not a question of the randomised trial checklist.',
      ),
    );
    expect(() =>
      setPaperAnswer(doc, 'ana', PAPER, 'rct.masking', { ...YES, reason: 'bell\u0007' }, null),
    ).toThrow(/control characters/);
  });

  it('leaves out and counts answers another copy wrote that do not fit', () => {
    const doc = createSessionDoc('s-1');
    paperAnswersMap(doc).set(paperAnswerKey('ben', PAPER, 'rct.invented'), YES);
    paperAnswersMap(doc).set(paperAnswerKey('ben', PAPER, 'rct.masking'), { answer: 'perhaps' });
    paperAnswersMap(doc).set('not a key', YES);
    peopleMap(doc).set('ben', { name: '' });
    const read = readSession(doc);
    expect(read.snapshot.paperAnswers).toEqual({});
    expect(read.snapshot.people).toEqual({});
    expect(read.dropped).toBe(4);
  });

  it('merges appraisal fields edited on two machines, PICO part by part', () => {
    const base = createSessionDoc('s-1');
    const ana = merged(base);
    const ben = merged(base);
    setAppraisalFields(ana, PAPER, { design: 'randomised-trial', population: 'Adults with CKD' });
    setAppraisalFields(ben, PAPER, {
      outcomes: 'eGFR decline',
      evidenceLevel: { level: 2, reason: 'One large trial' },
    });
    const appraisal = readSession(merged(ana, ben)).snapshot.appraisals[PAPER];
    expect(appraisal).toEqual({
      design: 'randomised-trial',
      pico: {
        population: 'Adults with CKD',
        interventionOrExposure: '',
        comparison: '',
        outcomes: 'eGFR decline',
      },
      evidenceLevel: { level: 2, reason: 'One large trial' },
      certainty: null,
    });
    expect(() =>
      setAppraisalFields(ana, PAPER, { evidenceLevel: { level: 6, reason: 'x' } }),
    ).toThrow(SessionValueError);
  });

  it('carries the club, the people, the papers’ details and the presenter’s notes', () => {
    const doc = createSessionDoc('s-1');
    setSessionClub(doc, {
      clubId: 'club-1',
      name: 'Renal JC',
      hashtag: '#RenalJC',
      timeZone: 'Europe/London',
      defaultDisclosure: 'initials',
    });
    setPerson(doc, 'ana', {
      name: 'Ana Silva',
      profession: 'Nephrologist',
      role: 'organiser',
      handle: null,
    });
    setPaperDetails(doc, PAPER, {
      title: 'Dapagliflozin in CKD',
      authors: ['Heerspink HJL'],
      journal: 'N Engl J Med',
      year: 2020,
      abstract: null,
    });
    setPresenterNotes(doc, 'Read the appendix.');
    const { snapshot, dropped } = readSession(merged(doc));
    expect(dropped).toBe(0);
    expect(snapshot.club?.name).toBe('Renal JC');
    expect(snapshot.people.ana?.role).toBe('organiser');
    expect(snapshot.paperDetails[PAPER]?.year).toBe(2020);
    expect(snapshot.presenterNotes).toBe('Read the appendix.');
  });

  it('reads a Lexical-shaped discussion as plain lines', () => {
    const doc = createSessionDoc('s-1');
    const first = new Y.XmlText();
    const second = new Y.XmlText();
    discussionOf(doc).insertEmbed(0, first);
    discussionOf(doc).insertEmbed(1, second);
    first.insertEmbed(0, new Y.Map());
    first.insert(1, 'Is eGFR slope fair?');
    second.insert(0, 'Yes, as a secondary end point.');
    expect(discussionPlainText(doc)).toBe('Is eGFR slope fair?\nYes, as a secondary end point.');
  });

  it('gives each list item its own line, keeps line breaks and reads links inline', () => {
    const doc = createSessionDoc('s-1');
    const element = (type: string) => {
      const text = new Y.XmlText();
      text.setAttribute('__type', type);
      return text;
    };
    const list = element('list');
    discussionOf(doc).insertEmbed(0, list);
    const first = element('listitem');
    const second = element('listitem');
    list.insertEmbed(0, first);
    list.insertEmbed(1, second);
    first.insert(0, 'eGFR slope');
    second.insert(0, 'Dialysis');
    const paragraph = element('paragraph');
    discussionOf(doc).insertEmbed(1, paragraph);
    paragraph.insert(0, 'See ');
    const link = element('link');
    paragraph.insertEmbed(4, link);
    link.insert(0, 'the appendix');
    const lineBreak = new Y.Map<unknown>();
    lineBreak.set('__type', 'linebreak');
    paragraph.insertEmbed(5, lineBreak);
    paragraph.insert(6, 'table 2');
    expect(discussionPlainText(doc)).toBe('eGFR slope\nDialysis\nSee the appendix\ntable 2');
  });
});
