import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createSessionDoc,
  encodeState,
  setBottomLine,
  setPresenterNotes,
} from '@shared/domain/club/session/sessionDocument';
import { readSession } from '@shared/domain/club/session/sessionSnapshot';
import { YjsSessionFiles } from '../../adapters/club/YjsSessionFiles';
import { ClubRecords } from './ClubRecords';
import type { ClubState, ClubStore } from './ports';
import { SessionDocuments } from './SessionDocuments';

const NOW = () => new Date('2026-12-02T10:00:00.000Z');
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-session-documents-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A club store in memory holding one offline club with session `s-1`. */
function storeWithOneSession(): ClubStore {
  let state: ClubState = {
    profile: null,
    clubs: [
      {
        clubId: 'c-1',
        name: 'Renal JC',
        hashtag: '',
        timeZone: 'Europe/London',
        defaultDisclosure: 'initials',
        members: [],
        serverUrl: null,
        online: true,
        sessionIds: ['s-1'],
      },
    ],
  };
  return {
    state: () => state,
    saveState: (next) => {
      state = next;
      return Promise.resolve();
    },
    cpdEntries: () => [],
    saveCpdEntries: () => Promise.resolve(),
    token: () => null,
    saveToken: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

async function openDocuments() {
  const files = await YjsSessionFiles.open(dataDir, { now: NOW });
  await files.write('s-1', encodeState(createSessionDoc('s-1', { title: 'Dapagliflozin in CKD' })));
  const writes: string[] = [];
  const scheduled: (() => void)[] = [];
  const store = storeWithOneSession();
  const documents = new SessionDocuments({
    records: new ClubRecords(store, () => 'id', 'Europe/London'),
    store,
    files: {
      read: (sessionId) => files.read(sessionId),
      write: async (sessionId, update) => {
        writes.push(sessionId);
        await files.write(sessionId, update);
      },
    },
    notices: { add: () => Promise.resolve() },
    sync: null,
    scheduleSoon: (run) => scheduled.push(run),
  });
  const onDisk = async () => {
    const read = await files.read('s-1');
    const doc = new Y.Doc();
    if (read.update) Y.applyUpdate(doc, read.update);
    return readSession(doc).snapshot;
  };
  return { documents, writes, scheduled, onDisk };
}

/** An update made on another member's machine, as the sync server would deliver it. */
function remoteUpdate(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const other = new Y.Doc();
  Y.applyUpdate(other, encodeState(base));
  const before = Y.encodeStateVector(other);
  change(other);
  return Y.encodeStateAsUpdate(other, before);
}

describe('SessionDocuments', () => {
  it('has a change made here on disk before the call resolves', async () => {
    const { documents, writes, onDisk } = await openDocuments();
    const session = await documents.openSession('s-1');
    if (!session) throw new Error('the session did not open');
    await documents.changeDoc(session, () => setBottomLine(session.doc, 'Worth adopting'));
    expect(writes).toEqual(['s-1']);
    expect((await onDisk()).bottomLine).toBe('Worth adopting');
  });

  it('saves a burst of changes from the sync server in one write, and tells the windows each', async () => {
    const { documents, writes, scheduled, onDisk } = await openDocuments();
    const session = await documents.openSession('s-1');
    if (!session) throw new Error('the session did not open');
    const told: string[] = [];
    documents.onDidChange(({ sessionId }) => told.push(sessionId));
    const notes = remoteUpdate(session.doc, (doc) => setPresenterNotes(doc, 'Read the appendix'));
    const verdict = remoteUpdate(session.doc, (doc) => setBottomLine(doc, 'Worth adopting'));
    Y.applyUpdate(session.doc, notes, 'sync-server');
    Y.applyUpdate(session.doc, verdict, 'sync-server');
    expect(told).toEqual(['s-1', 's-1']);
    expect(writes).toEqual([]);
    for (const run of scheduled.splice(0)) run();
    await documents.close();
    expect(writes).toEqual(['s-1']);
    const saved = await onDisk();
    expect(saved.presenterNotes).toBe('Read the appendix');
    expect(saved.bottomLine).toBe('Worth adopting');
  });

  it('saves changes from the sync server still waiting when it closes', async () => {
    const { documents, writes, onDisk } = await openDocuments();
    const session = await documents.openSession('s-1');
    if (!session) throw new Error('the session did not open');
    Y.applyUpdate(
      session.doc,
      remoteUpdate(session.doc, (doc) => setBottomLine(doc, 'Not yet')),
      'sync-server',
    );
    await documents.close();
    expect(writes).toEqual(['s-1']);
    expect((await onDisk()).bottomLine).toBe('Not yet');
  });
});
