import { describe, expect, it } from 'vitest';
import type { SessionView } from '@shared/contract/club';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { EMPTY_PAPER_APPRAISAL } from '@shared/domain/club/appraisal/paperAppraisal';
import { findingsToResolve } from './exportGuard';
import {
  annotationExportParts,
  scanIgnoringNames,
  sessionExportParts,
  sessionFindingsToResolve,
} from './exportParts';

function highlight(exact: string, note: string, tags: string[] = []): Annotation {
  return {
    id: '0b7c3f6e-2a41-4f4e-9d38-5f0a4c1e2b7d',
    itemId: 'item-1',
    source: 'https://doi.org/10.1056/nejmoa2024816',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: null,
      page: null,
    },
    colour: 'yellow',
    note,
    noteId: null,
    tags,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('annotationExportParts', () => {
  it('names the quote, the note and the tags of each highlight', () => {
    const parts = annotationExportParts([
      {
        title: 'Dapagliflozin in Patients with Chronic Kidney Disease',
        annotations: [
          highlight('reduced kidney function decline', 'Like John Smith', ['ckd', 'sglt2']),
        ],
      },
    ]);
    expect(parts).toEqual([
      {
        where: 'Your highlight in “Dapagliflozin in Patients with Chronic…”',
        text: 'reduced kidney function decline',
      },
      { where: 'Your note on “reduced kidney function…”', text: 'Like John Smith' },
      { where: 'Your tags on “reduced kidney function…”', text: 'ckd, sglt2' },
    ]);
  });
});

function sessionView(): SessionView {
  return {
    sessionId: 'session-1',
    clubId: 'club-1',
    clubName: 'NephJC',
    hashtag: '#NephJC',
    myMemberId: 'me',
    metadata: {
      title: 'DAPA-CKD',
      papers: [{ paperId: 'paper-1', doi: null }],
      startsAt: null,
      timeZone: null,
      presenterId: null,
      status: 'live',
      discussionWindow: null,
    },
    startsAtInstant: null,
    presenterNotes: 'Read the supplement.',
    bottomLine: 'Use it.',
    discussionText: 'Mrs Jane Doe on our ward had the same.',
    papers: [
      {
        paperId: 'paper-1',
        itemId: null,
        doi: null,
        title: 'Dapagliflozin in CKD',
        authors: ['Hiddo Heerspink'],
        journal: 'N Engl J Med',
        year: 2020,
        appraisal: {
          ...EMPTY_PAPER_APPRAISAL,
          pico: { ...EMPTY_PAPER_APPRAISAL.pico, population: 'Adults with CKD' },
          evidenceLevel: { level: 2, reason: 'A large randomised trial' },
        },
        suggestedDesign: null,
        agreement: null,
      },
    ],
    members: [
      {
        memberId: 'ben',
        name: 'Ben Okafor',
        profession: 'Nephrologist',
        role: 'member',
        isMe: false,
        answers: {
          'paper-1': {
            'rct.allocation-hidden': {
              answer: 'yes',
              reason: 'Central web randomisation',
              citedHighlightIds: [],
            },
          },
        },
        vote: { vote: 'yes', reason: 'Convincing' },
        attendance: null,
        highlights: [
          {
            annotationId: 'a-1',
            paperId: 'paper-1',
            quote: 'eGFR decline',
            page: null,
            colour: 'yellow',
            note: 'Key',
          },
        ],
      },
      {
        memberId: 'me',
        name: 'Ana Silva',
        profession: 'Nephrologist',
        role: 'organiser',
        isMe: true,
        answers: {},
        vote: null,
        attendance: null,
        highlights: [],
      },
    ],
    actions: [
      {
        actionId: 'action-1',
        addedBy: 'me',
        item: { text: 'Audit our SGLT2 prescribing', ownerId: null, dueDate: null, done: false },
        ownerName: null,
      },
    ],
    tally: { yes: 1, no: 0, 'not-sure': 0 },
    canClose: { canClose: true },
    sync: { status: 'off', serverUrl: null, hasToken: false, problem: null },
    dropped: 0,
  };
}

describe('sessionExportParts', () => {
  it('lists the typed text of the session, each named where the user edits it', () => {
    const parts = sessionExportParts(sessionView()).filter((part) => part.text !== '');
    expect(parts).toEqual([
      { where: 'Presenter’s notes', text: 'Read the supplement.' },
      { where: 'Discussion', text: 'Mrs Jane Doe on our ward had the same.' },
      { where: 'Bottom line', text: 'Use it.' },
      { where: 'Population of “Dapagliflozin in CKD”', text: 'Adults with CKD' },
      { where: 'Level of evidence of “Dapagliflozin in CKD”', text: 'A large randomised trial' },
      {
        where:
          'Ben Okafor’s answer to “Was the next allocation hidden from the people enrolling patients?”',
        text: 'Central web randomisation',
      },
      { where: 'Ben Okafor’s vote', text: 'Convincing' },
      { where: 'Ben Okafor’s highlight in “Dapagliflozin in CKD”', text: 'eGFR decline' },
      { where: 'Ben Okafor’s note on “eGFR decline”', text: 'Key' },
      { where: 'Action “Audit our SGLT2…”', text: 'Audit our SGLT2 prescribing' },
    ]);
  });

  it('never scans member names, paper titles or authors', () => {
    const texts = sessionExportParts(sessionView()).map((part) => part.text);
    for (const name of ['Ben Okafor', 'Ana Silva', 'Hiddo Heerspink', 'Dapagliflozin in CKD']) {
      expect(texts).not.toContain(name);
    }
    expect(
      findingsToResolve(sessionExportParts(sessionView()), []).map(({ text, where }) => ({
        text,
        where,
      })),
    ).toEqual([{ text: 'Mrs Jane Doe', where: 'Discussion' }]);
  });
});

describe('members named in the session', () => {
  it('are not findings, whole, by one word or with a title; a patient still is', () => {
    const scan = scanIgnoringNames(['Ben Okafor', 'Ana Silva']);
    const names = (text: string) => scan(text).map((finding) => finding.text);
    expect(names('Ben Okafor will present and Dr Okafor chairs.')).toEqual([]);
    expect(names('Mrs Jane Doe on our ward; Ana Silva saw her.')).toEqual(['Mrs Jane Doe']);
  });

  it('are let through in a session’s findings', () => {
    const view = sessionView();
    view.discussionText = 'Ben Okafor says Mrs Jane Doe did well.';
    expect(sessionFindingsToResolve(view, []).map((finding) => finding.text)).toEqual([
      'Mrs Jane Doe',
    ]);
  });
});
