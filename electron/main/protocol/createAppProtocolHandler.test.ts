import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PdfFileStore } from '../../adapters/pdf/PdfFileStore';
import { buildTestPdf } from '../../adapters/pdf/testing/writeTestPdf';
import { createAppProtocolHandler } from './createAppProtocolHandler';
import type { StoredPdfSource } from './storedPdfFiles';

let folder: string;
let store: PdfFileStore;
let source: StoredPdfSource | null;
let handle: (request: Request) => Promise<Response>;

/** The store as composeBackend hands it to the transports: null for a PDF it does not have. */
function sourceOver(pdfs: PdfFileStore): StoredPdfSource {
  return { read: (hash) => pdfs.read(hash).catch(() => null) };
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-app-files-'));
  const rendererDir = join(folder, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Rounds</title>');
  await mkdir(join(folder, 'library'));
  store = new PdfFileStore(join(folder, 'library'));
  source = sourceOver(store);
  handle = createAppProtocolHandler({ rendererDir, storedPdfs: () => source });
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('createAppProtocolHandler: stored PDFs', () => {
  it('serves a stored PDF by its hash as application/pdf, never sniffed or cached', async () => {
    const bytes = buildTestPdf({ pages: [['Page one']] });
    const { hash } = await store.add(bytes);
    const response = await get(`app://rounds/files/pdf/${hash}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('answers HEAD with the length and no body', async () => {
    const bytes = buildTestPdf({ pages: [['Page one']] });
    const { hash } = await store.add(bytes);
    const response = await get(`app://rounds/files/pdf/${hash}`, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Length')).toBe(String(bytes.byteLength));
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a hash that is not stored, and before the backend has opened', async () => {
    const unknown = `app://rounds/files/pdf/${'a'.repeat(64)}`;
    expect((await get(unknown)).status).toBe(404);
    source = null;
    const response = await get(unknown);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('That PDF is not in your library.');
  });

  it.each([
    'app://rounds/files/pdf/abc',
    `app://rounds/files/pdf/${'A'.repeat(64)}`,
    `app://rounds/files/pdf/${'a'.repeat(64)}.pdf`,
    `app://rounds/files/pdf/..%2f..%2f${'a'.repeat(56)}`,
    'app://rounds/files/pdf/',
  ])('answers 400 for a malformed hash: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
  });

  it('answers 404 elsewhere under /files/ and refuses other methods', async () => {
    expect((await get('app://rounds/files/notes/1')).status).toBe(404);
    const post = await get(`app://rounds/files/pdf/${'a'.repeat(64)}`, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET, HEAD');
  });

  it('still serves the interface everywhere else', async () => {
    const response = await get('app://rounds/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Rounds</title>');
  });
});
