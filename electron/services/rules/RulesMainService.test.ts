import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import {
  sampleFeed,
  sampleItem,
  temporaryDataDir,
} from '../../adapters/storage/testing/sampleLibrary';
import { LibraryMainService } from '../library/LibraryMainService';
import { SearchIndexFeeder } from '../library/SearchIndexFeeder';
import { RulesMainService } from './RulesMainService';

const clock = { now: () => new Date('2026-03-01T12:00:00.000Z') };

let dataDir: { dir: string; remove: () => Promise<void> };
let store: LowdbLibraryStore;
let rules: RulesMainService;
let library: LibraryMainService;
let searchIndex: WorkerSearchIndex;
let search: SearchIndexFeeder;

async function openServices(): Promise<void> {
  store = await LowdbLibraryStore.open(dataDir.dir);
  rules = new RulesMainService({ store, clock });
  searchIndex = WorkerSearchIndex.inDataFolder(dataDir.dir);
  search = new SearchIndexFeeder({ store, index: searchIndex });
  library = new LibraryMainService({ store, search });
}

async function closeServices(): Promise<void> {
  await search.close();
  await searchIndex.close();
  await store.close();
}

async function listedTitles(args: { feedId?: string; query?: string } = {}): Promise<string[]> {
  // A new search index is filled in the background; searches say so until it is done.
  if (args.query !== undefined) await search.whenReady();
  const result = await library.list({ filter: 'all', offset: 0, limit: 100, ...args });
  if (!result.ok) throw new Error(result.message);
  return result.value.items.map((item) => item.title);
}

beforeEach(async () => {
  dataDir = await temporaryDataDir('rounds-rules-');
  await openServices();
  await store.saveFeed(sampleFeed('cardio'));
  await store.saveFeed(sampleFeed('onco'));
  await store.putItems([
    sampleItem('cardio', 1, { title: 'Colchicine after myocardial infarction' }),
    sampleItem('cardio', 2, {
      title: 'Empagliflozin in heart failure',
      excerpt: 'SGLT2 inhibition in HFpEF.',
    }),
    sampleItem('onco', 3, { title: 'Colchicine and gout flares in chemotherapy' }),
  ]);
});

afterEach(async () => {
  await closeServices();
  await dataDir.remove();
});

