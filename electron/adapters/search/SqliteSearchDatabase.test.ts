import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '@shared/domain/library/parseSearchQuery';
import { seededRandom } from '@shared/testing/seededRandom';
import { MOST_RANKED_MATCHES, SqliteSearchDatabase } from './SqliteSearchDatabase';
import { searchDocument } from './testing/searchDocument';

let dir: string;
let path: string;
let damagedPath: string;
let database: SqliteSearchDatabase | null;

function open(): { database: SqliteSearchDatabase; opening: string } {
  const opened = SqliteSearchDatabase.open(path, damagedPath);
  database = opened.database;
  return opened;
}

function ids(text: string): string[] {
  const parsed = parseSearchQuery(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return (database as SqliteSearchDatabase)
    .search({ query: parsed.query, limit: 100 })
    .hits.map((hit) => hit.id);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rounds-search-db-'));
  path = join(dir, 'index.sqlite');
  damagedPath = join(dir, 'index.damaged.sqlite');
  database = null;
});

afterEach(async () => {
  database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SqliteSearchDatabase', () => {
  it('adds, replaces and removes documents, and keeps them across a reopen', () => {
    expect(open().opening).toBe('created');
    database?.upsert([
      searchDocument('a', { contentHtml: '<p>Bronchiolitis in <b>infants</b></p>' }),
      searchDocument('b', { title: 'Sepsis' }),
    ]);
    database?.upsert([searchDocument('b', { title: 'Delirium' })]);
    database?.remove(['a', 'unknown']);
    database?.close();

    expect(open().opening).toBe('kept');
    expect(ids('bronchiolitis')).toEqual([]);
    expect(ids('sepsis')).toEqual([]);
    expect(ids('delirium')).toEqual(['b']);
    expect(database?.ids()).toEqual(['b']);
  });

  it('ranks a title or identifier above authors, and authors above the abstract', () => {
    open();
    database?.upsert([
      searchDocument('abstract', { contentHtml: '<p>Anker reported it.</p>' }),
      searchDocument('title', { title: 'The Anker trial' }),
      searchDocument('author', { authors: ['Stefan Anker'] }),
    ]);

    expect(ids('anker')).toEqual(['title', 'author', 'abstract']);
  });

  it('lists a search too broad to rank newest first, matches outside the abstract first', () => {
    open();
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString();
    // More abstracts mention the word than are ranked; two titles do, an old one and a newer one.
    const many = Array.from({ length: MOST_RANKED_MATCHES + 50 }, (_, n) =>
      searchDocument(`abstract-${n}`, { contentHtml: '<p>Sepsis bundles.</p>', datedAt: day(n) }),
    );
    database?.upsert([
      ...many,
      searchDocument('old-title', { title: 'Sepsis in 1962', datedAt: '1962-05-01T00:00:00Z' }),
      searchDocument('new-title', { title: 'Sepsis now', datedAt: day(10) }),
    ]);
    const parsed = parseSearchQuery('sepsis');
    if (!parsed.ok) throw new Error(parsed.message);

    const found = database?.search({ query: parsed.query, limit: 5 });

    expect(found?.order).toBe('newest');
    expect(found?.truncated).toBe(true);
    expect(found?.hits.map((hit) => hit.id)).toEqual([
      'new-title',
      'old-title',
      `abstract-${MOST_RANKED_MATCHES + 49}`,
      `abstract-${MOST_RANKED_MATCHES + 48}`,
      `abstract-${MOST_RANKED_MATCHES + 47}`,
    ]);
  });

  it('ranks a narrower search, says when there are more matches than asked, and lists filters newest first', () => {
    open();
    database?.upsert([
      searchDocument('a', { title: 'Delirium', datedAt: '2021-01-01T00:00:00Z' }),
      searchDocument('b', { title: 'Delirium', datedAt: '1950-01-01T00:00:00Z' }),
      searchDocument('c', { title: 'Delirium', datedAt: '2024-01-01T00:00:00Z' }),
    ]);
    const search = (text: string, limit: number) => {
      const parsed = parseSearchQuery(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return database?.search({ query: parsed.query, limit });
    };

    expect(search('delirium', 2)).toMatchObject({ order: 'relevance', truncated: true });
    expect(search('delirium', 3)).toMatchObject({ order: 'relevance', truncated: false });
    expect(search('after:1900', 3)?.hits.map((hit) => hit.id)).toEqual(['c', 'a', 'b']);

    // A new date files it again, in its new place.
    database?.upsert([searchDocument('b', { title: 'Delirium', datedAt: '2025-01-01T00:00:00Z' })]);
    expect(search('after:1900', 3)?.hits.map((hit) => hit.id)).toEqual(['b', 'c', 'a']);
  });

  it('hands back with each hit what a list needs before the library has loaded', () => {
    open();
    database?.upsert([
      searchDocument('a', { feedId: 'nejm', paperKey: 'doi:10.1/x', place: 7, title: 'Gout' }),
    ]);
    const parsed = parseSearchQuery('gout');
    if (!parsed.ok) throw new Error(parsed.message);

    expect(database?.search({ query: parsed.query, limit: 10 }).hits).toEqual([
      { id: 'a', feedId: 'nejm', paperKey: 'doi:10.1/x', place: 7 },
    ]);
  });

  it('adds only missing documents when resuming a build', () => {
    open();
    database?.upsert([searchDocument('a', { title: 'Fresh title' })]);
    database?.upsert([searchDocument('a', { title: 'Stale title' }), searchDocument('b')], true);

    expect(ids('fresh')).toEqual(['a']);
    expect(ids('stale')).toEqual([]);
    expect(database?.ids().sort()).toEqual(['a', 'b']);
  });

  it('moves aside a file that is not a database, or has another schema, and starts afresh', async () => {
    await writeFile(path, 'garbage that is not SQLite');
    expect(open().opening).toBe('replaced');
    expect(await readFile(damagedPath, 'utf8')).toBe('garbage that is not SQLite');
    database?.upsert([searchDocument('a')]);
    database?.close();
    database = null;

    const { Database } = (await import('node-sqlite3-wasm')).default;
    const raw = new Database(path);
    raw.exec('PRAGMA user_version = 99');
    raw.close();
    const reopened = open();
    expect(reopened.opening).toBe('replaced');
    expect(reopened.database.ids()).toEqual([]);
    expect(existsSync(damagedPath)).toBe(true);
  });

  it('moves aside a file whose pages are corrupt', async () => {
    open();
    database?.upsert([searchDocument('a', { contentHtml: `<p>${'word '.repeat(5000)}</p>` })]);
    database?.close();
    const bytes = await readFile(path);
    // Page 1 (the header and schema) stays; every page after it is overwritten.
    bytes.fill(0xa5, 4096);
    await writeFile(path, bytes);

    expect(open().opening).toBe('replaced');
    expect(database?.ids()).toEqual([]);
  });

  it('answers every query the parser accepts without an FTS5 error (2,000 random queries)', () => {
    open();
    database?.upsert([searchDocument('a', { title: 'NEAR AND OR NOT covid-19 "quoted" é' })]);
    const random = seededRandom(7);
    const pieces = [...'ab9 -"*^:(){}+.', 'NEAR', 'OR', 'NOT', 'title:', 'author:', 'feed:', 'é'];
    for (let run = 0; run < 2_000; run++) {
      let text = '';
      const length = Math.floor(random() * 16);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
      const parsed = parseSearchQuery(text);
      if (!parsed.ok) continue;
      expect(() => database?.search({ query: parsed.query, limit: 10 }), text).not.toThrow();
    }
  });
});
