import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startClubSyncServer, type ClubSyncServer } from '../../club-server/ClubSyncServer';
import { DEFAULT_LIMITS } from '../../club-server/parseClubServerArgs';
import {
  ClubSyncConnector,
  type SessionSyncLink,
  type SyncServerAddress,
  type SyncStatus,
} from './ClubSyncConnector';

const TOKEN = 'club-token-0123456789-abcdef';
const SESSION = 'session-1';

let dataDir: string;
let serverLog: string[];
let server: ClubSyncServer | null;
const links: SessionSyncLink[] = [];

async function startServer(port = 0): Promise<ClubSyncServer> {
  server = await startClubSyncServer(
    { port, host: '127.0.0.1', dataDir, token: TOKEN, tls: null, limits: DEFAULT_LIMITS },
    { log: (line) => serverLog.push(line) },
  );
  return server;
}

async function stopServer(): Promise<void> {
  const running = server;
  server = null;
  await running?.stop();
}

interface StatusReport {
  status: SyncStatus;
  problem: string | null;
}

/** A member's session kept in sync through the connector, with every status it was told. */
class Member {
  readonly doc = new Y.Doc();
  readonly reports: StatusReport[] = [];
  readonly link: SessionSyncLink;
  private readonly waiters = new Set<() => void>();

  constructor(connector: ClubSyncConnector, address: SyncServerAddress, session = SESSION) {
    this.link = connector.connect(session, this.doc, address, (status, problem) => {
      this.reports.push({ status, problem });
      for (const waiter of [...this.waiters]) waiter();
    });
    links.push(this.link);
  }

  get text(): string {
    return this.doc.getText('discussion').toString();
  }

  write(index: number, words: string): void {
    this.doc.getText('discussion').insert(index, words);
  }

  /** Resolves with the first report at or after report number `from` that satisfies `matches`. */
  reportWhen(matches: (report: StatusReport) => boolean, from = 0): Promise<StatusReport> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.reports.slice(from).find(matches);
        if (found === undefined) return;
        this.waiters.delete(check);
        resolve(found);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves once the shared text satisfies `ready`, checking after each update of the doc. */
  textWhen(ready: (text: string) => boolean): Promise<string> {
    return new Promise((resolve) => {
      const check = () => {
        if (!ready(this.text)) return;
        this.doc.off('update', check);
        resolve(this.text);
      };
      this.doc.on('update', check);
      check();
    });
  }
}

const isConnected = (report: StatusReport) => report.status === 'connected';
const isOffline = (report: StatusReport) => report.status === 'offline';

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'rounds-club-connector-'));
  serverLog = [];
  server = null;
});

afterEach(async () => {
  for (const link of links.splice(0)) link.close();
  await stopServer();
  await rm(dataDir, { recursive: true, force: true });
});

