import { request } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SchedulerTimers } from '../services/feeds/RefreshScheduler';
import { startClubSyncServer, type ClubSyncServer } from './ClubSyncServer';
import { clubSyncProtocols } from './clubProtocol';
import { DEFAULT_LIMITS, type ClubServerOptions } from './parseClubServerArgs';

const TOKEN = 'club-token-0123456789-abcdef';

/** Saves wait here until the test runs them (here: never; stopping the server flushes). */
class HeldTimers implements SchedulerTimers {
  readonly held = new Set<() => void>();
  setTimeout(callback: () => void): unknown {
    this.held.add(callback);
    return callback;
  }
  clearTimeout(handle: unknown): void {
    this.held.delete(handle as () => void);
  }
}

let dataDir: string;
let logLines: string[];
let server: ClubSyncServer | null;
let timers: HeldTimers;
let savedNames: string[];
let onSaved: (name: string) => void;
const providers: WebsocketProvider[] = [];

function options(overrides: Partial<ClubServerOptions> = {}): ClubServerOptions {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    token: TOKEN,
    tls: null,
    limits: DEFAULT_LIMITS,
    ...overrides,
  };
}

async function start(overrides: Partial<ClubServerOptions> = {}): Promise<ClubSyncServer> {
  server = await startClubSyncServer(options(overrides), {
    log: (line) => logLines.push(line),
    timers,
    onSaved: (name) => onSaved(name),
  });
  return server;
}

/** A member's Rounds: a document kept in sync with the server by y-websocket's provider. */
function member(url: string, room: string, doc = new Y.Doc()): WebsocketProvider {
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: clubSyncProtocols(TOKEN),
    disableBc: true,
    maxBackoffTime: 100,
  });
  providers.push(provider);
  return provider;
}

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) return resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

function disconnected(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (!provider.wsconnected) return resolve();
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'disconnected') return;
      provider.off('status', onStatus);
      resolve();
    };
    provider.on('status', onStatus);
  });
}

/** Resolves once the text of `doc` satisfies `ready`, checking after each update. */
function textWhen(doc: Y.Doc, ready: (text: string) => boolean): Promise<string> {
  const text = doc.getText('discussion');
  return new Promise((resolve) => {
    const check = () => {
      if (!ready(text.toString())) return;
      doc.off('update', check);
      resolve(text.toString());
    };
    doc.on('update', check);
    check();
  });
}

