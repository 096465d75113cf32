// The club's live sync server: y-websocket's own server side (@y/websocket-server's
// setupWSConnection, which speaks the Yjs sync and awareness protocols) behind our checks (token,
// document name, limits) and with our persistence (one durable file per document). The engine keeps
// its documents in a module-wide map, so one process runs one server at a time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  docs,
  setPersistence,
  setupWSConnection,
  type WSSharedDoc,
} from '@y/websocket-server/utils';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { WriteCoalescer } from '../adapters/storage/WriteCoalescer';
import type { SchedulerTimers } from '../services/feeds/RefreshScheduler';
import { isLoopbackAddress } from '../host/parseHostArgs';
import { ClubDocumentFiles } from './ClubDocumentFiles';
import { CLUB_PROTOCOL, tokenOfferedIn } from './clubProtocol';
import { documentNameOfRequestPath } from './documentName';
import { refusalToListenWithoutTls, type ClubServerOptions } from './parseClubServerArgs';

/** What the server works with besides its options. */
export interface ClubSyncServerDependencies {
  /** Where log lines go (never with the token). Default: stderr. */
  log?: (line: string) => void;
  /** Timers for the debounced saves. Default: the global timers, unreferenced. */
  timers?: SchedulerTimers;
  /** A changed document is saved at most this long after its first unsaved change. Default 2 s. */
  saveDelayMs?: number;
  /** Told after each successful save of a document, with its name. */
  onSaved?: (name: string) => void;
}

/** A running server. */
export interface ClubSyncServer {
  /** The port it listens on (useful with port 0). */
  readonly port: number;
  /** ws:// or wss:// address to give y-websocket's WebsocketProvider. */
  readonly url: string;
  /** Closes every connection, saves every document, then stops listening. */
  stop(): Promise<void>;
}

const DEFAULT_SAVE_DELAY_MS = 2000;

const NODE_TIMERS: SchedulerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A document open on the server: its changes wait for a save. */
interface OpenDocument {
  doc: WSSharedDoc;
  writes: WriteCoalescer;
  saveTimer: unknown;
}

let serverRunning = false;

/** Starts the server; rejects with a clear message when it cannot (address, TLS, port in use). */
export async function startClubSyncServer(
  options: ClubServerOptions,
  dependencies: ClubSyncServerDependencies = {},
): Promise<ClubSyncServer> {
  if (options.tls === null && !isLoopbackAddress(options.host)) {
    throw new Error(refusalToListenWithoutTls(options.host));
  }
  if (serverRunning) throw new Error('A club sync server is already running in this process.');
  serverRunning = true;
  try {
    return await new ClubSyncServerInstance(options, dependencies).start();
  } catch (error) {
    serverRunning = false;
    throw error;
  }
}

