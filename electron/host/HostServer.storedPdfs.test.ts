import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PdfFileStore } from '../adapters/pdf/PdfFileStore';
import { buildTestPdf } from '../adapters/pdf/testing/writeTestPdf';
import { createRecordingBackend } from '../main/ipc/testing/recordingBackend';
import { HostServer, type HostServerOptions } from './HostServer';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

/** A GET (or HEAD) over real loopback HTTP, keeping the body's bytes as they came. */
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
let store: PdfFileStore;
let servers: HostServer[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-host-pdfs-'));
  await mkdir(join(folder, 'renderer'));
  await mkdir(join(folder, 'library'));
  await writeFile(join(folder, 'renderer', 'index.html'), '<!doctype html><title>Rounds</title>');
  store = new PdfFileStore(join(folder, 'library'));
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
    storedPdfs: { read: (hash) => store.read(hash).catch(() => null) },
    ...options,
  });
  servers.push(server);
  return server.port;
}

async function storedPdf() {
  const bytes = buildTestPdf({ pages: [['A page of a paper']] });
  const { hash } = await store.add(bytes);
  return { bytes, path: `/files/pdf/${hash}` };
}

describe('HostServer stored PDFs', () => {
  it('serves a stored PDF by its hash as application/pdf, not sniffed, not cached', async () => {
    const port = await startHost();
    const pdf = await storedPdf();
    const answer = await get(port, pdf.path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-length']).toBe(String(pdf.bytes.byteLength));
    expect(new Uint8Array(answer.bytes)).toEqual(pdf.bytes);
  });

  it('answers HEAD without the body', async () => {
    const port = await startHost();
    const pdf = await storedPdf();
    const answer = await get(port, pdf.path, {}, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.bytes.byteLength).toBe(0);
  });

  it('answers 404 for a hash that is not stored, and when the host has no PDFs', async () => {
    const port = await startHost();
    const answer = await get(port, `/files/pdf/${UNKNOWN_HASH}`);
    expect(answer.status).toBe(404);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.bytes.toString()).toBe('That PDF is not in your library.');
    const without = await startHost({ storedPdfs: null });
    expect((await get(without, `/files/pdf/${UNKNOWN_HASH}`)).status).toBe(404);
  });

  it.each([
    '/files/pdf/abc',
    `/files/pdf/${'A'.repeat(64)}`,
    `/files/pdf/${UNKNOWN_HASH}.pdf`,
    `/files/pdf/..%2f..%2f${'b'.repeat(58)}`,
    '/files/pdf/',
  ])('answers 400 for a malformed hash: %s', async (path) => {
    const port = await startHost();
    const answer = await get(port, path);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('refuses another web site’s page, as it does for the API', async () => {
    const port = await startHost();
    const pdf = await storedPdf();
    const answer = await get(port, pdf.path, { Origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.bytes.toString()).not.toContain('%PDF');
    const own = await get(port, pdf.path, { Origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const port = await startHost();
    const pdf = await storedPdf();
    const answer = await get(port, pdf.path, { Host: `attacker.example:${port}` });
    expect(answer.status).toBe(403);
  });

  it('needs the access token or the session cookie when the host has a token', async () => {
    const port = await startHost({ token: TOKEN });
    const pdf = await storedPdf();
    expect((await get(port, pdf.path)).status).toBe(401);
    expect(
      (await get(port, pdf.path, { Authorization: 'Bearer not-the-token-at-all' })).status,
    ).toBe(401);
    expect((await get(port, pdf.path, { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);

    const visit = await get(port, `/?token=${TOKEN}`);
    const cookie = (visit.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    expect(cookie).not.toBe('');
    const answer = await get(port, pdf.path, { Cookie: cookie });
    expect(answer.status).toBe(200);
    expect(new Uint8Array(answer.bytes)).toEqual(pdf.bytes);
  });

  it('accepts only GET and HEAD', async () => {
    const port = await startHost();
    const pdf = await storedPdf();
    const answer = await get(port, pdf.path, {}, 'DELETE');
    expect(answer.status).toBe(405);
    expect(await store.has(pdf.path.slice('/files/pdf/'.length))).toBe(true);
  });
});
