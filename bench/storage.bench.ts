/**
 * Storage benchmark: how long marking one item read takes, end to end and durably on disk, in a
 * library of 10,000 and of 100,000 realistic items, and how long a cold open takes.
 *
 *   npx tsx bench/storage.bench.ts
 *
 * Prints one JSON object per line; `runStorageBench()` returns the same results to scripts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { LowdbLibraryStore } from '../electron/adapters/storage/LowdbLibraryStore';
import type { StoredFeed, StoredItem } from '../electron/services/library/LibraryStore';
import { newFeedRecord } from '../shared/domain/library/newFeedRecord';
import { seededRandom } from '../shared/testing/seededRandom';
import { median } from './statistics';

/** One measurement, printed as one JSON line. */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'ratio';
  items?: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVICE_PATH = join(ROOT, 'electron/services/library/LibraryMainService.ts');
const ITEMS_PER_FEED = 500;
const WARM_UP_CALLS = 5;
const MEASURED_CALLS = 41;
const READ_SHARE = 0.6;
const STARRED_SHARE = 0.03;

/** The part of the library service the benchmark drives. */
interface ReadMarker {
  setRead(args: { id: string; read: boolean }): Promise<{ ok: boolean }>;
}

// The root tsconfig.json is a solution file without `paths`, so a plain `npx tsx` cannot resolve
// the `@shared/*` alias that the code under test uses; load it with tsconfig.node.json instead.
async function importProjectModule<T>(path: string): Promise<T> {
  return (await tsImport(pathToFileURL(path).href, {
    parentURL: import.meta.url,
    tsconfig: join(ROOT, 'tsconfig.node.json'),
  })) as T;
}

const WORDS = (
  'randomised controlled trial cohort patients outcomes mortality hospital admission therapy ' +
  'placebo efficacy safety adverse events cardiovascular diabetes hypertension sepsis stroke ' +
  'anticoagulation guideline meta-analysis systematic review primary care emergency department ' +
  'intensive follow-up baseline hazard ratio confidence interval adults children elderly'
).split(' ');