describe('ClubSyncConnector.connect', () => {
  it('keeps two members in step: an edit by one reaches the other as a remote update', async () => {
    const { url } = await startServer();
    const connector = new ClubSyncConnector({ maxBackoffMs: 50 });
    const alice = new Member(connector, { url, token: TOKEN });
    const bob = new Member(connector, { url, token: TOKEN });
    await Promise.all([alice.reportWhen(isConnected), bob.reportWhen(isConnected)]);
    const origins: unknown[] = [];
    bob.doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));

    alice.write(0, 'The trial was underpowered.');

    expect(await bob.textWhen((text) => text !== '')).toBe('The trial was underpowered.');
    // A local edit has no origin; one from the server carries the connection as its origin.
    expect(origins.every((origin) => origin !== null && origin !== undefined)).toBe(true);
    expect(alice.reports).toEqual([
      { status: 'connecting', problem: null },
      { status: 'connected', problem: null },
    ]);
  });

  it('reports a refused access token once and stops trying until the user fixes it', async () => {
    const { url } = await startServer();
    // No back-off at all: a retry, if there were one, would come at once.
    const connector = new ClubSyncConnector({ maxBackoffMs: 0 });
    const refused = new Member(connector, { url, token: 'a-wrong-token-0123456' });

    const report = await refused.reportWhen(isOffline);

    expect(report.problem).toMatch(/refused the access token/);
    // A member with the right token connects and syncs well after any retry would have started.
    const witness = new Member(connector, { url, token: TOKEN });
    witness.write(0, 'present');
    await witness.reportWhen(isConnected);
    const other = new Member(connector, { url, token: TOKEN });
    await other.textWhen((text) => text === 'present');
    expect(serverLog.filter((line) => line.includes('wrong access token'))).toHaveLength(1);
    expect(refused.reports).toEqual([
      { status: 'connecting', problem: null },
      { status: 'offline', problem: report.problem },
    ]);
  });

  it('says the server cannot be reached when nothing answers at the address', async () => {
    const { url } = await startServer();
    await stopServer();
    const connector = new ClubSyncConnector({ maxBackoffMs: 50 });
    const member = new Member(connector, { url, token: TOKEN });

    const report = await member.reportWhen(isOffline);

    expect(report.problem).toMatch(/cannot be reached/);
  });

  it('goes offline when the server stops, keeps edits made offline on both sides, and converges when the server is back on the same port', async () => {
    const first = await startServer();
    const connector = new ClubSyncConnector({ maxBackoffMs: 50 });
    const alice = new Member(connector, { url: first.url, token: TOKEN });
    const bob = new Member(connector, { url: first.url, token: TOKEN });
    await Promise.all([alice.reportWhen(isConnected), bob.reportWhen(isConnected)]);
    alice.write(0, 'A1 ');
    await bob.textWhen((text) => text === 'A1 ');
    const reportsBeforeStop = [alice.reports.length, bob.reports.length] as const;

    await stopServer();
    const [aliceOffline, bobOffline] = await Promise.all([
      alice.reportWhen(isOffline, reportsBeforeStop[0]),
      bob.reportWhen(isOffline, reportsBeforeStop[1]),
    ]);
    expect(aliceOffline.problem).toMatch(/server closed the connection/);
    expect(bobOffline.problem).toMatch(/server closed the connection/);

    alice.write(3, 'A2 ');
    bob.write(0, 'B2 ');
    const reportsWhileOffline = [alice.reports.length, bob.reports.length] as const;

    await startServer(first.port);
    const hasEverything = (text: string) => ['A1', 'A2', 'B2'].every((part) => text.includes(part));
    await Promise.all([
      alice.reportWhen(isConnected, reportsWhileOffline[0]),
      bob.reportWhen(isConnected, reportsWhileOffline[1]),
    ]);
    const [aliceText, bobText] = await Promise.all([
      alice.textWhen(hasEverything),
      bob.textWhen(hasEverything),
    ]);
    expect(aliceText).toBe(bobText);
  });

  it('tells nothing more after close, even when the server then stops', async () => {
    const { url } = await startServer();
    const member = new Member(new ClubSyncConnector({ maxBackoffMs: 50 }), { url, token: TOKEN });
    await member.reportWhen(isConnected);
    const reportsAtClose = member.reports.length;

    member.link.close();
    // Another member sees the server stop, so the first one would have seen it too.
    const other = new Member(new ClubSyncConnector({ maxBackoffMs: 50 }), { url, token: TOKEN });
    await other.reportWhen(isConnected);
    const reportsBeforeStop = other.reports.length;
    await stopServer();
    await other.reportWhen(isOffline, reportsBeforeStop);

    expect(member.reports).toHaveLength(reportsAtClose);
  });

  it('reports an unusable address as offline instead of throwing', () => {
    const member = new Member(new ClubSyncConnector(), {
      url: 'ws://club.example.org',
      token: TOKEN,
    });

    expect(member.reports).toEqual([
      { status: 'offline', problem: expect.stringMatching(/wss:\/\//) as unknown },
    ]);
  });

  it('reports a session id the server could not store as offline', () => {
    const member = new Member(
      new ClubSyncConnector(),
      { url: 'ws://127.0.0.1:1', token: TOKEN },
      '../outside',
    );

    expect(member.reports).toEqual([
      { status: 'offline', problem: expect.stringMatching(/session/) as unknown },
    ]);
  });
});

describe('ClubSyncConnector.checkAddress', () => {
  const connector = new ClubSyncConnector();

  it.each([
    ['wss://club.example.org', 'wss://club.example.org'],
    ['wss://club.example.org:8443/', 'wss://club.example.org:8443'],
    ['  WSS://Club.Example.org:8443  ', 'wss://club.example.org:8443'],
    ['https://club.example.org', 'wss://club.example.org'],
    ['http://127.0.0.1:1234', 'ws://127.0.0.1:1234'],
    ['ws://localhost:1234', 'ws://localhost:1234'],
    ['ws://[::1]:1234', 'ws://[::1]:1234'],
    ['wss://10.0.0.5:9000', 'wss://10.0.0.5:9000'],
  ])('accepts %s as %s', (typed, url) => {
    expect(connector.checkAddress(typed)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Enter the address/],
    ['club.example.org:8443', /wss:\/\//],
    ['ftp://club.example.org', /wss:\/\//],
    ['ws://club.example.org:1234', /unencrypted/],
    ['http://192.168.1.20:1234', /unencrypted/],
    ['wss://alice:secret@club.example.org', /name or password/],
    ['wss://club.example.org/?token=abc', /\?/],
    ['wss://club.example.org/#room', /#/],
    ['wss://club.example.org/rooms', /path/],
    ['wss://club.example.org:99999', /not a valid address/],
    ['wss://', /not a valid address/],
  ])('refuses %j with a sentence saying why', (typed, reason) => {
    const checked = connector.checkAddress(typed);

    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(reason);
  });
});
