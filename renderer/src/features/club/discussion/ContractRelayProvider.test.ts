import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { discussionOf, setVote } from '@shared/domain/club/session/sessionDocument';
import { ContractRelayProvider } from './ContractRelayProvider';
import { FakeDiscussionRelay } from './testing/FakeDiscussionRelay';

// The provider on its own, over the fake backend, with plain Yjs edits standing in for the editor's.

function open(relay: FakeDiscussionRelay) {
  const doc = new Y.Doc();
  const problems: string[] = [];
  const synced: boolean[] = [];
  const provider = new ContractRelayProvider({
    sessionId: relay.sessionId,
    doc,
    relay,
    onProblem: (message) => problems.push(message),
  });
  provider.on('sync', (isSynced) => synced.push(isSynced));
  return { doc, provider, problems, synced };
}

/** Lets the fake backend answer and deliver its events (promises and microtasks only). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
}

describe('ContractRelayProvider', () => {
  it('loads the session into the window’s copy and reports it synced', async () => {
    const relay = new FakeDiscussionRelay();
    const window = open(relay);
    window.provider.connect();
    expect(window.synced).toEqual([]);
    await settle();
    expect(window.synced).toEqual([true]);
    expect(Y.encodeStateVector(window.doc)).toEqual(Y.encodeStateVector(relay.doc));
    expect(relay.sent).toEqual([]);
  });

  it('sends local edits one request at a time, in order, and the backend ends with them all', async () => {
    const relay = new FakeDiscussionRelay();
    const window = open(relay);
    window.provider.connect();
    await settle();

    const discussion = discussionOf(window.doc);
    for (const word of ['one ', 'two ', 'three']) discussion.insert(discussion.length, word);
    await settle();

    expect(relay.mostInFlight).toBe(1);
    expect(relay.sent.every((sent) => sent.verdict.ok)).toBe(true);
    expect(discussionOf(relay.doc).toString()).toContain('one two three');
    expect(window.problems).toEqual([]);
  });

  it('applies the backend’s changes for this session only, without sending them back', async () => {
    const relay = new FakeDiscussionRelay();
    const window = open(relay);
    window.provider.connect();
    await settle();

    relay.announce('another-session', 'AAA=');
    relay.changeElsewhere((doc) => setVote(doc, 'ben', { vote: 'yes', reason: '' }));
    await settle();

    expect(window.doc.getMap('votes').get('ben')).toEqual({ vote: 'yes', reason: '' });
    expect(relay.sent).toEqual([]);
    expect(window.problems).toEqual([]);
  });

  it('says so when the backend sends a change the window cannot read', async () => {
    const relay = new FakeDiscussionRelay();
    const window = open(relay);
    window.provider.connect();
    await settle();

    relay.announce(relay.sessionId, '////');
    relay.announce(relay.sessionId, 'not base64');
    await settle();

    expect(window.problems).toEqual([
      'The session sent to this window could not be read, so the discussion cannot be shown. Reload the session.',
      'The session sent to this window could not be read, so the discussion cannot be shown. Reload the session.',
    ]);
  });

  it('reports a refusal once and sends nothing after it', async () => {
    const relay = new FakeDiscussionRelay();
    const window = open(relay);
    window.provider.connect();
    await settle();

    relay.refuseWith = 'The session is closed, so the discussion can no longer change.';
    discussionOf(window.doc).insert(0, 'late');
    await settle();
    relay.refuseWith = null;
    discussionOf(window.doc).insert(0, 'later still');
    await settle();

    expect(window.problems).toEqual([
      'The session is closed, so the discussion can no longer change.',
    ]);
    expect(relay.sent).toEqual([]);
  });

  it('does not send an edit too large for one request, and says what to do', async () => {
    const relay = new FakeDiscussionRelay();
    const window = open(relay);
    window.provider.connect();
    await settle();

    discussionOf(window.doc).insert(0, 'x'.repeat(3_200_000));
    await settle();

    expect(window.problems).toEqual([
      'That edit is too large for the discussion (over 3 MB, usually a very long paste), so it was not saved. Paste it in smaller parts.',
    ]);
    expect(relay.sent).toEqual([]);
  });

  it('stops listening when disconnected and ignores a state that arrives after', async () => {
    const relay = new FakeDiscussionRelay();
    let release = () => undefined as void;
    relay.stateGate = new Promise((resolve) => (release = resolve));
    const window = open(relay);
    window.provider.connect();
    expect(relay.listenerCount).toBe(1);
    window.provider.disconnect();
    expect(relay.listenerCount).toBe(0);
    release();
    await settle();
    expect(window.synced).toEqual([]);
    expect(discussionOf(window.doc).length).toBe(0);
  });
});
