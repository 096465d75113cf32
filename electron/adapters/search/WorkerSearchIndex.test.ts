import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '@shared/domain/library/parseSearchQuery';
import type { SearchDocument } from '../../services/library/SearchIndex';
import { searchDocument } from './testing/searchDocument';
import { SEARCH_INDEX_FILE, WorkerSearchIndex } from './WorkerSearchIndex';

function document(id: string, title: string): SearchDocument {
  return searchDocument(id, { title, feedTitle: '' });
}

function request(text: string) {
  const parsed = parseSearchQuery(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return { query: parsed.query, limit: 10 };
}

let dataDir: string;
let index: WorkerSearchIndex;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-search-worker-'));
  index = WorkerSearchIndex.inDataFolder(dataDir);
});

afterEach(async () => {
  await index.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('WorkerSearchIndex', () => {
  it('keeps the index in <dataDir>/search, owner only, and answers calls in the order made', async () => {
    expect(await index.open()).toBe('created');
    // Not awaited: the search sent after them must see both writes.
    const writes = [
      index.upsert([document('a', 'Sepsis bundles'), document('b', 'Sepsis in children')]),
      index.remove(['b']),
    ];
    const found = await index.search(request('sepsis'));
    await Promise.all(writes);

    expect(found).toEqual({
      hits: [{ id: 'a', feedId: 'feed-1', paperKey: 'item:a', place: null }],
      truncated: false,
      order: 'relevance',
    });
    const folder = await stat(join(dataDir, 'search'));
    expect(folder.mode & 0o077).toBe(0);
    expect((await stat(join(dataDir, 'search', SEARCH_INDEX_FILE))).isFile()).toBe(true);
  });

  it('finds what was written before a restart, and refuses calls once closed', async () => {
    await index.open();
    await index.upsert([document('a', 'Delirium prevention')]);
    await index.close();

    const reopened = WorkerSearchIndex.inDataFolder(dataDir);
    expect(await reopened.open()).toBe('kept');
    expect((await reopened.search(request('delirium'))).hits.map((hit) => hit.id)).toEqual(['a']);
    await reopened.close();
    await expect(reopened.ids()).rejects.toThrow('The search index has been closed.');
  });
});
