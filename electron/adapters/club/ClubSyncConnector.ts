// The member side of a club's live sync: y-websocket's WebsocketProvider running in Node (ws as
// its WebSocket), presenting the club's access token the way the club server expects it (as a
// WebSocket subprotocol, see clubProtocol.ts), and turning the provider's events into the three
// states a member sees, each offline state with a sentence saying why.
import type { ClientRequest, IncomingMessage } from 'node:http';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { clubSyncProtocols } from '../../club-server/clubProtocol';
import { isValidDocumentName } from '../../club-server/documentName';
import { isLoopbackAddress } from '../../host/parseHostArgs';
import type { SessionSyncLink, SyncServerAddress, SyncStatus } from '../../services/club/ports';

export type { SessionSyncLink, SyncServerAddress, SyncStatus };

/** The result of {@link ClubSyncConnector.checkAddress}. */
export type AddressCheck = { ok: true; url: string } | { ok: false; message: string };

/** What the connector tells about a session: a status and, when offline, why. */
export type SyncStatusListener = (status: SyncStatus, problem: string | null) => void;

// Short enough that a server restarted after an update is found again within seconds.
const DEFAULT_MAX_BACKOFF_MS = 2_500;

/** Close code ws reports when a message exceeded the peer's size limit (RFC 6455 "too big"). */
const CLOSE_MESSAGE_TOO_BIG = 1009;

const EXAMPLE_ADDRESS = 'wss://club.example.org:8443';

const PROBLEMS = {
  tokenRefused:
    'Sync: the server refused the access token. Check the token with the club organiser and ' +
    'enter it again; your changes are kept on this computer.',
  sessionRefused:
    'Sync: the server does not accept this session\'s id (only letters, digits, "-" and "_", ' +
    'at most 128).',
  unreachable:
    'Sync: the server cannot be reached. Rounds keeps trying; your changes are kept on this ' +
    'computer.',
  nameNotFound:
    "Sync: the server's name could not be found. Check the address; Rounds keeps trying.",
  certificateNotTrusted:
    "Sync: the server's certificate is not trusted by this computer. Ask the club organiser " +
    'for a certificate from a recognised authority; Rounds keeps trying.',
  closed:
    'Sync: the server closed the connection. Rounds keeps trying; your changes are kept on ' +
    'this computer.',
  messageTooBig:
    'Sync: the server closed the connection because a change was larger than it accepts. ' +
    "Ask the server's administrator to raise its limit (--max-message-bytes).",
  silent:
    'Sync: the server stopped answering. Rounds keeps trying; your changes are kept on this ' +
    'computer.',
  busy: 'Sync: the server is busy or restarting. Rounds keeps trying.',
  documentUnreadable:
    "Sync: the server could not open this session's shared document. Ask the server's " +
    'administrator to look at its log; Rounds keeps trying.',
} as const;

/** Connects club sessions' documents to a club sync server. */
export class ClubSyncConnector {
  private readonly maxBackoffMs: number;

  constructor(options: { maxBackoffMs?: number } = {}) {
    this.maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  }

  /**
   * Keeps `doc` in step with room `sessionId` on the server until close(); reconnects by itself,
   * except after the server refused the token (only the user can fix that). Remote changes are
   * applied with the connection as transaction origin. `onStatus` is first called before this
   * returns; an unusable address or session id is reported there as 'offline', never thrown.
   */
  connect(
    sessionId: string,
    doc: Y.Doc,
    server: SyncServerAddress,
    onStatus: SyncStatusListener,
  ): SessionSyncLink {
    const address = this.checkAddress(server.url);
    if (!address.ok) {
      onStatus('offline', `Sync: the server's address cannot be used. ${address.message}`);
      return { close: () => {} };
    }
    if (!isValidDocumentName(sessionId)) {
      onStatus('offline', PROBLEMS.sessionRefused);
      return { close: () => {} };
    }
    return new SyncLink(sessionId, doc, address.url, server.token, this.maxBackoffMs, onStatus);
  }

