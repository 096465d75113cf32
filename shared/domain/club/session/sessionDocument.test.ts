import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEditor } from 'lexical';
import { createYjsBinding } from '@lexical/yjs';
import {
  applyUpdate,
  closeSession,
  createSessionDoc,
  discussionOf,
  DISCUSSION_ROOT,
  encodeState,
  removeActionItem,
  removeAnnotation,
  setActionItem,
  setAnnotation,
  setAnswer,
  setAttendance,
  setBottomLine,
  setSessionMetadata,
  setVote,
  stateVector,
} from './sessionDocument';
import { agreementByQuestion, canCloseSession, readSession, voteTally } from './sessionSnapshot';

const SESSION_ID = 'session-1';

function newSession(): Y.Doc {
  return createSessionDoc(SESSION_ID, {
    title: 'SGLT2 inhibitors in CKD',
    papers: [{ paperId: 'paper-1', doi: '10.1056/NEJMoa2024816' }],
    startsAt: '2026-12-09T19:00',
    timeZone: 'America/New_York',
    presenterId: 'ana',
    status: 'planned',
    discussionWindow: { opensAt: '2026-12-02T00:00:00Z', closesAt: '2026-12-16T00:00:00Z' },
  });
}

function exchange(from: Y.Doc, to: Y.Doc): void {
  applyUpdate(to, encodeState(from, stateVector(to)));
}