describe('RulesMainService mute rules', () => {
  it('hides matching items from lists and counts at once, and brings them back on removal', async () => {
    const added = await rules.addMuteRule({ text: 'COLCHICINE', field: 'any' });
    if (!added.ok) throw new Error(added.message);
    expect(added.value).toMatchObject({ text: 'COLCHICINE', feedId: null, field: 'any' });

    expect(await listedTitles()).toEqual(['Empagliflozin in heart failure']);
    expect(store.countItems('cardio')).toEqual({ total: 1, unread: 1 });
    expect(store.countItems('onco')).toEqual({ total: 0, unread: 0 });
    // Hidden, not deleted: the reader can still open a muted item by id.
    expect(await store.getItem('cardio-item-1')).toBeDefined();

    expect(await rules.removeMuteRule({ id: added.value.id })).toEqual({
      ok: true,
      value: { id: added.value.id },
    });
    expect(await listedTitles()).toHaveLength(3);
    expect(store.countItems('cardio')).toEqual({ total: 2, unread: 2 });
  });

  it('limits a rule to one feed when asked', async () => {
    await rules.addMuteRule({ text: 'colchicine', feedId: 'onco', field: 'any' });
    expect(await listedTitles()).toEqual([
      'Empagliflozin in heart failure',
      'Colchicine after myocardial infarction',
    ]);
  });

  it('mutes items as they arrive', async () => {
    await rules.addMuteRule({ text: 'stent', field: 'any' });
    await store.putItems([sampleItem('cardio', 9, { excerpt: 'Drug-eluting stent trial.' })]);
    expect(await listedTitles({ feedId: 'cardio' })).toHaveLength(2);
    expect(store.countItems('cardio').unread).toBe(2);
  });

  it('unmutes an item whose refreshed text no longer matches', async () => {
    await rules.addMuteRule({ text: 'myocardial', field: 'title' });
    await store.putItems([sampleItem('cardio', 1, { title: 'Colchicine after a heart attack' })]);
    expect(await listedTitles({ feedId: 'cardio' })).toContain('Colchicine after a heart attack');
  });

  it('keeps rules across a restart and re-applies them on load', async () => {
    await rules.addMuteRule({ text: 'colchicine', field: 'title' });
    await closeServices();
    await openServices();

    expect(await rules.list()).toMatchObject({
      value: { muteRules: [{ text: 'colchicine', field: 'title' }] },
    });
    expect(await listedTitles()).toEqual(['Empagliflozin in heart failure']);
    const onDisk = JSON.parse(await readFile(join(dataDir.dir, 'library/rules.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 1, muteRules: [{ text: 'colchicine' }] });
  });

  it('refuses duplicates, unknown feeds, punctuation-only rules and unknown ids', async () => {
    await rules.addMuteRule({ text: 'Colchicine', field: 'any' });
    expect(await rules.addMuteRule({ text: 'colchicine!', field: 'any' })).toMatchObject({
      ok: false,
      code: 'duplicate',
    });
    expect(await rules.addMuteRule({ text: 'stent', feedId: 'gone', field: 'any' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await rules.addMuteRule({ text: '!!', field: 'any' })).toMatchObject({
      ok: false,
      code: 'nothing-to-match',
    });
    expect(await rules.removeMuteRule({ id: 'nope' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});

describe('RulesMainService saved searches', () => {
  it('saves, lists and removes a search', async () => {
    const saved = await rules.saveSearch({ name: 'SGLT2', query: 'sglt2', filter: 'all' });
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.value).toEqual({
      id: saved.value.id,
      name: 'SGLT2',
      query: 'sglt2',
      feedId: null,
      filter: 'all',
      createdAt: '2026-03-01T12:00:00.000Z',
    });
    expect(await rules.list()).toEqual({
      ok: true,
      value: { muteRules: [], savedSearches: [saved.value] },
    });
    expect(await listedTitles({ query: saved.value.query })).toEqual([
      'Empagliflozin in heart failure',
    ]);

    expect((await rules.removeSavedSearch({ id: saved.value.id })).ok).toBe(true);
    expect(await rules.list()).toEqual({ ok: true, value: { muteRules: [], savedSearches: [] } });
  });

  it('refuses a second search with the same name and a query with nothing to find', async () => {
    await rules.saveSearch({ name: 'Gout', query: 'gout', filter: 'all' });
    expect(await rules.saveSearch({ name: 'gout', query: 'flares', filter: 'all' })).toMatchObject({
      ok: false,
      code: 'duplicate',
    });
    expect(await rules.saveSearch({ name: 'Empty', query: '""', filter: 'all' })).toMatchObject({
      ok: false,
      code: 'nothing-to-match',
    });
  });

  it('refuses a search whose filter cannot be read, saying why, and saves nothing', async () => {
    const refused = await rules.saveSearch({
      name: 'Recent gout',
      query: 'gout after:2024-13',
      filter: 'all',
    });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-query' });
    expect(refused.ok ? '' : refused.message).toContain('after:2024-13');
    expect(await rules.list()).toEqual({ ok: true, value: { muteRules: [], savedSearches: [] } });
  });
});

describe('RulesMainService renaming a saved search', () => {
  it('renames a search on disk, keeping what it looks for', async () => {
    const saved = await rules.saveSearch({ name: 'SGLT2', query: 'sglt2', filter: 'unread' });
    if (!saved.ok) throw new Error(saved.message);
    const renamed = await rules.renameSavedSearch({ id: saved.value.id, name: 'Gliflozins' });
    expect(renamed).toEqual({ ok: true, value: { ...saved.value, name: 'Gliflozins' } });

    const onDisk = JSON.parse(await readFile(join(dataDir.dir, 'library', 'rules.json'), 'utf8'));
    expect(onDisk.savedSearches).toEqual([{ ...saved.value, name: 'Gliflozins' }]);
  });

  it('refuses the name of another saved search and an unknown search, changing nothing', async () => {
    const gout = await rules.saveSearch({ name: 'Gout', query: 'gout', filter: 'all' });
    const colchicine = await rules.saveSearch({
      name: 'Colchicine',
      query: 'colchicine',
      filter: 'all',
    });
    if (!gout.ok || !colchicine.ok) throw new Error('could not save the searches');

    expect(await rules.renameSavedSearch({ id: colchicine.value.id, name: 'GOUT' })).toEqual({
      ok: false,
      code: 'duplicate',
      message: 'You already have a saved search called “Gout”.',
    });
    expect(await rules.renameSavedSearch({ id: 'gone', name: 'Anything' })).toEqual({
      ok: false,
      code: 'not-found',
      message: 'That saved search was already removed.',
    });
    // A change of case alone is a rename of the search to itself.
    expect(await rules.renameSavedSearch({ id: gout.value.id, name: 'GOUT' })).toMatchObject({
      ok: true,
      value: { name: 'GOUT' },
    });
    expect(await rules.list()).toMatchObject({
      ok: true,
      value: { savedSearches: [{ name: 'GOUT' }, { name: 'Colchicine' }] },
    });
  });
});

describe('rules.json recovery', () => {
  it('starts with no rules, and says so, when the file is damaged beyond repair', async () => {
    await rules.addMuteRule({ text: 'colchicine', field: 'any' });
    await closeServices();
    await writeFile(join(dataDir.dir, 'library/rules.json'), '{"muteRules": [tru');
    await rm(join(dataDir.dir, 'library/backups/rules.json.bak'), { force: true });
    await openServices();

    expect(await rules.list()).toEqual({ ok: true, value: { muteRules: [], savedSearches: [] } });
    expect(await listedTitles()).toHaveLength(3);
    expect(store.notices()).toEqual([
      expect.objectContaining({ kind: 'reset-to-empty', message: expect.stringMatching(/mute/) }),
    ]);
  });
});