  /**
   * Checks a typed server address: ws:// or wss:// (http(s):// becomes ws(s)://), a host and an
   * optional port, nothing else. Plain ws:// only to this computer, since the token travels in
   * the connection request and would otherwise cross the network in clear.
   */
  checkAddress(url: string): AddressCheck {
    const typed = url.trim();
    if (typed === '') {
      return refusal(
        `Enter the address of the club's sync server, for example ${EXAMPLE_ADDRESS}.`,
      );
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(typed)?.[1]?.toLowerCase();
    const socketScheme = scheme === undefined ? undefined : SOCKET_SCHEMES[scheme];
    if (socketScheme === undefined) {
      return refusal(
        'Start the address with wss:// (or ws:// for a server on this computer), for example ' +
          `${EXAMPLE_ADDRESS}.`,
      );
    }
    // Checked on the typed text: URL drops an empty "?" or "#" without a trace.
    if (typed.includes('?')) {
      return refusal(
        'Leave out the part from "?": the address is only the server, and the access token ' +
          'goes in its own field.',
      );
    }
    if (typed.includes('#')) {
      return refusal(
        `Leave out the part from "#": the address is only the server, like ${EXAMPLE_ADDRESS}.`,
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(`${socketScheme}://${typed.slice(`${scheme}://`.length)}`);
    } catch {
      return refusal(
        `"${typed}" is not a valid address: it should look like ${EXAMPLE_ADDRESS} ` +
          '(a server name or IP address and, if needed, a port from 1 to 65535).',
      );
    }
    if (parsed.username !== '' || parsed.password !== '') {
      return refusal(
        'Leave the name or password out of the address: the access token goes in its own field.',
      );
    }
    if (parsed.pathname !== '/' && parsed.pathname !== '') {
      return refusal(
        `Leave the path ("${parsed.pathname}") out of the address: it is only the server, like ` +
          `${EXAMPLE_ADDRESS}.`,
      );
    }
    if (socketScheme === 'ws' && !isLoopbackAddress(parsed.hostname)) {
      return refusal(
        'Use wss:// for a server on another computer: with ws:// the access token would cross ' +
          'the network unencrypted.',
      );
    }
    return { ok: true, url: `${socketScheme}://${parsed.host}` };
  }
}

const SOCKET_SCHEMES: Partial<Record<string, 'ws' | 'wss'>> = {
  ws: 'ws',
  wss: 'wss',
  http: 'ws',
  https: 'wss',
};

function refusal(message: string): AddressCheck {
  return { ok: false, message };
}

/** What one connection attempt ended with, as ws reported it. */
interface AttemptOutcome {
  /** The HTTP status with which the server declined to open a WebSocket, if it did. */
  refusedWithStatus: number | null;
  opened: boolean;
  /** The last network error's code (ECONNREFUSED, ENOTFOUND, a TLS code ...), if any. */
  errorCode: string | null;
}

/** The part of the close event we read; y-websocket passes null when it closed the socket itself. */
interface ServerClose {
  code: number;
}

const ATTEMPT = Symbol('attempt');

/** ws's WebSocket, remembering how its connection attempt went (y-websocket does not say). */
class ObservedWebSocket extends WebSocket {
  readonly [ATTEMPT]: AttemptOutcome = { refusedWithStatus: null, opened: false, errorCode: null };

  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    // With a listener here ws leaves the refused handshake to us: note the status, then end it
    // the usual way (terminate reports an error and a close, as ws's own refusal does).
    this.on('unexpected-response', (_request: ClientRequest, response: IncomingMessage) => {
      this[ATTEMPT].refusedWithStatus = response.statusCode ?? 0;
      response.resume();
      this.terminate();
    });
    this.on('open', () => {
      this[ATTEMPT].opened = true;
    });
    // Having a listener also keeps Node from throwing errors that arrive after y-websocket let go
    // of the socket (closing one that is still connecting reports an error).
    this.on('error', (error: Error & { code?: string }) => {
      if (typeof error.code === 'string') this[ATTEMPT].errorCode = error.code;
    });
  }
}

/** One session's document connected to the server through y-websocket's provider. */
class SyncLink implements SessionSyncLink {
  private readonly awareness: Awareness;
  private readonly provider: WebsocketProvider;
  private closed = false;
  private lastStatus: SyncStatus | null = null;
  private lastProblem: string | null = null;
  /** Set when reconnecting cannot help (a refused token); read by the provider's shouldReconnect. */
  private stopRetrying = false;

  constructor(
    sessionId: string,
    doc: Y.Doc,
    url: string,
    token: string,
    maxBackoffMs: number,
    private readonly onStatus: SyncStatusListener,
  ) {
    this.tell('connecting', null);
    // Our own awareness so close() can stop its timer: the provider leaves a given one running.
    this.awareness = new Awareness(doc);
    this.provider = new WebsocketProvider(url, sessionId, doc, {
      connect: false,
      awareness: this.awareness,
      WebSocketPolyfill: ObservedWebSocket as unknown as typeof globalThis.WebSocket,
      protocols: clubSyncProtocols(token),
      // Only the server relays changes: the main process has no browser tabs to share them with.
      disableBc: true,
      maxBackoffTime: maxBackoffMs,
      shouldReconnect: () => !this.stopRetrying,
    });
    this.provider.on('sync', (isSynced) => {
      if (isSynced) this.tell('connected', null);
    });
    this.provider.on('connection-close', (event) => this.onConnectionClosed(event));
    this.provider.connect();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.provider.destroy();
    this.awareness.destroy();
  }

  /** Called while the provider still holds the socket that closed. */
  private onConnectionClosed(event: ServerClose | null): void {
    if (this.closed) return;
    const socket = this.provider.ws as ObservedWebSocket | null;
    const attempt = socket?.[ATTEMPT] ?? null;
    if (attempt?.refusedWithStatus === 401) {
      this.stopRetrying = true;
      this.tell('offline', PROBLEMS.tokenRefused);
      return;
    }
    if (attempt?.refusedWithStatus === 400) {
      this.stopRetrying = true;
      this.tell('offline', PROBLEMS.sessionRefused);
      return;
    }
    this.tell('offline', problemOf(event, attempt));
  }

  private tell(status: SyncStatus, problem: string | null): void {
    if (this.closed) return;
    if (status === this.lastStatus && problem === this.lastProblem) return;
    this.lastStatus = status;
    this.lastProblem = problem;
    this.onStatus(status, problem);
  }
}

/** The sentence for a connection that ended, other than a refused token or session id. */
function problemOf(event: ServerClose | null, attempt: AttemptOutcome | null): string {
  // y-websocket closes a connection itself (event null) when nothing arrived for 30 s.
  if (event === null || attempt === null) return PROBLEMS.silent;
  if (attempt.refusedWithStatus === 503) return PROBLEMS.busy;
  if (attempt.refusedWithStatus === 500) return PROBLEMS.documentUnreadable;
  if (attempt.refusedWithStatus !== null) {
    return `Sync: the server refused the connection (HTTP ${attempt.refusedWithStatus}). Rounds keeps trying.`;
  }
  if (attempt.opened) {
    return event.code === CLOSE_MESSAGE_TOO_BIG ? PROBLEMS.messageTooBig : PROBLEMS.closed;
  }
  const code = attempt.errorCode ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return PROBLEMS.nameNotFound;
  if (isCertificateError(code)) return PROBLEMS.certificateNotTrusted;
  return PROBLEMS.unreachable;
}

function isCertificateError(code: string): boolean {
  return (
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS_CERT') ||
    code.includes('SELF_SIGNED') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
  );
}
