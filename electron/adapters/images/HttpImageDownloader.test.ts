import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeServersAfterEach } from '../feeds/testing/closeServersAfterEach';
import { LoopbackTestNetwork, ROUTED_PUBLIC_ADDRESS } from '../feeds/testing/LoopbackTestNetwork';
import { HttpImageDownloader } from './HttpImageDownloader';
import { tinyPng } from './testing/tinyImages';

// Every socket goes to 127.0.0.1: names resolve from a table, and the public-looking address is
// routed to the loopback server (see LoopbackTestNetwork).

const servers = closeServersAfterEach();

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const requests: string[] = [];
  server.on('request', (req: IncomingMessage) => requests.push(req.url ?? ''));
  return { port: (server.address() as AddressInfo).port, requests };
}

function downloaderOn(network: LoopbackTestNetwork, maxBytes = 1024 * 1024) {
  return new HttpImageDownloader({
    userAgent: 'Rounds/test',
    privateFeeds: 'when-typed',
    maxBytes,
    resolveHost: network.resolveHost,
    openConnection: network.openConnection,
  });
}

const png = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'image/png' });
  res.end(tinyPng());
};

describe('HttpImageDownloader', () => {
  it('downloads an image named by a feed on the same private network', async () => {
    const { port } = await serve(png);
    const network = new LoopbackTestNetwork({ 'intranet.example': ['127.0.0.1'] });

    const outcome = await downloaderOn(network).download(
      `http://intranet.example:${port}/fig.png`,
      `http://intranet.example:${port}/feed.xml`,
      new AbortController().signal,
    );

    expect(outcome.ok && Buffer.from(outcome.bytes)).toEqual(Buffer.from(tinyPng()));
  });

  it('never lets a feed on the internet lead it to an image on the private network', async () => {
    const { port, requests } = await serve(png);
    const network = new LoopbackTestNetwork({
      'journal.example': [ROUTED_PUBLIC_ADDRESS],
      'router.example': ['127.0.0.1'],
    });

    const outcome = await downloaderOn(network).download(
      `http://router.example:${port}/admin.png`,
      `http://journal.example:${port}/feed.xml`,
      new AbortController().signal,
    );

    expect(outcome).toEqual({
      ok: false,
      code: 'blocked-address',
      message:
        'Rounds does not fetch this image from router.example: a feed on the internet may not lead Rounds into your own computer or network, and some addresses (link-local, cloud metadata) are never fetched.',
    });
    expect(requests).toEqual([]);
  });

  it('refuses an image over its size limit, in words about images', async () => {
    const { port } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(2048));
    });
    const network = new LoopbackTestNetwork({ 'intranet.example': ['127.0.0.1'] });

    const outcome = await downloaderOn(network, 1024).download(
      `http://intranet.example:${port}/poster.png`,
      `http://intranet.example:${port}/feed.xml`,
      new AbortController().signal,
    );

    expect(outcome).toEqual({
      ok: false,
      code: 'too-large',
      message: 'This image is larger than 1 KB, the most Rounds keeps for one image.',
    });
  });

  it('says what the server answered when there is no image', async () => {
    const { port } = await serve((_req, res) => res.writeHead(404).end());
    const network = new LoopbackTestNetwork({ 'intranet.example': ['127.0.0.1'] });

    const outcome = await downloaderOn(network).download(
      `http://intranet.example:${port}/gone.png`,
      `http://intranet.example:${port}/feed.xml`,
      new AbortController().signal,
    );

    expect(outcome).toMatchObject({
      ok: false,
      code: 'http-error',
      message: expect.stringMatching(/404/),
    });
  });
});