class ClubSyncServerInstance {
  private readonly log: (line: string) => void;
  private readonly timers: SchedulerTimers;
  private readonly saveDelayMs: number;
  private readonly onSaved: (name: string) => void;
  private readonly files: ClubDocumentFiles;
  private readonly expectedTokenDigest: Buffer;
  private readonly http: Server;
  private readonly sockets: WebSocketServer;
  /** Names stored on disk or created since start: what --max-documents counts. */
  private readonly knownDocuments = new Set<string>();
  private readonly openDocuments = new Map<string, OpenDocument>();
  /** States read from disk for documents about to be opened by their first connection. */
  private readonly loadedStates = new Map<string, Uint8Array>();
  /** The last save of each closed document, awaited before the document is read again. */
  private readonly lastSaves = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly options: ClubServerOptions,
    dependencies: ClubSyncServerDependencies,
  ) {
    this.log = dependencies.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.timers = dependencies.timers ?? NODE_TIMERS;
    this.saveDelayMs = dependencies.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS;
    this.onSaved = dependencies.onSaved ?? (() => {});
    this.files = new ClubDocumentFiles(options.dataDir);
    this.expectedTokenDigest = digest(options.token);
    this.http = options.tls
      ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key })
      : createHttpServer();
    this.sockets = new WebSocketServer({
      noServer: true,
      maxPayload: options.limits.maxMessageBytes,
      // Select our protocol only, so the token entry the client offered is never echoed back.
      handleProtocols: (offered) => (offered.has(CLUB_PROTOCOL) ? CLUB_PROTOCOL : false),
    });
  }

  async start(): Promise<ClubSyncServer> {
    for (const name of await this.files.open()) this.knownDocuments.add(name);
    setPersistence({
      provider: null,
      bindState: (name, doc) => this.bindDocument(name, doc),
      writeState: (name) => this.closeDocument(name),
    });
    this.http.on('request', (_request, response) => {
      response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('This is a Rounds club sync server: connect to it from Rounds.\n');
    });
    this.http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      this.admit(request, socket, head).catch((error: unknown) => {
        this.log(`[club-server] could not open a connection: ${describe(error)}`);
        refuse(socket, 500, 'The server could not open this document.');
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    const port = (this.http.address() as AddressInfo).port;
    const scheme = this.options.tls ? 'wss' : 'ws';
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    const url = `${scheme}://${host}:${port}`;
    this.log(
      `[club-server] listening on ${url}, documents in ${this.files.folder} ` +
        `(${this.knownDocuments.size} stored)`,
    );
    return { port, url, stop: () => this.stop() };
  }

  /** Checks a connection request and, if it passes, hands it to the sync engine. */
  private async admit(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const from = request.socket.remoteAddress ?? 'an unknown address';
    const offered = tokenOfferedIn(request.headers['sec-websocket-protocol']);
    if (offered === null || !timingSafeEqual(digest(offered), this.expectedTokenDigest)) {
      this.log(
        `[club-server] refused a connection from ${from}: ` +
          (offered === null ? 'no access token' : 'wrong access token'),
      );
      return refuse(socket, 401, 'A valid access token is required.');
    }
    const name = documentNameOfRequestPath(request.url);
    if (name === null) {
      this.log(
        `[club-server] refused a connection from ${from}: invalid document name ` +
          JSON.stringify((request.url ?? '').split('?')[0]?.slice(0, 200)),
      );
      return refuse(socket, 400, 'Document names are 1-128 letters, digits, "-" or "_".');
    }
    if (this.stopping) return refuse(socket, 503, 'The server is shutting down.');
    await this.loadIfClosed(name);
    // From here to setupWSConnection nothing awaits, so the limits cannot be overrun in between.
    if (this.stopping) return refuse(socket, 503, 'The server is shutting down.');
    if (
      !this.knownDocuments.has(name) &&
      this.knownDocuments.size >= this.options.limits.maxDocuments
    ) {
      this.log(
        `[club-server] refused a new document "${name}": the server holds the maximum of ` +
          `${this.options.limits.maxDocuments} documents (--max-documents)`,
      );
      return refuse(socket, 503, 'The server holds as many documents as it may.');
    }
    const connected = docs.get(name)?.conns.size ?? 0;
    if (connected >= this.options.limits.maxConnectionsPerDocument) {
      this.log(
        `[club-server] refused a connection from ${from} to "${name}": it has the maximum of ` +
          `${this.options.limits.maxConnectionsPerDocument} connections (--max-connections-per-document)`,
      );
      return refuse(socket, 503, 'This document has as many connections as it may.');
    }
    this.knownDocuments.add(name);
    this.sockets.handleUpgrade(request, socket, head, (connection: WebSocket) => {
      connection.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
          this.log(
            `[club-server] closed a connection to "${name}": a message was larger than the ` +
              `limit of ${this.options.limits.maxMessageBytes} bytes (--max-message-bytes)`,
          );
        } else {
          this.log(`[club-server] connection to "${name}" failed: ${error.message}`);
        }
      });
      try {
        setupWSConnection(connection, request, { docName: name });
      } catch (error) {
        this.log(`[club-server] could not open "${name}": ${describe(error)}`);
        connection.close(1011, 'The server could not open this document.');
      }
    });
  }

  /**
   * Reads the stored state of a document no one has open, so it is in the document before the
   * first client syncs. A damaged file is left as it is and the connection refused.
   */
  private async loadIfClosed(name: string): Promise<void> {
    if (docs.has(name)) return;
    await this.lastSaves.get(name);
    if (docs.has(name)) return;
    const state = await this.files.read(name);
    if (state === null) return;
    try {
      Y.applyUpdate(new Y.Doc(), state);
    } catch (error) {
      throw new Error(
        `the stored document ${this.files.pathOf(name)} is damaged (${describe(error)}); ` +
          'it was left as it is',
        { cause: error },
      );
    }
    if (!docs.has(name)) this.loadedStates.set(name, state);
  }

  /** Called by the engine when it creates a document: fills it and starts saving its changes. */
  private bindDocument(name: string, doc: WSSharedDoc): void {
    const state = this.loadedStates.get(name);
    this.loadedStates.delete(name);
    if (state) Y.applyUpdate(doc, state);
    const open: OpenDocument = {
      doc,
      writes: new WriteCoalescer(() => this.files.write(name, Y.encodeStateAsUpdate(doc))),
      saveTimer: null,
    };
    this.openDocuments.set(name, open);
    doc.on('update', () => {
      if (open.saveTimer !== null) return;
      open.saveTimer = this.timers.setTimeout(() => {
        open.saveTimer = null;
        void this.save(name, open);
      }, this.saveDelayMs);
    });
  }

  /** Called by the engine when a document's last client leaves: saves it (never rejects). */
  private closeDocument(name: string): Promise<void> {
    const open = this.openDocuments.get(name);
    if (open === undefined) return Promise.resolve();
    this.openDocuments.delete(name);
    if (open.saveTimer !== null) this.timers.clearTimeout(open.saveTimer);
    open.saveTimer = null;
    const saved = this.save(name, open);
    this.lastSaves.set(name, saved);
    return saved;
  }

  private async save(name: string, open: OpenDocument): Promise<void> {
    try {
      await open.writes.request();
      this.onSaved(name);
    } catch (error) {
      this.log(`[club-server] could not save "${name}": ${describe(error)}`);
    }
  }

  private async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    // Closing the last connection of a document makes the engine call closeDocument (a save).
    const disconnected: Promise<void>[] = [];
    for (const doc of docs.values()) {
      for (const connection of doc.conns.keys() as IterableIterator<WebSocket>) {
        if (connection.readyState === connection.CLOSED) continue;
        disconnected.push(new Promise((resolve) => connection.once('close', () => resolve())));
        connection.terminate();
      }
    }
    await Promise.all(disconnected);
    for (const name of [...this.openDocuments.keys()]) void this.closeDocument(name);
    await Promise.all(this.lastSaves.values());
    this.sockets.close();
    this.http.closeAllConnections();
    await closed;
    setPersistence(null);
    serverRunning = false;
    this.log('[club-server] stopped; every document is saved');
  }
}

/** Answers an upgrade request with an HTTP error instead of a WebSocket. */
function refuse(socket: Duplex, status: number, message: string): void {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Equal-length digests, so comparing them takes the same time whatever the token's length. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
