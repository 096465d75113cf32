/**
 * Writes a realistic clinical library into a data folder the way a user builds one: the feeds are
 * served from a loopback HTTP server and subscribed one by one through the real backend's
 * `feeds.add`, so the folder holds exactly what the app writes.
 *
 *   npx tsx bench/library/generateLibrary.ts --items 100000 --out .tmp/libraries/100k
 *
 * A folder already generated with the same parameters and generator version is kept as it is
 * (its manifest says so), so benchmarks and Playwright tests can reuse it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import type { composeBackend as ComposeBackend } from '../../electron/main/composeBackend';
import { serveSyntheticFeeds } from './syntheticFeedServer';
import {
  checkLibrarySpec,
  contentBytesOf,
  type LibrarySpec,
  syntheticFeeds,
} from './syntheticLibrary';

/** Bump whenever the generated content or the way it is subscribed changes. */
export const GENERATOR_VERSION = 5;
/** The manifest's name inside the data folder. */
export const MANIFEST_FILE = 'rounds-synthetic-library.json';
/** Feeds and seed unless told otherwise. */
export const DEFAULT_SPEC = { feeds: 100, seed: 2026 } as const;
/** Subscriptions in flight at once unless told otherwise (see subscribeAll). */
export const DEFAULT_CONCURRENCY = 3;

/** What the generator records beside the library. */
export interface LibraryManifest {
  generator: 'rounds-synthetic-library';
  generatorVersion: number;
  spec: LibrarySpec;
  /** `generating` until the last feed is subscribed and the backend closed cleanly. */
  status: 'generating' | 'complete';
  /** The loopback port the feeds were subscribed from (their stored addresses name it). */
  feedPort: number | null;
  /** UTF-8 bytes of what the feeds say about their papers (see contentBytesOf). */
  contentBytes: number;
  appVersion: string;
  /** The commit of the code that wrote the library, when known. */
  gitCommit: string | null;
  generatedAt: string;
  generationMs: number;
}

/** A library on disk, ready to be opened. */
export interface GeneratedLibrary {
  dataDir: string;
  manifest: LibraryManifest;
  /** False when an earlier run's library was reused. */
  generated: boolean;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function readManifest(dataDir: string): Promise<LibraryManifest | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, MANIFEST_FILE), 'utf8')) as unknown;
    const manifest = parsed as Partial<LibraryManifest> | null;
    return manifest?.generator === 'rounds-synthetic-library' ? (parsed as LibraryManifest) : null;
  } catch {
    return null;
  }
}

