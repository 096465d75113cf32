import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionDoc, encodeState } from '@shared/domain/club/session/sessionDocument';
import { YjsSessionFiles } from './YjsSessionFiles';

const NOW = () => new Date('2026-12-02T10:00:00.000Z');
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-session-files-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('YjsSessionFiles', () => {
  it('stores a session with an id from elsewhere under a hashed name inside its folder', async () => {
    const files = await YjsSessionFiles.open(dataDir, { now: NOW });
    const sessionId = '../../outside';
    await files.write(sessionId, encodeState(createSessionDoc(sessionId)));
    expect(dirname(files.pathOf(sessionId))).toBe(join(dataDir, 'club', 'sessions'));
    expect((await files.read(sessionId)).update).not.toBeNull();
    expect(await readdir(join(dataDir, 'club', 'sessions'))).toEqual([
      expect.stringMatching(/^h-[0-9a-f]{40}\.yjs$/),
    ]);
  });

  it('sets aside a file holding another session’s document', async () => {
    const files = await YjsSessionFiles.open(dataDir, { now: NOW });
    await writeFile(files.pathOf('session-1'), encodeState(createSessionDoc('session-2')));
    const read = await files.read('session-1');
    expect(read.update).toBeNull();
    expect(read.notice?.keptAt).toBe(`${files.pathOf('session-1')}.damaged-2026-12-02T10-00-00Z`);
    expect(await readdir(join(dataDir, 'club', 'sessions'))).toEqual([
      'session-1.yjs.damaged-2026-12-02T10-00-00Z',
    ]);
  });
});
