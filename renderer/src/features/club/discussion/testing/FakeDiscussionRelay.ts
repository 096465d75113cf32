import * as Y from 'yjs';
import { fail, ok } from '@shared/contract';
import { decodeBase64, encodeBase64 } from '@shared/domain/club/session/base64';
import { bootstrapDiscussion } from '@shared/domain/club/session/discussionBootstrap';
import {
  checkDiscussionOnlyUpdate,
  type DiscussionOnlyVerdict,
} from '@shared/domain/club/session/discussionOnlyUpdate';
import { createSessionDoc } from '@shared/domain/club/session/sessionDocument';
import type { DiscussionRelay } from '../ContractRelayProvider';

// The backend's side of the discussion relay, over a real session Y.Doc: it hands out the state,
// checks each window's update with checkDiscussionOnlyUpdate as the club service does, merges it
// and tells every window (the sender too) what changed. Events arrive a microtask later, as over
// IPC or Server-Sent Events.

interface SentUpdate {
  update: Uint8Array;
  verdict: DiscussionOnlyVerdict;
}

export class FakeDiscussionRelay implements DiscussionRelay {
  readonly doc: Y.Doc;
  /** Every update the windows sent, with what the check said of it. */
  readonly sent: SentUpdate[] = [];
  /** The most requests in flight at once, to show that a window never sends two at a time. */
  mostInFlight = 0;
  /** While set, `discussionUpdate` fails with this message (as a refusal would). */
  refuseWith: string | null = null;
  /** While set, `documentState` waits for this promise, as a slow backend would. */
  stateGate: Promise<void> | null = null;

  private inFlight = 0;
  private readonly listeners = new Set<(change: { sessionId: string; update: string }) => void>();

  constructor(readonly sessionId = 'session-1') {
    this.doc = createSessionDoc(sessionId, { title: 'Dapagliflozin in CKD' });
    bootstrapDiscussion(this.doc);
  }

  documentState: DiscussionRelay['documentState'] = async ({ sessionId }) => {
    if (this.stateGate !== null) await this.stateGate;
    if (sessionId !== this.sessionId) return fail('not-found', 'This session is not here.');
    return ok({ update: encodeBase64(Y.encodeStateAsUpdate(this.doc)) });
  };

  discussionUpdate: DiscussionRelay['discussionUpdate'] = async ({ sessionId, update }) => {
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    try {
      // A turn of the event loop, so that a window that did not wait would overlap requests.
      await Promise.resolve();
      if (sessionId !== this.sessionId) return fail('not-found', 'This session is not here.');
      if (this.refuseWith !== null) return fail('invalid-update', this.refuseWith);
      const bytes = decodeBase64(update) ?? new Uint8Array();
      const verdict = checkDiscussionOnlyUpdate(this.doc, bytes);
      this.sent.push({ update: bytes, verdict });
      if (!verdict.ok) return fail('invalid-update', verdict.message);
      Y.applyUpdate(this.doc, bytes, 'window');
      this.announce(sessionId, update);
      return ok({ applied: true as const });
    } finally {
      this.inFlight -= 1;
    }
  };

  onDidChangeSession: DiscussionRelay['onDidChangeSession'] = (listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes the session as another member's edit would, and tells the windows. */
  changeElsewhere(edit: (doc: Y.Doc) => void): void {
    const updates: Uint8Array[] = [];
    const record = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', record);
    try {
      edit(this.doc);
    } finally {
      this.doc.off('update', record);
    }
    for (const update of updates) this.announce(this.sessionId, encodeBase64(update));
  }

  /** Sends `onDidChangeSession` to every window, as the backend does after any change. */
  announce(sessionId: string, update: string): void {
    const change = { sessionId, update };
    queueMicrotask(() => this.listeners.forEach((listener) => listener(change)));
  }

  /** How many windows are listening for changes. */
  get listenerCount(): number {
    return this.listeners.size;
  }
}
