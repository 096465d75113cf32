import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CpdEntry } from '@shared/domain/club/cpd/cpdEntry';
import { LowdbClubStore } from './LowdbClubStore';

const NOW = () => new Date('2026-12-02T10:00:00.000Z');
const TOKEN = 'club-token-0123456789-abcdef';

const ENTRY: CpdEntry = {
  id: 'entry-1',
  date: '2026-12-09T19:00:00.000Z',
  session: { id: 'session-1', title: 'Dapagliflozin in CKD' },
  citation: 'Heerspink HJL et al. Dapagliflozin in CKD. N Engl J Med 2020.',
  hours: 1,
  type: 'journal-club-live',
  reflection: { learned: 'SGLT2 inhibitors protect the kidney', willChange: '' },
  reportedTo: 'GMC',
};

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-club-store-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('LowdbClubStore', () => {
  it('keeps tokens out of clubs.json, in an owner-only file of their own', async () => {
    const { store } = await LowdbClubStore.open(dataDir, { now: NOW });
    await store.saveState({
      profile: null,
      clubs: [
        {
          clubId: 'club-1',
          name: 'Renal JC',
          hashtag: '#RenalJC',
          timeZone: 'Europe/London',
          defaultDisclosure: 'initials',
          members: [],
          serverUrl: 'wss://club.example.org',
          online: true,
          sessionIds: [],
        },
      ],
    });
    await store.saveToken('club-1', TOKEN);
    await store.close();

    const clubs = await readFile(join(dataDir, 'club', 'clubs.json'), 'utf8');
    expect(clubs).toContain('wss://club.example.org');
    expect(clubs).not.toContain(TOKEN);
    const tokens = join(dataDir, 'club', 'sync-tokens.json');
    expect(await readFile(tokens, 'utf8')).toContain(TOKEN);
    if (process.platform !== 'win32') expect((await stat(tokens)).mode & 0o777).toBe(0o600);

    const reopened = await LowdbClubStore.open(dataDir, { now: NOW });
    expect(reopened.store.token('club-1')).toBe(TOKEN);
    expect(reopened.store.state().clubs.map((club) => club.name)).toEqual(['Renal JC']);
    await reopened.store.close();
  });

  it('sets damaged CPD entries aside in a file of their own, with a notice, and keeps the rest', async () => {
    await LowdbClubStore.open(dataDir, { now: NOW }).then(({ store }) => store.close());
    await writeFile(
      join(dataDir, 'club', 'cpd.json'),
      JSON.stringify({
        schemaVersion: 1,
        entries: [ENTRY, { ...ENTRY, id: 'entry-2', hours: 0.3 }],
      }),
    );
    const { store, notices } = await LowdbClubStore.open(dataDir, { now: NOW });
    expect(store.cpdEntries()).toEqual([ENTRY]);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/left out 1 damaged entry of your CPD log/);
    const keptAt = notices[0]?.keptAt ?? '';
    expect(JSON.parse(await readFile(keptAt, 'utf8'))).toEqual([
      { ...ENTRY, id: 'entry-2', hours: 0.3 },
    ]);
    await store.close();

    // Reported once: the next start finds nothing to set aside.
    const again = await LowdbClubStore.open(dataDir, { now: NOW });
    expect(again.notices).toEqual([]);
    expect(
      (await readdir(join(dataDir, 'club'))).filter((name) => name.startsWith('cpd-damaged-')),
    ).toHaveLength(1);
    await again.store.close();
  });

  it('recovers a damaged clubs.json from its last good copy', async () => {
    const { store } = await LowdbClubStore.open(dataDir, { now: NOW });
    await store.saveState({
      profile: {
        memberId: 'm-1',
        name: 'Ana Silva',
        profession: '',
        cpdBody: '',
        timeZone: 'Europe/London',
      },
      clubs: [],
    });
    await store.close();
    // Reopening refreshes the backup from the file that was just read whole.
    await LowdbClubStore.open(dataDir, { now: NOW }).then((opened) => opened.store.close());
    await writeFile(join(dataDir, 'club', 'clubs.json'), '{"profile": ');

    const { store: recovered, notices } = await LowdbClubStore.open(dataDir, { now: NOW });
    expect(recovered.state().profile?.name).toBe('Ana Silva');
    expect(notices).toEqual([expect.objectContaining({ kind: 'restored-from-backup' })]);
    await recovered.close();
  });
});
