import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageFileStore } from '../adapters/images/ImageFileStore';
import { tinyGif, tinyPng } from '../adapters/images/testing/tinyImages';
import { createRecordingBackend } from '../main/ipc/testing/recordingBackend';
import { HostServer, type HostServerOptions } from './HostServer';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

/** A GET (or another method) over real loopback HTTP, keeping the body's bytes as they came. */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method, path, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            bytes: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const TOKEN = 'a-long-enough-token-for-tests';
const UNKNOWN_HASH = 'b'.repeat(64);

let folder: string;
let store: ImageFileStore;
let servers: HostServer[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-host-images-'));
  await mkdir(join(folder, 'renderer'));
  await mkdir(join(folder, 'library'));
  await writeFile(join(folder, 'renderer', 'index.html'), '<!doctype html><title>Rounds</title>');
  store = new ImageFileStore(join(folder, 'library'));
});

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  await rm(folder, { recursive: true, force: true });
});

async function startHost(options: Partial<HostServerOptions> = {}) {
  const server = await HostServer.start({
    backend: createRecordingBackend().backend,
    host: '127.0.0.1',
    port: 0,
    token: null,
    rendererDir: join(folder, 'renderer'),
    storedImages: { read: (hash) => store.read(hash) },
    ...options,
  });
  servers.push(server);
  return server.port;
}

async function storedImage(bytes: Uint8Array = tinyPng()) {
  const { hash } = await store.add(bytes);
  return { bytes, path: `/files/images/${hash}` };
}

describe('HostServer stored images', () => {
  it('serves a stored image by its hash with its own type, not sniffed, not cached, sandboxed', async () => {
    const port = await startHost();
    const png = await storedImage();
    const gif = await storedImage(tinyGif());

    const answer = await get(port, png.path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(answer.headers['content-length']).toBe(String(png.bytes.byteLength));
    expect(new Uint8Array(answer.bytes)).toEqual(new Uint8Array(png.bytes));
    expect((await get(port, gif.path)).headers['content-type']).toBe('image/gif');
  });

  it('answers HEAD without the body', async () => {
    const port = await startHost();
    const png = await storedImage();
    const answer = await get(port, png.path, {}, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.bytes.byteLength).toBe(0);
  });

  it('answers 404 for an image that is not stored, and when the host keeps no images', async () => {
    const port = await startHost();
    const answer = await get(port, `/files/images/${UNKNOWN_HASH}`);
    expect(answer.status).toBe(404);
    expect(answer.bytes.toString()).toBe('That image is not in your library.');
    const without = await startHost({ storedImages: null });
    expect((await get(without, `/files/images/${UNKNOWN_HASH}`)).status).toBe(404);
  });

  it.each([
    '/files/images/abc',
    `/files/images/${'A'.repeat(64)}`,
    `/files/images/${UNKNOWN_HASH}.png`,
    `/files/images/..%2f..%2f${'b'.repeat(58)}`,
    '/files/images/',
  ])('answers 400 for a malformed hash: %s', async (path) => {
    const port = await startHost();
    const answer = await get(port, path);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('still serves stored PDFs beside the images', async () => {
    const port = await startHost({ storedPdfs: { read: async () => new Uint8Array([37, 80]) } });
    const answer = await get(port, `/files/pdf/${UNKNOWN_HASH}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
  });

  it('refuses another web site’s page and a foreign Host header, as it does for the API', async () => {
    const port = await startHost();
    const png = await storedImage();
    expect((await get(port, png.path, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await get(port, png.path, { Host: `attacker.example:${port}` })).status).toBe(403);
    expect((await get(port, png.path, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('needs the access token or the session cookie when the host has a token', async () => {
    const port = await startHost({ token: TOKEN });
    const png = await storedImage();
    expect((await get(port, png.path)).status).toBe(401);
    expect((await get(port, png.path, { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('accepts only GET and HEAD', async () => {
    const port = await startHost();
    const png = await storedImage();
    expect((await get(port, png.path, {}, 'DELETE')).status).toBe(405);
    expect(await store.has(png.path.slice('/files/images/'.length))).toBe(true);
  });
});