function sentence(next: () => number, minLength: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < minLength) {
    const word = WORDS[Math.floor(next() * WORDS.length)] ?? 'trial';
    words.push(word);
    length += word.length + 1;
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function hex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function buildLibrary(
  itemCount: number,
  seed: number,
): { feeds: StoredFeed[]; items: StoredItem[][] } {
  const next = seededRandom(seed);
  const feeds: StoredFeed[] = [];
  const items: StoredItem[][] = [];
  const now = Date.UTC(2026, 10, 25);
  for (let f = 0; f * ITEMS_PER_FEED < itemCount; f += 1) {
    const feedId = hex(`feed-${seed}-${f}`, 16);
    feeds.push(
      newFeedRecord({
        id: feedId,
        url: `https://journal-${f}.example/rss`,
        title: `${sentence(next, 20)} Journal`,
        siteUrl: `https://journal-${f}.example`,
        addedAt: new Date(now - 400 * 86_400_000).toISOString(),
        lastFetchedAt: new Date(now).toISOString(),
        lastError: null,
        etag: `"${hex(feedId, 12)}"`,
        lastModified: new Date(now).toUTCString(),
        bodyHash: hex(`${feedId}-body`, 64),
      }),
    );
    const feedItems: StoredItem[] = [];
    const count = Math.min(ITEMS_PER_FEED, itemCount - f * ITEMS_PER_FEED);
    for (let i = 0; i < count; i += 1) {
      const guid = `https://journal-${f}.example/articles/${i}`;
      const published = now - Math.floor(next() * 730 * 86_400_000);
      const paragraphs = Array.from(
        { length: 3 + Math.floor(next() * 4) },
        () => `<p>${sentence(next, 250)}.</p>`,
      );
      feedItems.push({
        id: hex(`${feedId}\n${guid}`, 32),
        feedId,
        guid,
        title: sentence(next, 60 + Math.floor(next() * 80)),
        link: guid,
        author: next() < 0.7 ? `${sentence(next, 8)} et al.` : null,
        publishedAt: next() < 0.97 ? new Date(published).toISOString() : null,
        excerpt: `${sentence(next, 200 + Math.floor(next() * 70))}…`,
        contentHtml: paragraphs.join('\n'),
        fetchedAt: new Date(published + 3_600_000).toISOString(),
      });
    }
    items.push(feedItems);
  }
  return { feeds, items };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

interface PreparedLibrary {
  itemCount: number;
  dataDir: string;
  ids: string[];
  read: Map<string, boolean>;
}

type StoreClass = typeof LowdbLibraryStore;

/** Builds a lived-in library on disk and keeps only what the measurement needs in memory. */
async function prepareLibrary(Store: StoreClass, itemCount: number): Promise<PreparedLibrary> {
  const dataDir = await mkdtemp(join(tmpdir(), `rounds-bench-${itemCount}-`));
  const { feeds, items } = buildLibrary(itemCount, itemCount);
  const next = seededRandom(7 * itemCount);
  const read = new Map<string, boolean>();
  const builder = await Store.open(dataDir);
  await Promise.all(feeds.map((feed) => builder.saveFeed(feed)));
  await Promise.all(items.map((feedItems) => builder.putItems(feedItems)));
  // Most older items read and a few starred, so the state shards have a realistic size.
  const marks: Promise<boolean>[] = [];
  for (const item of items.flat()) {
    const isRead = next() < READ_SHARE;
    const starred = next() < STARRED_SHARE;
    read.set(item.id, isRead);
    if (isRead || starred) marks.push(builder.setItemState(item.id, { read: isRead, starred }));
  }
  await Promise.all(marks);
  await builder.close();
  return { itemCount, dataDir, ids: [...read.keys()], read };
}

async function readMarkerFor(
  store: LowdbLibraryStore,
): Promise<{ marker: ReadMarker; via: string }> {
  if (existsSync(SERVICE_PATH)) {
    const { LibraryMainService } = await importProjectModule<{
      LibraryMainService: new (deps: { store: LowdbLibraryStore }) => ReadMarker;
    }>(SERVICE_PATH);
    return { marker: new LibraryMainService({ store }), via: 'LibraryMainService.setRead' };
  }
  return {
    marker: { setRead: async ({ id, read }) => ({ ok: await store.setItemState(id, { read }) }) },
    via: 'LowdbLibraryStore.setItemState',
  };
}

/** Flips one random item's read mark and returns how long the durable write took. */
async function timeOneSetRead(
  library: PreparedLibrary,
  marker: ReadMarker,
  next: () => number,
): Promise<number> {
  const id = library.ids[Math.floor(next() * library.ids.length)] as string;
  const read = !library.read.get(id);
  const started = performance.now();
  const result = await marker.setRead({ id, read });
  const elapsed = performance.now() - started;
  if (!result.ok) throw new Error(`setRead failed for ${id}: ${JSON.stringify(result)}`);
  library.read.set(id, read);
  return elapsed;
}

/**
 * Builds the two libraries in their own temp folders, one after the other, then opens both and
 * alternates single calls between them: on a shared machine, background load then weighs on both
 * sizes alike instead of on whichever happened to run during a busy spell.
 */
export async function runStorageBench(): Promise<BenchResult[]> {
  const { LowdbLibraryStore: Store } = await importProjectModule<{ LowdbLibraryStore: StoreClass }>(
    join(ROOT, 'electron/adapters/storage/LowdbLibraryStore.ts'),
  );
  const libraries: PreparedLibrary[] = [];
  try {
    for (const itemCount of [10_000, 100_000])
      libraries.push(await prepareLibrary(Store, itemCount));
    const sessions = [];
    for (const library of libraries) {
      const started = performance.now();
      const store = await Store.open(library.dataDir);
      const openMs = performance.now() - started;
      const { marker, via } = await readMarkerFor(store);
      console.error(`[bench] ${library.itemCount} items: marking read through ${via}`);
      sessions.push({ library, store, marker, openMs, timings: [] as number[] });
    }
    const next = seededRandom(2026);
    for (let call = 0; call < WARM_UP_CALLS + MEASURED_CALLS; call += 1) {
      // Alternate which size goes first, so neither always follows the other's write.
      const order = call % 2 === 0 ? sessions : [...sessions].reverse();
      for (const session of order) {
        const elapsed = await timeOneSetRead(session.library, session.marker, next);
        if (call >= WARM_UP_CALLS) session.timings.push(elapsed);
      }
    }
    for (const session of sessions) await session.store.close();
    const [small, large] = sessions.map((session) => ({
      setReadMs: median(session.timings),
      openMs: session.openMs,
    })) as [{ setReadMs: number; openMs: number }, { setReadMs: number; openMs: number }];
    return [
      { name: 'store.set_read_ms', value: round(small.setReadMs), unit: 'ms', items: 10_000 },
      { name: 'store.set_read_ms', value: round(large.setReadMs), unit: 'ms', items: 100_000 },
      {
        name: 'store.set_read_ratio_100k_10k',
        value: round(large.setReadMs / small.setReadMs),
        unit: 'ratio',
      },
      { name: 'store.open_ms', value: round(small.openMs), unit: 'ms', items: 10_000 },
      { name: 'store.open_ms', value: round(large.openMs), unit: 'ms', items: 100_000 },
    ];
  } finally {
    for (const library of libraries) await rm(library.dataDir, { recursive: true, force: true });
  }
}

const executedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (executedDirectly) {
  for (const result of await runStorageBench()) console.log(JSON.stringify(result));
}