async function writeManifest(dataDir: string, manifest: LibraryManifest): Promise<void> {
  const path = join(dataDir, MANIFEST_FILE);
  await writeFile(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

function matches(manifest: LibraryManifest, spec: LibrarySpec): boolean {
  return (
    manifest.status === 'complete' &&
    manifest.generatorVersion === GENERATOR_VERSION &&
    manifest.spec.items === spec.items &&
    manifest.spec.feeds === spec.feeds &&
    manifest.spec.seed === spec.seed
  );
}

/** Empties a folder this generator wrote before; refuses to touch anyone else's files. */
async function prepareFolder(dataDir: string, previous: LibraryManifest | null): Promise<void> {
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    if (previous === null)
      throw new Error(
        `${dataDir} already holds files this generator did not write. Choose another --out folder or remove it.`,
      );
    await rm(dataDir, { recursive: true, force: true });
  }
  await mkdir(dataDir, { recursive: true });
}

function currentCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

// The root tsconfig.json is a solution file without `paths`, so the `@shared/*` alias of the code
// under test resolves only with tsconfig.node.json.
async function loadComposeBackend(): Promise<typeof ComposeBackend> {
  const module = (await tsImport(
    pathToFileURL(join(ROOT, 'electron/main/composeBackend.ts')).href,
    {
      parentURL: import.meta.url,
      tsconfig: join(ROOT, 'tsconfig.node.json'),
    },
  )) as { composeBackend: typeof ComposeBackend };
  return module.composeBackend;
}

/**
 * Subscribes to every feed of the library through `feeds.add`, `concurrency` at a time, as a
 * user adding a batch of feeds does: each subscription fetches, parses (in the parser's worker)
 * and stores, so running a few at once keeps both cores busy.
 */
async function subscribeAll(
  spec: LibrarySpec,
  dataDir: string,
  version: string,
  concurrency: number,
  log: (line: string) => void,
): Promise<{ feedPort: number; contentBytes: number }> {
  const feeds = syntheticFeeds(spec);
  const composeBackend = await loadComposeBackend();
  const bytesByFeed = new Map<number, number>();
  const server = await serveSyntheticFeeds(spec, feeds, 0, (feed, papers) =>
    bytesByFeed.set(
      feed.index,
      papers.reduce((sum, paper) => sum + contentBytesOf(paper), 0),
    ),
  );
  // As a loopback host: feed addresses the user typed may be private ones, such as 127.0.0.1.
  const options = {
    dataDir,
    runtime: 'host' as const,
    version,
    privateFeeds: 'when-typed' as const,
  };
  const composed = await composeBackend(options);
  let subscribed = 0;
  const waiting = [...feeds];
  const subscribeNext = async (): Promise<void> => {
    for (let feed = waiting.shift(); feed !== undefined; feed = waiting.shift()) {
      const added = await composed.backend.feeds.add({ url: server.urlOf(feed) });
      if (!added.ok)
        throw new Error(
          `Subscribing to feed ${feed.index} (${feed.title}) failed: ${added.message}`,
        );
      if (added.value.itemCount !== feed.itemCount)
        throw new Error(
          `Feed ${feed.index} (${feed.title}) stored ${added.value.itemCount} items, not ${feed.itemCount}.`,
        );
      subscribed += 1;
      if (subscribed % 10 === 0 || subscribed === feeds.length)
        log(`subscribed ${subscribed} of ${feeds.length} feeds`);
    }
  };
  const stopOnFailure = (error: unknown) => {
    waiting.length = 0;
    throw error;
  };
  try {
    await Promise.all(
      Array.from({ length: concurrency }, () => subscribeNext().catch(stopOnFailure)),
    );
  } finally {
    await composed.close();
    await server.close();
  }
  const contentBytes = [...bytesByFeed.values()].reduce((sum, bytes) => sum + bytes, 0);
  return { feedPort: server.port, contentBytes };
}

/**
 * Makes sure `dataDir` holds the library `spec` describes: reuses it when its manifest matches,
 * otherwise (re)generates it. Refuses a folder holding files it did not write.
 */
export async function ensureLibrary(
  spec: LibrarySpec,
  dataDir: string,
  log: (line: string) => void = (line) => console.error(`[library] ${line}`),
  concurrency = DEFAULT_CONCURRENCY,
): Promise<GeneratedLibrary> {
  checkLibrarySpec(spec);
  const previous = await readManifest(dataDir);
  if (previous !== null && matches(previous, spec)) {
    log(`${dataDir} already holds this library (generated ${previous.generatedAt}); reusing it`);
    return { dataDir, manifest: previous, generated: false };
  }
  await prepareFolder(dataDir, previous);
  const started = performance.now();
  const manifest: LibraryManifest = {
    generator: 'rounds-synthetic-library',
    generatorVersion: GENERATOR_VERSION,
    spec,
    status: 'generating',
    feedPort: null,
    contentBytes: 0,
    appVersion: await appVersion(),
    gitCommit: currentCommit(),
    generatedAt: new Date().toISOString(),
    generationMs: 0,
  };
  await writeManifest(dataDir, manifest);
  log(`generating ${spec.items} items in ${spec.feeds} feeds into ${dataDir}`);
  const subscribed = await subscribeAll(spec, dataDir, manifest.appVersion, concurrency, log);
  const complete: LibraryManifest = {
    ...manifest,
    ...subscribed,
    status: 'complete',
    generationMs: Math.round(performance.now() - started),
  };
  await writeManifest(dataDir, complete);
  log(`done in ${(complete.generationMs / 1000).toFixed(1)} s`);
  return { dataDir, manifest: complete, generated: true };
}

const USAGE =
  'Usage: npx tsx bench/library/generateLibrary.ts --items <count> --out <data folder> [--feeds 100] [--seed 2026] [--concurrency 3]';

/** Reads the command line; throws a message naming the bad option. */
export function parseGeneratorArgs(argv: string[]): {
  spec: LibrarySpec;
  out: string;
  concurrency: number;
} {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string' },
      out: { type: 'string' },
      feeds: { type: 'string', default: String(DEFAULT_SPEC.feeds) },
      seed: { type: 'string', default: String(DEFAULT_SPEC.seed) },
      concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
    },
    strict: true,
  });
  if (values.items === undefined || values.out === undefined)
    throw new Error(`--items and --out are required.\n${USAGE}`);
  const number = (name: string, text: string) => {
    if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, not "${text}".`);
    return Number(text);
  };
  const spec = {
    items: number('items', values.items),
    feeds: number('feeds', values.feeds),
    seed: number('seed', values.seed),
  };
  checkLibrarySpec(spec);
  const concurrency = number('concurrency', values.concurrency);
  if (concurrency < 1 || concurrency > 16)
    throw new Error(`--concurrency must be from 1 to 16, not ${concurrency}.`);
  return { spec, out: resolve(values.out), concurrency };
}

const executedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (executedDirectly) {
  let parsed: ReturnType<typeof parseGeneratorArgs>;
  try {
    parsed = parseGeneratorArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  const library = await ensureLibrary(parsed.spec, parsed.out, undefined, parsed.concurrency);
  console.log(JSON.stringify(library.manifest));
}
