import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeServersAfterEach } from '../../feeds/testing/closeServersAfterEach';
import { ManualDeadlineTimers } from '../../feeds/testing/ManualDeadlineTimers';
import {
  CrossrefRetractionChecker,
  type RetractionCheckerOptions,
} from './CrossrefRetractionChecker';

const RETRACTED_DOI = '10.1016/s0140-6736(97)11096-0';
const DAY_MS = 24 * 60 * 60 * 1000;

const RETRACTION_LIST = JSON.stringify({
  status: 'ok',
  'message-type': 'work-list',
  message: {
    'total-results': 1,
    items: [
      {
        DOI: '10.1016/S0140-6736(10)60175-4',
        type: 'journal-article',
        'update-to': [
          {
            updated: { 'date-parts': [[2010, 2, 2]], 'date-time': '2010-02-02T00:00:00Z' },
            DOI: '10.1016/S0140-6736(97)11096-0',
            type: 'retraction',
            source: 'retraction-watch',
            label: 'Retraction',
            'record-id': '17270',
          },
        ],
      },
    ],
    'items-per-page': 50,
  },
});
const EMPTY_LIST = JSON.stringify({
  status: 'ok',
  'message-type': 'work-list',
  message: { 'total-results': 0, items: [], 'items-per-page': 50 },
});

const RETRACTED = {
  kind: 'retracted',
  noticeDoi: '10.1016/s0140-6736(10)60175-4',
  date: '2010-02-02',
  source: 'crossref',
};

const servers = closeServersAfterEach();

interface Crossref {
  baseUrl: string;
  requests: IncomingMessage[];
  answer: (req: IncomingMessage, res: ServerResponse) => void;
}

