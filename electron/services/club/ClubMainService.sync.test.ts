import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClubSyncConnector } from '../../adapters/club/ClubSyncConnector';
import { startClubSyncServer, type ClubSyncServer } from '../../club-server/ClubSyncServer';
import { DEFAULT_LIMITS } from '../../club-server/parseClubServerArgs';
import { addPaper, openClubMachine, type ClubMachine } from './testing/clubMachine';

const TOKEN = 'club-token-0123456789-abcdef';

let folders: string[];
let machines: ClubMachine[];
let server: ClubSyncServer | null;

beforeEach(() => {
  folders = [];
  machines = [];
  server = null;
});

afterEach(async () => {
  for (const machine of machines) await machine.close();
  await server?.stop();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function newFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rounds-club-sync-'));
  folders.push(folder);
  return folder;
}

async function machine(idPrefix: string, dataDir?: string): Promise<ClubMachine> {
  const opened = await openClubMachine(dataDir ?? (await newFolder()), {
    idPrefix,
    sync: new ClubSyncConnector({ maxBackoffMs: 50 }),
  });
  machines.push(opened);
  return opened;
}

function value<T>(
  result: { ok: true; value: T } | { ok: false; code: string; message: string },
): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** Resolves once `check` holds, checking after each event the machine's service tells. */
function until(machine: ClubMachine, check: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const test = () => {
      void check().then((holds) => {
        if (!holds || done) return;
        done = true;
        offSession();
        offClubs();
        resolve();
      });
    };
    const offSession = machine.service.onDidChangeSession(test);
    const offClubs = machine.service.onDidChangeClubs(test);
    test();
  });
}

describe('ClubMainService with the club sync server', () => {
  it('keeps two members’ copies of a session in step, and saves what arrives', async () => {
    server = await startClubSyncServer(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir: await newFolder(),
        token: TOKEN,
        tls: null,
        limits: DEFAULT_LIMITS,
      },
      { log: () => {} },
    );
    const ana = await machine('ana');
    value(await ana.service.setProfile({ name: 'Ana Silva', profession: '', cpdBody: '' }));
    const club = value(
      await ana.service.createClub({
        name: 'Renal JC',
        hashtag: '',
        timeZone: 'Europe/London',
        defaultDisclosure: 'initials',
      }),
    );
    const itemId = await addPaper(ana, { title: 'Dapagliflozin in CKD', doi: '10.1056/x1' });
    const session = value(
      await ana.service.createSession({
        clubId: club.clubId,
        session: {
          title: 'Dapagliflozin in CKD',
          itemIds: [itemId],
          startsAt: null,
          timeZone: null,
          presenterId: null,
          discussionWindow: null,
        },
      }),
    );
    const sessionId = session.sessionId;
    const bundle = value(
      await ana.service.exportBundle({ sessionId, includePdfs: false, kept: [] }),
    );

    const ben = await machine('ben');
    value(await ben.service.setProfile({ name: 'Ben Okafor', profession: '', cpdBody: '' }));
    value(await ben.service.importBundle({ text: bundle.text }));

    value(
      await ana.service.setSyncServer({ clubId: club.clubId, serverUrl: server.url, token: TOKEN }),
    );
    value(
      await ben.service.setSyncServer({ clubId: club.clubId, serverUrl: server.url, token: TOKEN }),
    );
    const connected = async (who: ClubMachine) =>
      value(await who.service.clubs())[0]?.sync.status === 'connected';
    await until(ana, () => connected(ana));
    await until(ben, () => connected(ben));
    expect(value(await ben.service.clubs())[0]?.sync).toEqual({
      status: 'connected',
      serverUrl: server.url,
      hasToken: true,
      problem: null,
    });

    value(
      await ana.service.changeSession({
        sessionId,
        change: { kind: 'vote', vote: { vote: 'yes', reason: 'Convincing' } },
      }),
    );
    value(
      await ben.service.changeSession({
        sessionId,
        change: { kind: 'vote', vote: { vote: 'not-sure', reason: '' } },
      }),
    );
    const bothVoted = async (who: ClubMachine) => {
      const view = value(await who.service.session({ sessionId }));
      return view.tally.yes === 1 && view.tally['not-sure'] === 1;
    };
    await until(ana, () => bothVoted(ana));
    await until(ben, () => bothVoted(ben));

    // Ana's vote reached Ben from the server; closing saves it, and it is there after a restart.
    machines = machines.filter((one) => one !== ben);
    await ben.close();
    const benAgain = await openClubMachine(ben.dataDir, { idPrefix: 'ben-again', sync: null });
    machines.push(benAgain);
    const reopened = value(await benAgain.service.session({ sessionId }));
    expect(reopened.tally).toEqual({ yes: 1, no: 0, 'not-sure': 1 });
  });
});