describe('the session document', () => {
  it('reads back the metadata it was created with', () => {
    const session = readSession(newSession()).snapshot;
    expect(session.sessionId).toBe(SESSION_ID);
    expect(session.metadata).toEqual({
      title: 'SGLT2 inhibitors in CKD',
      papers: [{ paperId: 'paper-1', doi: '10.1056/NEJMoa2024816' }],
      startsAt: '2026-12-09T19:00',
      timeZone: 'America/New_York',
      presenterId: 'ana',
      status: 'planned',
      discussionWindow: { opensAt: '2026-12-02T00:00:00Z', closesAt: '2026-12-16T00:00:00Z' },
    });
    expect(session.members).toEqual({});
    expect(session.bottomLine).toBe('');
  });

  it('keeps each member’s answers, vote, actions, attendance and annotations under their id', () => {
    const doc = newSession();
    setAnswer(doc, 'ana', 'rct-1', {
      answer: 'yes',
      reason: 'Clear question',
      citedHighlightIds: ['h1'],
    });
    setAnswer(doc, 'ben', 'rct-1', { answer: 'unclear', reason: '', citedHighlightIds: [] });
    setVote(doc, 'ben', { vote: 'not-sure', reason: 'Cost' });
    setActionItem(doc, 'ana', 'a1', {
      text: 'Audit eGFR',
      ownerId: 'ben',
      dueDate: '2027-01-15',
      done: false,
    });
    setAttendance(doc, 'ben', 'asynchronous');
    setAnnotation(doc, 'ana', 'note-1', { kind: 'highlight', page: 3, text: 'primary outcome' });

    const { snapshot, dropped } = readSession(doc);
    expect(dropped).toBe(0);
    expect(snapshot.members).toEqual({
      ana: {
        answers: {
          'rct-1': { answer: 'yes', reason: 'Clear question', citedHighlightIds: ['h1'] },
        },
        vote: null,
        actions: { a1: { text: 'Audit eGFR', ownerId: 'ben', dueDate: '2027-01-15', done: false } },
        attendance: null,
        annotations: { 'note-1': { kind: 'highlight', page: 3, text: 'primary outcome' } },
      },
      ben: {
        answers: { 'rct-1': { answer: 'unclear', reason: '', citedHighlightIds: [] } },
        vote: { vote: 'not-sure', reason: 'Cost' },
        actions: {},
        attendance: 'asynchronous',
        annotations: {},
      },
    });
    expect(agreementByQuestion(snapshot)).toEqual({ 'rct-1': { yes: 1, no: 0, unclear: 1 } });
    expect(voteTally(snapshot)).toEqual({ yes: 0, no: 0, 'not-sure': 1 });
  });

  it('removes an action item and an annotation, and clears a vote and attendance', () => {
    const doc = newSession();
    setActionItem(doc, 'ana', 'a1', { text: 'Audit', ownerId: null, dueDate: null, done: false });
    setAnnotation(doc, 'ana', 'note-1', { text: 'x' });
    setVote(doc, 'ana', { vote: 'yes', reason: '' });
    setAttendance(doc, 'ana', 'live');
    removeActionItem(doc, 'ana', 'a1');
    removeAnnotation(doc, 'ana', 'note-1');
    setVote(doc, 'ana', null);
    setAttendance(doc, 'ana', null);
    expect(readSession(doc).snapshot.members).toEqual({});
  });

  it('merges two members’ offline edits to the same question without either overwriting the other', () => {
    const ana = newSession();
    const ben = new Y.Doc();
    exchange(ana, ben);
    setAnswer(ana, 'ana', 'rct-1', { answer: 'yes', reason: 'a', citedHighlightIds: [] });
    setAnswer(ben, 'ben', 'rct-1', { answer: 'no', reason: 'b', citedHighlightIds: [] });
    discussionOf(ana).insert(0, 'Ana’s point. ');
    discussionOf(ben).insert(0, 'Ben’s point. ');
    exchange(ana, ben);
    exchange(ben, ana);
    const fromAna = readSession(ana).snapshot;
    expect(readSession(ben).snapshot).toEqual(fromAna);
    expect(fromAna.members.ana?.answers['rct-1']?.answer).toBe('yes');
    expect(fromAna.members.ben?.answers['rct-1']?.answer).toBe('no');
    expect(fromAna.discussion).toContain('Ana’s point. ');
    expect(fromAna.discussion).toContain('Ben’s point. ');
  });

  it('rejects a value that does not fit, naming what is wrong, and changes nothing', () => {
    const doc = newSession();
    const before = stateVector(doc);
    expect(() =>
      setAnswer(doc, 'ana', 'rct-1', {
        answer: 'maybe',
        reason: '',
        citedHighlightIds: [],
      } as never),
    ).toThrow(/answer/);
    expect(() => setAnnotation(doc, 'ana', 'n', { bad: () => 1 } as never)).toThrow(/annotation/);
    expect(() => setSessionMetadata(doc, { timeZone: 'Mars/Olympus_Mons' })).toThrow(/time zone/);
    expect(stateVector(doc)).toEqual(before);
  });

  it('keeps what is whole when another machine wrote a value that does not fit, and counts the rest', () => {
    const doc = newSession();
    setVote(doc, 'ana', { vote: 'yes', reason: '' });
    doc.getMap('votes').set('ben', { vote: 'perhaps' });
    doc.getMap('session').set('status', 'exploded');
    const { snapshot, dropped } = readSession(doc);
    expect(dropped).toBe(2);
    expect(snapshot.members.ana?.vote).toEqual({ vote: 'yes', reason: '' });
    expect(snapshot.members.ben).toBeUndefined();
    expect(snapshot.metadata.status).toBe('planned');
  });

  it('can close only with a one-sentence bottom line, and says why not', () => {
    const doc = newSession();
    expect(canCloseSession(readSession(doc).snapshot)).toEqual({
      canClose: false,
      reason: 'Write the bottom line (one sentence) before closing the session.',
    });
    expect(closeSession(doc).canClose).toBe(false);
    expect(readSession(doc).snapshot.metadata.status).toBe('planned');

    setBottomLine(doc, 'First line.\nSecond line.');
    expect(canCloseSession(readSession(doc).snapshot)).toEqual({
      canClose: false,
      reason: 'The bottom line is one sentence on one line.',
    });

    expect(() => setSessionMetadata(doc, { status: 'closed' })).toThrow(
      'The bottom line is one sentence on one line.',
    );
    expect(readSession(doc).snapshot.metadata.status).toBe('planned');

    setBottomLine(doc, 'Dapagliflozin slows CKD progression with or without diabetes.');
    expect(closeSession(doc)).toEqual({ canClose: true });
    expect(readSession(doc).snapshot.metadata.status).toBe('closed');
  });

  it('leaves the discussion as a root @lexical/yjs can bind to', () => {
    const doc = newSession();
    discussionOf(doc).insert(0, 'hello');
    const binding = createYjsBinding({
      editor: createEditor(),
      id: SESSION_ID,
      doc,
      docMap: new Map([[SESSION_ID, doc]]),
      rootName: DISCUSSION_ROOT,
    });
    expect(binding.root.getSharedType()).toBe(discussionOf(doc));
  });
});
