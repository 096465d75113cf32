import type { Provider } from '@lexical/yjs';
import { ObservableV2 } from 'lib0/observable';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MAX_DISCUSSION_UPDATE_BASE64, type Api } from '@shared/contract';
import { decodeBase64, encodeBase64 } from '@shared/domain/club/session/base64';

// @lexical/yjs expects a network provider (y-websocket's shape). The window has none: the backend
// holds the session and relays it, so this provider speaks the club contract instead. The window's
// Y.Doc is a working copy: the backend's state comes in through `documentState` and
// `onDidChangeSession`, and the edits the editor makes go out through `discussionUpdate`, which
// merges them only if they touch nothing but the discussion.

/** The part of the club service the discussion needs; the app passes `api.club`. */
export type DiscussionRelay = Pick<
  Api['club'],
  'documentState' | 'discussionUpdate' | 'onDidChangeSession'
>;

interface ProviderEvents {
  sync: (isSynced: boolean) => void;
  status: (event: { status: string }) => void;
  update: (payload: unknown) => void;
  reload: (doc: Y.Doc) => void;
}

export interface ContractRelayProviderOptions {
  sessionId: string;
  /** The window's copy of the session; this provider is the only one to apply the backend's state. */
  doc: Y.Doc;
  relay: DiscussionRelay;
  /**
   * Told, with a sentence for the user, when the session cannot be loaded or an edit was not
   * saved. After an edit is refused nothing more is sent: later edits build on it and would be
   * refused too.
   */
  onProblem: (message: string) => void;
}

const UNREADABLE_STATE =
  'The session sent to this window could not be read, so the discussion cannot be shown. Reload the session.';
const BACKEND_UNREACHABLE =
  'The app did not answer, so your latest discussion edits were not saved. Copy them somewhere safe and reload the session.';
const LOAD_UNREACHABLE =
  'The app did not answer, so the discussion could not be loaded. Reload the session.';
const TOO_LARGE =
  'That edit is too large for the discussion (over 3 MB, usually a very long paste), so it was not saved. Paste it in smaller parts.';

/** The largest update one request carries: base64 writes 4 characters for every 3 bytes. */
const MAX_UPDATE_BYTES = Math.floor((MAX_DISCUSSION_UPDATE_BASE64 / 4) * 3);

/** A Lexical collaboration provider over the club contract (see the file comment). */
export class ContractRelayProvider extends ObservableV2<ProviderEvents> implements Provider {
  /** Cursors and names stay in this window: there is no one to share them with over the relay. */
  readonly awareness: Awareness & Provider['awareness'];

  private readonly sessionId: string;
  private readonly doc: Y.Doc;
  private readonly relay: DiscussionRelay;
  private readonly onProblem: (message: string) => void;

  /** Bumped by every connect and disconnect, so a late answer to an old connect is ignored. */
  private connection = 0;
  private connected = false;
  private stopListening: (() => void) | null = null;

  /** Local edits not yet handed to the backend, oldest first. */
  private unsent: Uint8Array[] = [];
  private sending = false;
  /** Set once an edit was not saved: later edits build on it, so none is sent after it. */
  private halted = false;

  constructor({ sessionId, doc, relay, onProblem }: ContractRelayProviderOptions) {
    super();
    this.sessionId = sessionId;
    this.doc = doc;
    this.relay = relay;
    this.onProblem = onProblem;
    // y-protocols types awareness states as plain records; Lexical's Provider names their fields.
    this.awareness = new Awareness(doc) as Awareness & Provider['awareness'];
    // Kept for the provider's whole life, connected or not: an edit made just before the editor
    // closes is still sent.
    doc.on('update', this.queueLocalEdit);
  }

  /** Synchronous on purpose: CollaborationPlugin disconnects after a returned promise settles. */
  connect(): void {
    if (this.connected) return;
    this.connected = true;
    const connection = ++this.connection;
    this.emit('status', [{ status: 'connecting' }]);
    // Listen before asking, so a change made meanwhile is not missed (Yjs merges in any order).
    this.stopListening = this.relay.onDidChangeSession((change) => {
      if (change.sessionId === this.sessionId) this.applyFromBackend(change.update);
    });
    this.relay.documentState({ sessionId: this.sessionId }).then(
      (result) => {
        if (connection !== this.connection) return;
        if (!result.ok) {
          this.onProblem(result.message);
          return;
        }
        if (!this.applyFromBackend(result.value.update)) return;
        this.emit('status', [{ status: 'connected' }]);
        this.emit('sync', [true]);
      },
      () => {
        if (connection === this.connection) this.onProblem(LOAD_UNREACHABLE);
      },
    );
  }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.connection += 1;
    this.stopListening?.();
    this.stopListening = null;
    // Stops the awareness's expiry timer, which would otherwise outlive the editor; a later
    // connect sets the local state again.
    this.awareness.destroy();
    this.emit('status', [{ status: 'disconnected' }]);
  }

  private applyFromBackend(base64: string): boolean {
    const update = decodeBase64(base64);
    if (update !== null) {
      try {
        Y.applyUpdate(this.doc, update, this);
        return true;
      } catch {
        // Reported below, as for text that is not base64 at all.
      }
    }
    this.onProblem(UNREADABLE_STATE);
    return false;
  }

  private readonly queueLocalEdit = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.halted) return;
    this.unsent.push(update);
    void this.sendInOrder();
  };

  /** One request at a time, in the order the edits were made; edits made meanwhile go as one. */
  private async sendInOrder(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.unsent.length > 0 && !this.halted) {
        const batch = this.takeBatch();
        const problem =
          batch.length > MAX_UPDATE_BYTES ? TOO_LARGE : await this.send(encodeBase64(batch));
        if (problem !== null) {
          this.halted = true;
          this.unsent = [];
          this.onProblem(problem);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** The oldest unsent edits merged into one update, as many as fit in one request. */
  private takeBatch(): Uint8Array {
    let count = 0;
    let bytes = 0;
    for (const update of this.unsent) {
      if (count > 0 && bytes + update.length > MAX_UPDATE_BYTES) break;
      count += 1;
      bytes += update.length;
    }
    const taken = this.unsent.splice(0, count);
    return taken.length === 1 && taken[0] !== undefined ? taken[0] : Y.mergeUpdates(taken);
  }

  /** Null once the backend merged the update, or the sentence saying why it did not. */
  private async send(update: string): Promise<string | null> {
    try {
      const result = await this.relay.discussionUpdate({ sessionId: this.sessionId, update });
      return result.ok ? null : result.message;
    } catch {
      return BACKEND_UNREACHABLE;
    }
  }
}
