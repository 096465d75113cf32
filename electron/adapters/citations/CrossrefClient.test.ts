import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ManualDeadlineTimers } from '../feeds/testing/ManualDeadlineTimers';
import { closeServersAfterEach } from '../feeds/testing/closeServersAfterEach';
import { CrossrefClient, type DoiLookup } from './CrossrefClient';
import type { ImportedReference } from './ImportedReference';

const JOURNAL_ARTICLE = readFileSync(
  new URL('./fixtures/crossref-journal-article.json', import.meta.url),
  'utf8',
);
const POSTED_CONTENT = readFileSync(
  new URL('./fixtures/crossref-posted-content.json', import.meta.url),
  'utf8',
);
const USER_AGENT = 'Rounds/0.1.0 (desktop journal club)';

interface LoopbackServer {
  baseUrl: string;
  requests: IncomingMessage[];
  /** Resolves when every socket the server accepted has closed. */
  allSocketsClosed(): Promise<void>;
}

const servers = closeServersAfterEach();

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackServer> {
  const requests: IncomingMessage[] = [];
  const closed: Promise<void>[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.on('connection', (socket: Socket) => {
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    allSocketsClosed: async () => void (await Promise.all(closed)),
  };
}

function answerJson(
  body: string,
  status = 200,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(body);
  };
}

function expectReference(lookup: DoiLookup): ImportedReference {
  if (!lookup.ok) throw new Error(`expected a reference, got ${lookup.reason}: ${lookup.message}`);
  return lookup.reference;
}

function expectFailure(lookup: DoiLookup, reason: string): string {
  if (lookup.ok) throw new Error(`expected ${reason}, got ${JSON.stringify(lookup.reference)}`);
  expect(lookup.reason).toBe(reason);
  return lookup.message;
}

function clientFor(baseUrl: string, options: { maxBodyBytes?: number } = {}): CrossrefClient {
  return new CrossrefClient({ baseUrl, userAgent: USER_AGENT, ...options });
}

describe('CrossrefClient', () => {
  it("asks Crossref's works route for the DOI, naming Rounds, and maps the work", async () => {
    const server = await serve(answerJson(JOURNAL_ARTICLE));

    const reference = expectReference(
      await clientFor(server.baseUrl).lookUpDoi('https://doi.org/10.1056/NEJMoa2312345'),
    );

    expect(server.requests[0]?.url).toBe('/works/10.1056/nejmoa2312345');
    expect(server.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(server.requests[0]?.headers.accept).toBe('application/json');
    expect(reference).toEqual({
      sourceKey: null,
      title:
        'Early Rhythm Control in Atrial Fibrillation after Ischemic Stroke: The RHYTHM-AF Randomized Trial',
      authors: ['Per Lindqvist', 'Jörg Müller', 'Martin King Jr.', 'RHYTHM-AF Investigators'],
      journal: 'New England Journal of Medicine',
      publishedAt: '2023-11-20',
      paperIds: { doi: '10.1056/nejmoa2312345', pmid: null, arxiv: null },
      abstract:
        'Background\nWhether early rhythm control improves outcomes after ischemic stroke is uncertain.\nMethods\nWe randomly assigned 1204 patients with atrial fibrillation (AF) to early rhythm control or usual care; the primary outcome occurred in <10% of patients given early treatment.',
      url: 'http://dx.doi.org/10.1056/nejmoa2312345',
      keywords: [],
    });
  });

  it('maps a preprint: the server as its journal, a year-and-month date, paragraphs kept', async () => {
    const server = await serve(answerJson(POSTED_CONTENT));

    const reference = expectReference(
      await clientFor(`${server.baseUrl}/`).lookUpDoi('doi:10.1101/2024.02.10.24302600'),
    );

    expect(server.requests[0]?.url).toBe('/works/10.1101/2024.02.10.24302600');
    expect(reference).toMatchObject({
      title: 'Respiratory syncytial virus admissions among older adults, 2018–2023',
      authors: ['Ama Mensah', 'Wei Chen'],
      journal: 'medRxiv',
      publishedAt: '2024-02',
      paperIds: { doi: '10.1101/2024.02.10.24302600', pmid: null, arxiv: null },
      abstract:
        'Respiratory syncytial virus admissions in adults over 75 rose by a third.\nVaccination reached 41% of that group.',
    });
  });

  it('escapes the characters of old-style DOIs in the address', async () => {
    const doi = '10.1002/(SICI)1097-4636(199812)43:4<329::AID-JBM1>3.0.CO;2-F#x?y';
    const work = JSON.parse(JOURNAL_ARTICLE) as { message: Record<string, unknown> };
    work.message.DOI = doi;
    const server = await serve(answerJson(JSON.stringify(work)));

    const reference = expectReference(await clientFor(server.baseUrl).lookUpDoi(doi));

    expect(decodeURIComponent(server.requests[0]?.url ?? '')).toBe(`/works/${doi.toLowerCase()}`);
    expect(server.requests[0]?.url).not.toMatch(/[<>#?]/);
    expect(reference.paperIds.doi).toBe(doi.toLowerCase());
  });

  it('says a DOI Crossref does not know is not found', async () => {
    const server = await serve((_req, res) => res.writeHead(404).end('Resource not found.'));

    expect(
      expectFailure(await clientFor(server.baseUrl).lookUpDoi('10.5555/unknown'), 'not-found'),
    ).toBe('Crossref has no paper with the DOI 10.5555/unknown.');
  });

  it('says text that is not a DOI is not found, without asking Crossref', async () => {
    const server = await serve(answerJson(JOURNAL_ARTICLE));

    expect(
      expectFailure(await clientFor(server.baseUrl).lookUpDoi('NEJMoa2312345'), 'not-found'),
    ).toBe('“NEJMoa2312345” is not a DOI (a DOI looks like 10.1056/NEJMoa2312345).');
    expect(server.requests).toHaveLength(0);
  });

  it('says Crossref refused when it is overloaded or rate-limits Rounds', async () => {
    for (const status of [429, 503]) {
      const server = await serve((_req, res) => res.writeHead(status).end());
      const message = expectFailure(
        await clientFor(server.baseUrl).lookUpDoi('10.1056/NEJMoa2312345'),
        'refused',
      );
      expect(message).toMatch(new RegExp(`^Crossref answered ${status} .+ Try again later\\.$`));
    }
  });

  it('calls malformed JSON, a refusal inside the JSON and a work without a title bad answers', async () => {
    const workWithoutTitle = JSON.parse(JOURNAL_ARTICLE) as { message: Record<string, unknown> };
    workWithoutTitle.message.title = [];
    const answers = [
      ['{"status": "ok", "message": {', 'Crossref sent an answer that is not valid JSON.'],
      [
        '{"status": "failed", "message-type": "validation-failure", "message": []}',
        'Crossref sent an answer that does not describe a paper.',
      ],
      [
        JSON.stringify(workWithoutTitle),
        'Crossref’s record for 10.1056/nejmoa2312345 has no title.',
      ],
    ];
    for (const [body, expected] of answers) {
      const server = await serve(answerJson(body ?? ''));
      expect(
        expectFailure(
          await clientFor(server.baseUrl).lookUpDoi('10.1056/NEJMoa2312345'),
          'bad-answer',
        ),
      ).toBe(expected);
    }
  });

  it('stops reading a body over the size cap and closes the connection', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // A megabyte in small chunks, without a length: the cap must be counted while reading.
      const chunk = `"${'x'.repeat(1022)}",`;
      res.write('{"status":"ok","message":{"title":[');
      for (let index = 0; index < 1024 && !res.destroyed; index++) res.write(chunk);
      res.end('""]}}');
    });

    const lookup = await clientFor(server.baseUrl, { maxBodyBytes: 64 * 1024 }).lookUpDoi(
      '10.1056/NEJMoa2312345',
    );

    expect(expectFailure(lookup, 'bad-answer')).toBe(
      'Crossref sent more than 64 KB for one paper, more than Rounds reads.',
    );
    await server.allSocketsClosed();
  });

  it('refuses a body announced as too large before reading it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 10_000_000 });
      res.write('{');
    });

    const lookup = await clientFor(server.baseUrl, { maxBodyBytes: 64 * 1024 }).lookUpDoi(
      '10.1056/NEJMoa2312345',
    );

    expect(expectFailure(lookup, 'bad-answer')).toMatch(/^Crossref sent more than 64 KB/);
    await server.allSocketsClosed();
  });

  it('treats a redirect as a bad answer instead of following it elsewhere', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(301, { location: 'http://127.0.0.1:1/elsewhere' }).end(),
    );

    expect(
      expectFailure(
        await clientFor(server.baseUrl).lookUpDoi('10.1056/NEJMoa2312345'),
        'bad-answer',
      ),
    ).toBe('Crossref answered 301 Moved Permanently instead of the paper.');
  });

  it('says Rounds is offline when the connection is refused, so the DOI can wait', async () => {
    const server = await serve(answerJson(JOURNAL_ARTICLE));
    const closedServer = servers.pop();
    await new Promise((resolve) => closedServer?.close(resolve));

    expect(
      expectFailure(await clientFor(server.baseUrl).lookUpDoi('10.1056/NEJMoa2312345'), 'offline'),
    ).toBe(
      'Could not reach Crossref (127.0.0.1 refused the connection). Rounds can look the DOI up later.',
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('CrossrefClient deadline', () => {
  const TIMEOUT_MS = 15_000;

  it('gives up on a server that never answers when the deadline fires, and closes the socket', async () => {
    let received!: () => void;
    const requestReceived = new Promise<void>((resolve) => (received = resolve));
    const server = await serve(() => received());
    const timers = new ManualDeadlineTimers();
    const client = new CrossrefClient({
      baseUrl: server.baseUrl,
      userAgent: USER_AGENT,
      timeoutMs: TIMEOUT_MS,
      timers,
    });

    const lookup = client.lookUpDoi('10.1056/NEJMoa2312345');
    await requestReceived;
    timers.fire(TIMEOUT_MS);

    expect(expectFailure(await lookup, 'offline')).toBe(
      'Crossref did not answer within 15 seconds. Rounds can look the DOI up later.',
    );
    expect(timers.pendingDelays()).toEqual([]);
    await server.allSocketsClosed();
  });

  it('arms the deadline for a lookup and clears it once the answer has arrived', async () => {
    const timers = new ManualDeadlineTimers();
    let pendingWhileServing: number[] = [];
    const server = await serve((req, res) => {
      pendingWhileServing = timers.pendingDelays();
      answerJson(JOURNAL_ARTICLE)(req, res);
    });
    const client = new CrossrefClient({
      baseUrl: server.baseUrl,
      userAgent: USER_AGENT,
      timeoutMs: TIMEOUT_MS,
      timers,
    });

    expectReference(await client.lookUpDoi('10.1056/NEJMoa2312345'));
    expect(pendingWhileServing).toEqual([TIMEOUT_MS]);
    expect(timers.pendingDelays()).toEqual([]);
  });
});
