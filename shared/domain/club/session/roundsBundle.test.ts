import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeBase64 } from './base64';
import {
  createSessionDoc,
  discussionOf,
  encodeState,
  setAnswer,
  setVote,
  stateVector,
} from './sessionDocument';
import { readSession } from './sessionSnapshot';
import {
  checkRoundsBundleSize,
  exportRoundsBundle,
  importRoundsBundle,
  MAX_ROUNDS_BUNDLE_BYTES,
  parseRoundsBundle,
  ROUNDS_BUNDLE_FORMAT,
  ROUNDS_BUNDLE_VERSION,
  type BundlePaper,
} from './roundsBundle';

const PAPER: BundlePaper = {
  paperId: 'paper-1',
  doi: '10.1056/NEJMoa2024816',
  title: 'Dapagliflozin in Patients with Chronic Kidney Disease',
  authors: ['Heerspink HJL', 'Stefánsson BV'],
  journal: 'N Engl J Med',
  year: 2020,
  content: { format: 'html', body: '<p>Abstract</p>' },
  pdf: {
    fileName: 'dapa-ckd.pdf',
    bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0x00]),
  },
};

function anasSession(): Y.Doc {
  const doc = createSessionDoc('session-1', {
    title: 'DAPA-CKD',
    papers: [{ paperId: 'paper-1', doi: null }],
  });
  setAnswer(doc, 'ana', 'rct-1', {
    answer: 'yes',
    reason: 'Clear PICO',
    citedHighlightIds: ['h1'],
  });
  setVote(doc, 'ana', { vote: 'yes', reason: '' });
  discussionOf(doc).insert(0, 'Ana opens the discussion.');
  return doc;
}

function exported(doc: Y.Doc = anasSession(), papers: BundlePaper[] = [PAPER]): string {
  return exportRoundsBundle(doc, { papers, exportedAt: '2026-12-02T10:00:00.000Z' });
}

/** Imports `text` into a copy of Ben's session and proves the failure left it exactly as it was. */
function expectRefusedUnchanged(text: string, problem: string, message: RegExp): void {
  const doc = createSessionDoc('session-1', { title: 'DAPA-CKD' });
  setVote(doc, 'ben', { vote: 'no', reason: 'Cost' });
  const before = { state: stateVector(doc), snapshot: readSession(doc).snapshot };
  const result = importRoundsBundle(doc, text);
  expect(result).toMatchObject({ ok: false, problem });
  if (result.ok) return;
  expect(result.message).toMatch(message);
  expect(stateVector(doc)).toEqual(before.state);
  expect(readSession(doc).snapshot).toEqual(before.snapshot);
}

function withEnvelope(change: (envelope: Record<string, unknown>) => void): string {
  const envelope = JSON.parse(exported()) as Record<string, unknown>;
  change(envelope);
  return JSON.stringify(envelope);
}