async function startCrossref(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Crossref> {
  const crossref: Crossref = { baseUrl: '', requests: [], answer };
  const server = createServer((req, res) => {
    crossref.requests.push(req);
    crossref.answer(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  crossref.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return crossref;
}

function json(body: string, status = 200): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
}

class StepClock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

let folder: string;
let cacheFile: string;
let clock: StepClock;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-retractions-'));
  cacheFile = join(folder, 'evidence', 'retraction-checks.json');
  clock = new StepClock(new Date('2026-12-02T09:00:00.000Z'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function checker(
  baseUrl: string,
  options: Partial<RetractionCheckerOptions> = {},
): CrossrefRetractionChecker {
  return new CrossrefRetractionChecker({ baseUrl, cacheFile, clock, ...options });
}

async function cacheOnDisk(): Promise<unknown> {
  return JSON.parse(await readFile(cacheFile, 'utf8'));
}

describe('CrossrefRetractionChecker', () => {
  it("asks Crossref for the paper's notices, politely, and keeps the answer on disk", async () => {
    const crossref = await startCrossref(json(RETRACTION_LIST));

    const result = await checker(crossref.baseUrl, { mailto: 'club@example.org' }).check(
      'https://doi.org/10.1016/S0140-6736(97)11096-0',
    );

    expect(result).toEqual({
      status: 'checked',
      check: { doi: RETRACTED_DOI, notices: [RETRACTED], checkedAt: '2026-12-02T09:00:00.000Z' },
      message: null,
    });
    expect(crossref.requests).toHaveLength(1);
    const request = crossref.requests[0];
    const url = new URL(request?.url ?? '', crossref.baseUrl);
    expect(url.pathname).toBe('/works');
    expect(url.searchParams.get('filter')).toBe(`updates:${RETRACTED_DOI}`);
    expect(url.searchParams.get('rows')).toBe('50');
    expect(url.searchParams.get('mailto')).toBe('club@example.org');
    expect(request?.headers['user-agent']).toMatch(/^Rounds\b.*mailto:club@example\.org/);
    expect(request?.headers.accept).toBe('application/json');
    expect(await cacheOnDisk()).toEqual({
      schemaVersion: 1,
      checks: {
        [RETRACTED_DOI]: {
          doi: RETRACTED_DOI,
          notices: [RETRACTED],
          checkedAt: '2026-12-02T09:00:00.000Z',
        },
      },
    });
    if (process.platform !== 'win32') expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
  });

  it('sends no mailto when none is given, and names Rounds in the User-Agent it is given', async () => {
    const crossref = await startCrossref(json(EMPTY_LIST));

    const result = await checker(crossref.baseUrl, {
      userAgent: 'Rounds/1.2.3 (desktop journal club)',
    }).check(RETRACTED_DOI);

    expect(result.status).toBe('checked');
    expect(result.check?.notices).toEqual([]);
    const url = new URL(crossref.requests[0]?.url ?? '', crossref.baseUrl);
    expect(url.searchParams.has('mailto')).toBe(false);
    expect(crossref.requests[0]?.headers['user-agent']).toBe('Rounds/1.2.3 (desktop journal club)');
  });

  it('answers from the cache, without a request, while the check is recent', async () => {
    const crossref = await startCrossref(json(RETRACTION_LIST));
    await checker(crossref.baseUrl).check(RETRACTED_DOI);
    clock.advance(6 * DAY_MS);

    // A new checker reads what the first one wrote, as after a restart.
    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI.toUpperCase());

    expect(result).toEqual({
      status: 'cached',
      check: { doi: RETRACTED_DOI, notices: [RETRACTED], checkedAt: '2026-12-02T09:00:00.000Z' },
      message: null,
    });
    expect(crossref.requests).toHaveLength(1);
  });

  it('asks again once the cached check is older than maxAgeDays', async () => {
    const crossref = await startCrossref(json(EMPTY_LIST));
    await checker(crossref.baseUrl, { maxAgeDays: 2 }).check(RETRACTED_DOI);
    clock.advance(3 * DAY_MS);
    crossref.answer = json(RETRACTION_LIST);

    const result = await checker(crossref.baseUrl, { maxAgeDays: 2 }).check(RETRACTED_DOI);

    expect(result.status).toBe('checked');
    expect(result.check).toEqual({
      doi: RETRACTED_DOI,
      notices: [RETRACTED],
      checkedAt: '2026-12-05T09:00:00.000Z',
    });
    expect(crossref.requests).toHaveLength(2);
    expect(await cacheOnDisk()).toMatchObject({
      checks: { [RETRACTED_DOI]: { checkedAt: '2026-12-05T09:00:00.000Z' } },
    });
  });

  it('answers from the cache when offline, saying how old the answer is', async () => {
    const crossref = await startCrossref(json(RETRACTION_LIST));
    await checker(crossref.baseUrl).check(RETRACTED_DOI);
    clock.advance(30 * DAY_MS);

    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI, { online: false });

    expect(result.status).toBe('cached');
    expect(result.check?.notices).toEqual([RETRACTED]);
    expect(result.message).toBe('Rounds is offline. This is what Crossref reported on 2026-12-02.');
    expect(crossref.requests).toHaveLength(1);
  });

  it('says it could not check when offline with nothing cached', async () => {
    const crossref = await startCrossref(json(RETRACTION_LIST));

    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI, { online: false });

    expect(result).toEqual({
      status: 'not-checked',
      check: null,
      message:
        'Rounds is offline, so it could not ask Crossref whether this paper has been retracted or corrected.',
    });
    expect(crossref.requests).toHaveLength(0);
  });

  it('falls back to the cached check when Crossref fails, and says why', async () => {
    const crossref = await startCrossref(json(RETRACTION_LIST));
    await checker(crossref.baseUrl).check(RETRACTED_DOI);
    clock.advance(10 * DAY_MS);
    crossref.answer = json('{"status":"error"}', 500);

    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI);

    expect(result.status).toBe('cached');
    expect(result.check?.checkedAt).toBe('2026-12-02T09:00:00.000Z');
    expect(result.message).toBe(
      'Crossref answered 500 Internal Server Error. This is what Crossref reported on 2026-12-02.',
    );
    // The older answer stays on disk as it was.
    expect(await cacheOnDisk()).toMatchObject({
      checks: { [RETRACTED_DOI]: { checkedAt: '2026-12-02T09:00:00.000Z' } },
    });
  });

  it('says it could not check when Crossref fails and nothing is cached', async () => {
    const crossref = await startCrossref(json('{"status":"error"}', 500));

    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI);

    expect(result).toEqual({
      status: 'not-checked',
      check: null,
      message:
        'Crossref answered 500 Internal Server Error. Rounds could not check whether this paper has been retracted or corrected; try again later.',
    });
  });

  it('does not take an answer it cannot read for "no notices"', async () => {
    const crossref = await startCrossref((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Maintenance</body></html>');
    });

    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI);

    expect(result.status).toBe('not-checked');
    expect(result.message).toMatch(/^Crossref sent an answer Rounds could not read\./);
  });

  it('gives up at the deadline', async () => {
    const timers = new ManualDeadlineTimers();
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const crossref = await startCrossref(() => arrived());

    const pending = checker(crossref.baseUrl, { timers, timeoutMs: 15_000 }).check(RETRACTED_DOI);
    await requestArrived;
    timers.fire(15_000);

    expect(await pending).toEqual({
      status: 'not-checked',
      check: null,
      message:
        'Crossref did not answer within 15 seconds. Rounds could not check whether this paper has been retracted or corrected; try again later.',
    });
  });

  it('says it could not reach Crossref when nothing listens', async () => {
    const crossref = await startCrossref(json(EMPTY_LIST));
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));

    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI);

    expect(result.status).toBe('not-checked');
    expect(result.message).toMatch(
      /^Could not reach Crossref \(127\.0\.0\.1 refused the connection\)\./,
    );
  });

  it('sets a damaged cache file aside and starts again', async () => {
    const crossref = await startCrossref(json(RETRACTION_LIST));
    await checker(crossref.baseUrl).check(RETRACTED_DOI);
    await writeFile(cacheFile, '{"schemaVersion":1,"checks":{"10.5555/x":');

    const result = await checker(crossref.baseUrl).check(RETRACTED_DOI);

    expect(result.status).toBe('checked');
    expect(crossref.requests).toHaveLength(2);
    const names = await readdir(join(folder, 'evidence'));
    expect(names.filter((name) => name.startsWith('retraction-checks.json.damaged-'))).toHaveLength(
      1,
    );
    expect(await cacheOnDisk()).toMatchObject({
      checks: { [RETRACTED_DOI]: { notices: [RETRACTED] } },
    });
  });

  it('drops a malformed entry of the cache but keeps the others', async () => {
    const crossref = await startCrossref(json(EMPTY_LIST));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(folder, 'evidence'));
    await writeFile(
      cacheFile,
      JSON.stringify({
        schemaVersion: 1,
        checks: {
          [RETRACTED_DOI]: {
            doi: RETRACTED_DOI,
            notices: [RETRACTED],
            checkedAt: '2026-12-01T00:00:00.000Z',
          },
          '10.5555/odd': { doi: '10.5555/odd', notices: 'many', checkedAt: 'yesterday' },
        },
      }),
    );

    const cached = await checker(crossref.baseUrl).check(RETRACTED_DOI);
    const odd = await checker(crossref.baseUrl).check('10.5555/odd');

    expect(cached.status).toBe('cached');
    expect(odd.status).toBe('checked');
    expect(crossref.requests).toHaveLength(1);
  });

  it('refuses a value that is not a DOI without asking', async () => {
    const crossref = await startCrossref(json(EMPTY_LIST));

    const result = await checker(crossref.baseUrl).check('PMID 12345');

    expect(result).toEqual({
      status: 'not-checked',
      check: null,
      message: '“PMID 12345” is not a DOI, so Rounds cannot ask Crossref about it.',
    });
    expect(crossref.requests).toHaveLength(0);
  });

  it('checks a library at most two papers at a time, each DOI once', async () => {
    const held: ServerResponse[] = [];
    const total = 5;
    let arrivedCount = 0;
    const crossref = await startCrossref((_req, res) => {
      arrivedCount += 1;
      held.push(res);
      // Answer in pairs (the last one alone), so two requests are always open together.
      if (held.length === 2 || arrivedCount === total) {
        for (const waiting of held.splice(0)) {
          waiting.writeHead(200, { 'content-type': 'application/json' });
          waiting.end(EMPTY_LIST);
        }
      }
    });
    let inFlight = 0;
    let mostInFlight = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const dois = [
      '10.5555/a',
      '10.5555/b',
      '10.5555/A',
      '10.5555/c',
      '10.5555/d',
      'not a doi',
      '10.5555/e',
    ];

    const results = await checker(crossref.baseUrl, { fetch: countingFetch }).checkMany(dois);

    expect(results.map((result) => result.status)).toEqual([
      'checked',
      'checked',
      'checked',
      'checked',
      'checked',
      'not-checked',
      'checked',
    ]);
    expect(results[2]?.check?.doi).toBe('10.5555/a');
    expect(crossref.requests).toHaveLength(total);
    expect(mostInFlight).toBe(2);
    const onDisk = (await cacheOnDisk()) as { checks: Record<string, unknown> };
    expect(Object.keys(onDisk.checks).sort()).toEqual([
      '10.5555/a',
      '10.5555/b',
      '10.5555/c',
      '10.5555/d',
      '10.5555/e',
    ]);
  });

  it('checks nothing of a library while offline', async () => {
    const crossref = await startCrossref(json(EMPTY_LIST));

    const results = await checker(crossref.baseUrl).checkMany(['10.5555/a', '10.5555/b'], {
      online: false,
    });

    expect(results.map((result) => result.status)).toEqual(['not-checked', 'not-checked']);
    expect(crossref.requests).toHaveLength(0);
  });

  it.each([
    'http://api.crossref.org',
    'ftp://127.0.0.1',
    'https://user:secret@api.crossref.org',
    'not an address',
  ])('refuses the base address %s', (baseUrl) => {
    expect(() => checker(baseUrl)).toThrow(/Crossref/);
  });

  it.each([
    'https://api.crossref.org',
    'http://127.0.0.1:8080',
    'http://localhost:9',
    'http://[::1]:9/',
  ])('accepts the base address %s', (baseUrl) => {
    expect(() => checker(baseUrl)).not.toThrow();
  });
});
