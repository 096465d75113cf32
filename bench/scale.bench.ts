/**
 * Scale benchmark: the app's backend on realistic libraries of 1,000, 10,000 and 100,000 papers
 * (bench/library/generateLibrary.ts), each run a new host process on a copy of the library, as
 * issue 7 measures it. Prints one JSON line per metric and size with the median as `value`, the
 * minimum and every run's figure.
 *
 *   npx tsx bench/scale.bench.ts                       (or: npm run bench -- scale)
 *   ROUNDS_BENCH_SKIP_100K=1 npx tsx bench/scale.bench.ts   (1k and 10k only: minutes, not hours)
 *   ROUNDS_BENCH_RUNS=7 ...                            (runs per size; at least 5)
 *   ROUNDS_BENCH_LIBRARIES=<folder> ...                (where libraries are kept; .tmp/libraries)
 *
 * Libraries are generated once into .tmp/libraries/<size> and reused while their manifest
 * matches. A "cold start" is a new process; the operating system's file cache is warm, since a
 * preparatory start per size refreshes the feeds first (so no run pays for a background refresh).
 * The window figures (ui.first_list_ms, ui.scroll_longest_task_ms, ui.open_item_ms) are taken in
 * Debian's Chromium against a new host process per run, once its first page has been served
 * (starting the backend is library.open_first_page_ms); bench/scale/uiMetrics.ts says how.
 *
 *   ROUNDS_BENCH_ONLY=backend ... | ROUNDS_BENCH_ONLY=ui ...   (one half of the figures)
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_SPEC,
  ensureLibrary,
  type GeneratedLibrary,
  MANIFEST_FILE,
} from './library/generateLibrary';
import { serveSyntheticFeeds, type SyntheticFeedServer } from './library/syntheticFeedServer';
import {
  additionalJournalFeed,
  type LibrarySpec,
  type SyntheticFeed,
  syntheticFeeds,
} from './library/syntheticLibrary';
import { HostProcess } from './scale/HostProcess';
import { FIRST_QUERY, type SearchQuery, searchQueries } from './scale/searchQueries';
import { launchBenchBrowser, measureUiOnce, type UiFigures } from './scale/uiMetrics';
import { median, percentile95 } from './statistics';

/** One measurement, printed as one JSON line. */
export interface BenchResult {
  name: string;
  /** The median of the runs (or the single figure of a one-off measurement). */
  value: number;
  unit: 'ms' | 'MB' | 'ratio' | 'count';
  items?: number;
  min?: number;
  runs?: number[];
  variant?: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOST_SCRIPT = join(ROOT, 'out/main/host.js');
const LIBRARIES_DIR = resolve(process.env.ROUNDS_BENCH_LIBRARIES ?? join(ROOT, '.tmp/libraries'));
const SIZES = [
  { label: '1k', items: 1_000 },
  { label: '10k', items: 10_000 },
  { label: '100k', items: 100_000 },
] as const;
const MIN_RUNS = 5;
const GETS_PER_RUN = 20;
const READ_FLIPS_PER_RUN = 10;
const ADDED_FEED_ITEMS = 1_000;

/** Everything one run (one host process) measures. */
interface RunFigures {
  openFirstPageMs: number;
  firstQueryMs: number;
  queryP95Ms: number;
  getP95Ms: number;
  setReadMs: number;
  saveAnnotationMs: number;
  addFeedMs: number;
  rssAfterLoadMb: number;
  rssAfterSearchesMb: number;
  importPeakMb: number;
  hitsByKind: Record<string, number>;
}

/** A library prepared for measuring: a scratch copy, and its feeds served again. */
interface Session {
  label: string;
  library: GeneratedLibrary;
  scratchDir: string;
  server: SyntheticFeedServer;
  addedFeed: SyntheticFeed;
  queries: SearchQuery[];
  runs: RunFigures[];
  uiRuns: UiFigures[];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function runCount(): number {
  const wanted = Number(process.env.ROUNDS_BENCH_RUNS ?? MIN_RUNS);
  if (!Number.isInteger(wanted) || wanted < MIN_RUNS)
    throw new Error(`ROUNDS_BENCH_RUNS must be a whole number of at least ${MIN_RUNS}`);
  return wanted;
}

/** Which halves of the figures to take: ROUNDS_BENCH_ONLY=backend or =ui narrows to one. */
function benchParts(): { backend: boolean; ui: boolean } {
  const only = process.env.ROUNDS_BENCH_ONLY;
  if (only === undefined || only === '') return { backend: true, ui: true };
  if (only !== 'backend' && only !== 'ui')
    throw new Error(`ROUNDS_BENCH_ONLY must be "backend" or "ui", not "${only}"`);
  return { backend: only === 'backend', ui: only === 'ui' };
}

function ensureBuilt(): void {
  if (existsSync(HOST_SCRIPT)) return;
  console.error('[scale] out/main/host.js is missing: building with electron-vite');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** Apparent bytes of every file under `dir`, and of those under its `backups` folders. */
async function folderBytes(dir: string): Promise<{ total: number; backups: number }> {
  const sizes = { total: 0, backups: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === MANIFEST_FILE) continue;
    const path = join(entry.parentPath, entry.name);
    const { size } = await stat(path);
    sizes.total += size;
    if (path.slice(dir.length).split(/[\\/]/).includes('backups')) sizes.backups += size;
  }
  return sizes;
}

async function prepareSession(label: string, items: number): Promise<Session> {
  const spec: LibrarySpec = { items, ...DEFAULT_SPEC };
  const library = await ensureLibrary(spec, join(LIBRARIES_DIR, label));
  const scratchDir = await mkdtemp(join(tmpdir(), `rounds-scale-${label}-`));
  await cp(library.dataDir, scratchDir, { recursive: true });
  const addedFeed = additionalJournalFeed(spec, 0, ADDED_FEED_ITEMS);
  const feeds = [...syntheticFeeds(spec), addedFeed];
  // The stored feed addresses name the port they were subscribed from: serve them there again, so
  // a background refresh is answered "not modified" as a journal's server would.
  let server: SyntheticFeedServer;
  try {
    server = await serveSyntheticFeeds(spec, feeds, library.manifest.feedPort ?? 0);
  } catch {
    console.error(
      `[scale] ${label}: port ${library.manifest.feedPort} is taken; its feeds will fail to refresh`,
    );
    server = await serveSyntheticFeeds(spec, feeds);
  }
  // Built now, so that timing the subscription does not time the building of the document.
  const warmed = await fetch(server.urlOf(addedFeed));
  if (!warmed.ok) throw new Error(`The added feed answered HTTP ${warmed.status}`);
  await warmed.arrayBuffer();
  const session = { label, library, scratchDir, server, addedFeed, queries: searchQueries(spec) };
  await refreshOnce(session);
  return { ...session, runs: [], uiRuns: [] };
}

/** One unmeasured start that refreshes every feed, so none is due during the measured runs. */
async function refreshOnce(session: Pick<Session, 'scratchDir'>): Promise<void> {
  const host = await HostProcess.start(HOST_SCRIPT, session.scratchDir);
  try {
    const outcomes = await host.expect<{ error: unknown }[]>('feeds.refresh', {});
    const failed = outcomes.filter((outcome) => outcome.error !== null).length;
    if (failed > 0) console.error(`[scale] ${failed} feeds failed to refresh before measuring`);
    await searchIndexReady(host);
  } finally {
    await host.stop();
  }
}

/**
 * Waits until the search index holds the library: a library from before search gets its index
 * built on its first start, in the background, and the measured runs are of later starts.
 */
async function searchIndexReady(host: HostProcess): Promise<void> {
  for (;;) {
    const page = await host.expect<{ search?: { index: { state: string; indexed?: number } } }>(
      'library.list',
      { query: FIRST_QUERY, limit: 1 },
    );
    const index = page.search?.index;
    if (index === undefined || index.state === 'ready') return;
    console.error(`[scale] search index ${index.state}: ${index.indexed ?? 0} items so far`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

async function timeSearches(
  host: HostProcess,
  queries: SearchQuery[],
): Promise<{ p95: number; hitsByKind: Record<string, number> }> {
  const timings: number[] = [];
  const hitsByKind: Record<string, number> = {};
  for (const query of queries) {
    const { ms, value } = await timed(() =>
      host.expect<{ total: number }>('library.list', { query: query.text, limit: 100 }),
    );
    timings.push(ms);
    hitsByKind[query.kind] = (hitsByKind[query.kind] ?? 0) + value.total;
  }
  return { p95: percentile95(timings), hitsByKind };
}

/** Resolves once the host has loaded every record: a feed's list is answered only then. */
async function waitForRecordsLoaded(host: HostProcess): Promise<void> {
  const feeds = await host.expect<{ id: string }[]>('feeds.list');
  const feed = feeds[0];
  if (feed !== undefined) await host.expect('library.list', { feedId: feed.id, limit: 1 });
}

/** Ids of items spread evenly over the whole list, newest to oldest. */
async function spreadItemIds(host: HostProcess, count: number): Promise<string[]> {
  const { total } = await host.expect<{ total: number }>('library.list', { limit: 1 });
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    const offset = Math.floor(((k + 0.5) * total) / count);
    const page = await host.expect<{ items: { id: string }[] }>('library.list', {
      offset,
      limit: 1,
    });
    if (page.items[0] !== undefined) ids.push(page.items[0].id);
  }
  return ids;
}

async function timeGets(host: HostProcess, ids: string[]): Promise<number> {
  const timings: number[] = [];
  for (const id of ids) timings.push((await timed(() => host.expect('library.get', { id }))).ms);
  return percentile95(timings);
}

/** Marks items read and back again, so the library ends as it began; the median of all calls. */
async function timeSetRead(host: HostProcess, ids: string[]): Promise<number> {
  const timings: number[] = [];
  for (const id of ids) {
    for (const read of [true, false])
      timings.push((await timed(() => host.expect('library.setRead', { id, read }))).ms);
  }
  return median(timings);
}

/**
 * Highlights the first words of each item's title, saving through `annotations.save`, then
 * removes the highlights so the library ends as it began; the median of the saves.
 */
async function timeSaveAnnotation(host: HostProcess, ids: string[]): Promise<number> {
  const timings: number[] = [];
  for (const id of ids) {
    const annotationId = randomUUID();
    const now = new Date().toISOString();
    const annotation = {
      id: annotationId,
      itemId: id,
      source: `urn:rounds:item:${encodeURIComponent(id)}`,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'the', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 3 },
        page: null,
      },
      colour: 'yellow',
      note: '',
      noteId: null,
      tags: [],
      createdAt: now,
      updatedAt: now,
    };
    timings.push((await timed(() => host.expect('annotations.save', { annotation }))).ms);
    await host.expect('annotations.remove', { id: annotationId });
  }
  return median(timings);
}

/** Subscribes to a 1,000-item feed (timed, with the peak memory it takes), then unsubscribes. */
async function timeAddFeed(
  host: HostProcess,
  session: Session,
): Promise<{ ms: number; peakMb: number }> {
  const peakIsOwn = host.resetPeakMemory();
  const { ms, value } = await timed(() =>
    host.expect<{ id: string; itemCount: number }>('feeds.add', {
      url: session.server.urlOf(session.addedFeed),
    }),
  );
  const { peakMb } = host.memory();
  if (value.itemCount !== ADDED_FEED_ITEMS)
    throw new Error(`The added feed stored ${value.itemCount} items, not ${ADDED_FEED_ITEMS}`);
  if (!peakIsOwn) console.error('[scale] cannot reset VmHWM: the import peak includes start-up');
  await host.expect('feeds.remove', { id: value.id });
  return { ms, peakMb };
}

/** One cold start and everything measured in that process. */
async function measureOnce(session: Session): Promise<RunFigures> {
  const started = performance.now();
  const host = await HostProcess.start(HOST_SCRIPT, session.scratchDir);
  try {
    await host.expect('library.list', {});
    const openFirstPageMs = performance.now() - started;
    const rssAfterLoadMb = host.memory().residentMb;
    const firstQuery = await timed(() => host.expect('library.list', { query: FIRST_QUERY }));
    // The twenty searches measure search itself, once the records have loaded (a few seconds at
    // 100k); a search made before that is answered provisionally, as the first query was.
    await waitForRecordsLoaded(host);
    const searches = await timeSearches(host, session.queries);
    const rssAfterSearchesMb = host.memory().residentMb;
    const ids = await spreadItemIds(host, GETS_PER_RUN);
    const getP95Ms = await timeGets(host, ids);
    const setReadMs = await timeSetRead(host, ids.slice(0, READ_FLIPS_PER_RUN));
    const saveAnnotationMs = await timeSaveAnnotation(host, ids.slice(0, READ_FLIPS_PER_RUN));
    const added = await timeAddFeed(host, session);
    return {
      openFirstPageMs,
      firstQueryMs: firstQuery.ms,
      queryP95Ms: searches.p95,
      getP95Ms,
      setReadMs,
      saveAnnotationMs,
      addFeedMs: added.ms,
      rssAfterLoadMb,
      rssAfterSearchesMb,
      importPeakMb: added.peakMb,
      hitsByKind: searches.hitsByKind,
    };
  } finally {
    await host.stop();
  }
}

/** One run of the window figures: a new host, its first page served, then the browser. */
async function measureUiInNewHost(
  session: Session,
  browser: Awaited<ReturnType<typeof launchBenchBrowser>>,
): Promise<UiFigures> {
  const host = await HostProcess.start(HOST_SCRIPT, session.scratchDir);
  try {
    await host.expect('library.list', {});
    return await measureUiOnce(browser, host.url, session.uiRuns.length);
  } finally {
    await host.stop();
  }
}

function figures(
  session: Session,
  name: string,
  unit: BenchResult['unit'],
  runs: number[],
  variant?: string,
): BenchResult {
  return {
    name,
    value: round(median(runs)),
    unit,
    items: session.library.manifest.spec.items,
    min: round(Math.min(...runs)),
    runs: runs.map(round),
    ...(variant === undefined ? {} : { variant }),
  };
}

function summary(
  session: Session,
  name: string,
  unit: BenchResult['unit'],
  figure: (run: RunFigures) => number,
  variant?: string,
): BenchResult {
  return figures(session, name, unit, session.runs.map(figure), variant);
}

function uiResults(session: Session): BenchResult[] {
  if (session.uiRuns.length === 0) return [];
  const of = (figure: (run: UiFigures) => number) => session.uiRuns.map(figure);
  return [
    figures(
      session,
      'ui.first_list_ms',
      'ms',
      of((run) => run.firstListMs),
    ),
    figures(
      session,
      'ui.scroll_longest_task_ms',
      'ms',
      of((run) => run.scrollLongestTaskMs),
      '80 wheel steps of 800 px',
    ),
    figures(
      session,
      'ui.scroll_longest_task_cpu_ms',
      'ms',
      of((run) => run.scrollLongestTaskCpuMs),
      "the most CPU time one task took, a busy machine's waits left out",
    ),
    figures(
      session,
      'ui.open_item_ms',
      'ms',
      of((run) => run.openItemMs),
    ),
  ];
}

async function sessionResults(session: Session): Promise<BenchResult[]> {
  // The scratch copy, as the runs left it: the first start there moved the library to the
  // current layout, which the cached original keeps in the layout it was generated in.
  const disk = await folderBytes(session.scratchDir);
  const items = session.library.manifest.spec.items;
  const hits = session.runs.at(-1)?.hitsByKind ?? {};
  const hitsText = Object.entries(hits)
    .map(([kind, total]) => `${kind} ${total}`)
    .join(', ');
  const ui = uiResults(session);
  if (session.runs.length === 0) return ui;
  return [
    ...ui,
    summary(session, 'library.open_first_page_ms', 'ms', (run) => run.openFirstPageMs),
    summary(session, 'search.first_query_ms', 'ms', (run) => run.firstQueryMs, FIRST_QUERY),
    summary(session, 'search.query_p95_ms', 'ms', (run) => run.queryP95Ms, `hits: ${hitsText}`),
    summary(session, 'library.get_p95_ms', 'ms', (run) => run.getP95Ms),
    summary(session, 'store.set_read_ms', 'ms', (run) => run.setReadMs),
    summary(session, 'annotations.save_ms', 'ms', (run) => run.saveAnnotationMs),
    summary(session, 'feeds.add_1000_items_ms', 'ms', (run) => run.addFeedMs),
    summary(session, 'backend.rss_mb', 'MB', (run) => run.rssAfterLoadMb, 'after load'),
    summary(session, 'backend.rss_mb', 'MB', (run) => run.rssAfterSearchesMb, 'after 21 searches'),
    summary(
      session,
      'backend.rss_mb',
      'MB',
      (run) => run.importPeakMb,
      'peak adding a 1,000-item feed',
    ),
    {
      name: 'store.disk_ratio',
      value: Math.round((disk.total / session.library.manifest.contentBytes) * 100) / 100,
      unit: 'ratio',
      items,
      variant: `${round(disk.total / 2 ** 20)} MB folder (backups ${round(disk.backups / 2 ** 20)} MB) / ${round(session.library.manifest.contentBytes / 2 ** 20)} MB content`,
    },
  ];
}

function ratio(
  results: BenchResult[],
  name: string,
  numerator: number,
  denominator: number,
): BenchResult[] {
  const valueAt = (items: number) =>
    results.find((result) => result.name === name && result.items === items)?.value;
  const top = valueAt(numerator);
  const bottom = valueAt(denominator);
  if (top === undefined || bottom === undefined) return [];
  const label = (items: number) => `${items / 1000}k`;
  return [
    {
      name: `${name.replace(/_ms$/, '')}_ratio_${label(numerator)}_${label(denominator)}`,
      value: Math.round((top / bottom) * 100) / 100,
      unit: 'ratio',
    },
  ];
}

/**
 * Prepares every size, then measures in rounds that visit the sizes in alternating order: on a
 * shared machine, a busy spell then weighs on all sizes alike, which keeps their ratios honest.
 */
export async function runScaleBench(): Promise<BenchResult[]> {
  const runs = runCount();
  const parts = benchParts();
  ensureBuilt();
  const sizes = SIZES.filter((size) => size.items < 100_000 || !process.env.ROUNDS_BENCH_SKIP_100K);
  const sessions: Session[] = [];
  const browser = parts.ui ? await launchBenchBrowser() : null;
  try {
    for (const size of sizes) sessions.push(await prepareSession(size.label, size.items));
    for (let round = 0; round < runs; round++) {
      for (const session of round % 2 === 0 ? sessions : [...sessions].reverse()) {
        if (parts.backend) session.runs.push(await measureOnce(session));
        if (browser !== null) session.uiRuns.push(await measureUiInNewHost(session, browser));
        console.error(`[scale] ${session.label}: run ${round + 1} of ${runs} done`);
      }
    }
    const results: BenchResult[] = [];
    for (const session of sessions) results.push(...(await sessionResults(session)));
    return [
      ...results,
      ...ratio(results, 'library.open_first_page_ms', 100_000, 1_000),
      ...ratio(results, 'store.set_read_ms', 100_000, 10_000),
      ...ratio(results, 'feeds.add_1000_items_ms', 100_000, 10_000),
    ];
  } finally {
    await browser?.close();
    for (const session of sessions) {
      await session.server.close();
      await rm(session.scratchDir, { recursive: true, force: true });
    }
  }
}

const executedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (executedDirectly) {
  const machine = `${cpus().length} cores, load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} at start, Node ${process.version}`;
  console.error(`[scale] ${machine}`);
  for (const result of await runScaleBench()) console.log(JSON.stringify(result));
  console.error(
    `[scale] load ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} at the end`,
  );
}