describe('the .rounds bundle', () => {
  it('carries the session, the papers with their content and PDF, and the Yjs update', () => {
    const text = exported();
    const envelope = JSON.parse(text) as Record<string, unknown>;
    expect(envelope).toMatchObject({
      format: ROUNDS_BUNDLE_FORMAT,
      version: ROUNDS_BUNDLE_VERSION,
      sessionId: 'session-1',
      exportedAt: '2026-12-02T10:00:00.000Z',
      session: { title: 'DAPA-CKD' },
    });
    const parsed = parseRoundsBundle(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.bundle.papers).toEqual([PAPER]);
    expect(parsed.bundle.metadata.title).toBe('DAPA-CKD');
  });

  it('merges into a member’s own session without losing their work, and a second import changes nothing', () => {
    const bens = createSessionDoc('session-1', { title: 'DAPA-CKD' });
    setAnswer(bens, 'ben', 'rct-1', { answer: 'no', reason: 'Open label', citedHighlightIds: [] });
    const text = exported();

    const first = importRoundsBundle(bens, text);
    expect(first).toMatchObject({ ok: true, changed: true });
    const merged = readSession(bens).snapshot;
    expect(merged.members.ana?.answers['rct-1']?.answer).toBe('yes');
    expect(merged.members.ben?.answers['rct-1']?.answer).toBe('no');
    expect(merged.discussion).toBe('Ana opens the discussion.');

    const again = importRoundsBundle(bens, text);
    expect(again).toMatchObject({ ok: true, changed: false });
    expect(readSession(bens).snapshot).toEqual(merged);
  });

  it('reports a bundle that only removes something as a change', () => {
    const anas = anasSession();
    const bens = new Y.Doc();
    importRoundsBundle(bens, exported(anas));
    setVote(anas, 'ana', null);
    expect(importRoundsBundle(bens, exported(anas))).toMatchObject({ ok: true, changed: true });
    expect(readSession(bens).snapshot.members.ana?.vote).toBeNull();
  });

  it('imports into a fresh document for a session the member does not have yet', () => {
    const fresh = new Y.Doc();
    expect(importRoundsBundle(fresh, exported())).toMatchObject({ ok: true, changed: true });
    expect(readSession(fresh).snapshot.sessionId).toBe('session-1');
  });

  it('exports a bundle without PDFs when none are given', () => {
    const parsed = parseRoundsBundle(exported(anasSession(), [{ ...PAPER, pdf: null }]));
    expect(parsed.ok && parsed.bundle.papers[0]?.pdf).toBeNull();
  });

  it('refuses a bundle made by a newer version of Rounds', () => {
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        envelope.version = ROUNDS_BUNDLE_VERSION + 1;
        envelope.somethingNew = { shape: 'unknown' };
      }),
      'newer-version',
      /made by a newer version of Rounds/,
    );
  });

  it('refuses a file that is not a bundle at all', () => {
    expectRefusedUnchanged('{"format":"zotero"}', 'not-a-bundle', /not a Rounds session bundle/);
    expectRefusedUnchanged('[1,2]', 'not-a-bundle', /not a Rounds session bundle/);
  });

  it('refuses damaged bundles with a message that says what is damaged', () => {
    const text = exported();
    expectRefusedUnchanged(text.slice(0, text.length - 10), 'damaged', /not valid JSON/);
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        envelope.yjsUpdate = 'not base64!';
      }),
      'damaged',
      /session data is not valid base64/,
    );
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        envelope.yjsUpdate = encodeBase64(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
      }),
      'damaged',
      /session data cannot be read/,
    );
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        const update = encodeState(anasSession());
        envelope.yjsUpdate = encodeBase64(update.slice(0, update.length - 4));
      }),
      'damaged',
      /session data cannot be read/,
    );
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        (envelope.papers as Record<string, unknown>[])[0]!.title = 42;
      }),
      'damaged',
      /papers\.0\.title/,
    );
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        const paper = (envelope.papers as Record<string, Record<string, unknown>>[])[0]!;
        paper.pdf!.base64 = '%%%%';
      }),
      'damaged',
      /PDF of “Dapagliflozin in Patients with Chronic Kidney Disease” is not valid base64/,
    );
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        envelope.sessionId = 'session-2';
      }),
      'damaged',
      /session data belongs to another session/,
    );
  });

  it('refuses a Yjs update that only adds to a state the bundle does not carry', () => {
    const doc = anasSession();
    const before = stateVector(doc);
    setAnswer(doc, 'ana', 'rct-2', { answer: 'no', reason: '', citedHighlightIds: [] });
    expectRefusedUnchanged(
      withEnvelope((envelope) => {
        envelope.yjsUpdate = encodeBase64(encodeState(doc, before));
      }),
      'damaged',
      /incomplete/,
    );
  });

  it('refuses a bundle for another session than the one it is imported into', () => {
    const other = createSessionDoc('session-2', { title: 'Another' });
    const before = stateVector(other);
    const result = importRoundsBundle(other, exported());
    expect(result).toEqual({
      ok: false,
      problem: 'other-session',
      message: 'This bundle is for another session (“DAPA-CKD”), not this one.',
    });
    expect(stateVector(other)).toEqual(before);
  });

  it('refuses a bundle over the size limit of 64 MiB, before reading it', () => {
    expect(MAX_ROUNDS_BUNDLE_BYTES).toBe(64 * 1024 * 1024);
    expect(checkRoundsBundleSize(MAX_ROUNDS_BUNDLE_BYTES)).toBeNull();
    expect(checkRoundsBundleSize(MAX_ROUNDS_BUNDLE_BYTES + 1)).toEqual({
      ok: false,
      problem: 'too-large',
      message:
        'This bundle is 64.1 MB; Rounds imports bundles of at most 64 MB. Ask for it to be exported without PDFs.',
    });
    expectRefusedUnchanged(
      ' '.repeat(MAX_ROUNDS_BUNDLE_BYTES + 100_000),
      'too-large',
      /at most 64 MB/,
    );
    // Multi-byte text counts in UTF-8 bytes, as it is stored on disk.
    expectRefusedUnchanged(
      'é'.repeat(MAX_ROUNDS_BUNDLE_BYTES / 2 + 1),
      'too-large',
      /at most 64 MB/,
    );
  });
});
