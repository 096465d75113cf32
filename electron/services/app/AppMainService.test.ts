import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '@shared/contract';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { AppMainService } from './AppMainService';

let dataDir: string;
let store: LowdbLibraryStore | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-app-'));
});

afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('AppMainService', () => {
  it('tells what backend is running and where its data lives', async () => {
    store = await LowdbLibraryStore.open(dataDir);
    const info: AppInfo = { version: '0.1.0', runtime: 'host', dataDir };
    const app = new AppMainService({ store, info });

    expect(await app.info()).toEqual({ ok: true, value: info });
    expect(await app.notices()).toEqual({ ok: true, value: [] });
  });

  it('leaves context menus to the window, which draws the same entries itself', async () => {
    store = await LowdbLibraryStore.open(dataDir);
    const app = new AppMainService({ store, info: { version: '0.1.0', runtime: 'host', dataDir } });
    const entries = [{ kind: 'action' as const, id: 'refresh', label: 'Refresh', enabled: true }];
    expect(await app.showContextMenu({ entries })).toEqual({ ok: true, value: { native: false } });
  });

  it('lists the notice of a damaged file and lets the user dismiss it once', async () => {
    store = await LowdbLibraryStore.open(dataDir);
    await store.close();
    await writeFile(
      join(dataDir, 'library', 'feeds.json'),
      '{ "schemaVersion": 1, "feeds": [ trunc',
    );
    store = await LowdbLibraryStore.open(dataDir);
    const app = new AppMainService({ store, info: { version: '0.1.0', runtime: 'host', dataDir } });

    const notices = await app.notices();
    const notice = notices.ok ? notices.value[0] : undefined;
    expect(notices.ok && notices.value).toHaveLength(1);
    expect(notice?.message).toMatch(/feeds/i);

    expect(await app.dismissNotice({ id: notice?.id ?? '' })).toEqual({
      ok: true,
      value: { id: notice?.id },
    });
    expect(await app.notices()).toEqual({ ok: true, value: [] });
    expect(await app.dismissNotice({ id: notice?.id ?? '' })).toEqual({
      ok: false,
      code: 'not-found',
      message: 'That notice was already dismissed.',
    });
  });
});