/** The HTTP status with which the server answers a WebSocket request for `path`. */
function upgradeStatus(port: number, path: string, protocols: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request({
      host: '127.0.0.1',
      port,
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Protocol': protocols.join(', '),
      },
    });
    sent.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    sent.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'rounds-club-server-'));
  logLines = [];
  server = null;
  timers = new HeldTimers();
  savedNames = [];
  onSaved = (name) => savedNames.push(name);
});

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the club sync server', () => {
  it('carries an edit from one member to another', async () => {
    const { url } = await start();
    const alice = member(url, 'session-1');
    const bob = member(url, 'session-1');
    await Promise.all([synced(alice), synced(bob)]);

    alice.doc.getText('discussion').insert(0, 'The trial was underpowered.');

    expect(await textWhen(bob.doc, (text) => text !== '')).toBe('The trial was underpowered.');
  });

  it('saves a changed document when its scheduled save runs', async () => {
    const { url } = await start();
    const alice = member(url, 'session-1');
    const bob = member(url, 'session-1');
    await Promise.all([synced(alice), synced(bob)]);
    alice.doc.getText('discussion').insert(0, 'Bottom line: no change.');
    await textWhen(bob.doc, (text) => text !== '');
    expect(timers.held.size).toBe(1);

    const saved = new Promise<void>((resolve) => (onSaved = () => resolve()));
    for (const save of timers.held) save();
    await saved;

    const stored = new Y.Doc();
    Y.applyUpdate(stored, await readFile(path.join(dataDir, 'documents', 'session-1.yjs')));
    expect(stored.getText('discussion').toString()).toBe('Bottom line: no change.');
  });

  it('refuses a connection with a wrong or missing token, logging it without the token', async () => {
    const { port } = await start();

    expect(
      await upgradeStatus(port, '/session-1', clubSyncProtocols('a-wrong-token-0123456')),
    ).toBe(401);
    expect(await upgradeStatus(port, '/session-1', ['rounds-club-v1'])).toBe(401);

    expect(logLines.some((line) => line.includes('wrong access token'))).toBe(true);
    expect(logLines.some((line) => line.includes('no access token'))).toBe(true);
    expect(logLines.join('\n')).not.toContain('a-wrong-token');
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a document name that climbs out of the data folder', async () => {
    const { port } = await start();

    expect(await upgradeStatus(port, '/../outside', clubSyncProtocols(TOKEN))).toBe(400);
    expect(await upgradeStatus(port, '/..%2Foutside', clubSyncProtocols(TOKEN))).toBe(400);
    expect(await upgradeStatus(port, '/a/b', clubSyncProtocols(TOKEN))).toBe(400);

    expect(logLines.filter((line) => line.includes('invalid document name'))).toHaveLength(3);
  });

  it('keeps documents across a restart and merges what members did offline', async () => {
    const first = await start();
    const alice = member(first.url, 'session-1');
    const bob = member(first.url, 'session-1');
    await Promise.all([synced(alice), synced(bob)]);
    bob.disconnect();
    alice.doc.getText('discussion').insert(0, 'A1 ');
    // A witness that leaves again proves the server has A1 before it stops.
    const witness = member(first.url, 'session-1');
    await textWhen(witness.doc, (text) => text === 'A1 ');
    witness.destroy();

    await first.stop();
    await disconnected(alice);
    alice.disconnect();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await readFile(path.join(dataDir, 'documents', 'session-1.yjs')));
    expect(stored.getText('discussion').toString()).toBe('A1 ');

    // Both keep working offline; Bob never saw A1.
    alice.doc.getText('discussion').insert(3, 'A2 ');
    bob.doc.getText('discussion').insert(0, 'B2 ');

    const second = await start({ port: first.port });
    bob.connect();
    // Alice is still offline: Bob can only get A1 from what the server stored.
    expect(await textWhen(bob.doc, (text) => text.includes('A1'))).toContain('B2');

    alice.connect();
    const hasEverything = (text: string) => ['A1', 'A2', 'B2'].every((part) => text.includes(part));
    const [aliceText, bobText] = await Promise.all([
      textWhen(alice.doc, hasEverything),
      textWhen(bob.doc, hasEverything),
    ]);
    expect(aliceText).toBe(bobText);

    const carol = member(second.url, 'session-1');
    expect(await textWhen(carol.doc, hasEverything)).toBe(aliceText);
  });

  it('refuses to open a damaged stored document and leaves its file as it is', async () => {
    const file = path.join(dataDir, 'documents', 'session-1.yjs');
    await mkdir(path.dirname(file), { recursive: true });
    const damaged = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01]);
    await writeFile(file, damaged);
    const { port } = await start();

    expect(await upgradeStatus(port, '/session-1', clubSyncProtocols(TOKEN))).toBe(500);

    expect(logLines.some((line) => line.includes('session-1.yjs is damaged'))).toBe(true);
    expect(new Uint8Array(await readFile(file))).toEqual(damaged);
  });

  it('refuses to listen beyond the loopback without TLS, saying why', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(
      /will not listen on 0\.0\.0\.0 without TLS/,
    );
  });

  it('refuses a connection beyond the per-document limit, with a log line', async () => {
    const { url, port } = await start({
      limits: { ...DEFAULT_LIMITS, maxConnectionsPerDocument: 1 },
    });
    await synced(member(url, 'session-1'));

    expect(await upgradeStatus(port, '/session-1', clubSyncProtocols(TOKEN))).toBe(503);
    expect(logLines.some((line) => line.includes('--max-connections-per-document'))).toBe(true);
  });

  it('refuses a new document beyond the document limit, with a log line', async () => {
    const { url, port } = await start({ limits: { ...DEFAULT_LIMITS, maxDocuments: 1 } });
    await synced(member(url, 'session-1'));

    expect(await upgradeStatus(port, '/session-2', clubSyncProtocols(TOKEN))).toBe(503);
    expect(logLines.some((line) => line.includes('--max-documents'))).toBe(true);
  });

  it('closes a connection that sends a message over the size limit, with a log line', async () => {
    const { url } = await start({ limits: { ...DEFAULT_LIMITS, maxMessageBytes: 1024 } });
    const socket = new WebSocket(`${url}/session-1`, clubSyncProtocols(TOKEN));
    await new Promise((resolve) => socket.once('open', resolve));

    const closeCode = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(new Uint8Array(4096));

    expect(await closeCode).toBe(1009);
    expect(logLines.some((line) => line.includes('--max-message-bytes'))).toBe(true);
  });
});
