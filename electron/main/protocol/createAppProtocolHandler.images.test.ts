import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageFileStore } from '../../adapters/images/ImageFileStore';
import { tinyPng } from '../../adapters/images/testing/tinyImages';
import { createAppProtocolHandler } from './createAppProtocolHandler';
import type { StoredImageSource } from './storedImageFiles';

let folder: string;
let store: ImageFileStore;
let source: StoredImageSource | null;
let handle: (request: Request) => Promise<Response>;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-app-images-'));
  const rendererDir = join(folder, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Rounds</title>');
  await mkdir(join(folder, 'library'));
  store = new ImageFileStore(join(folder, 'library'));
  source = { read: (hash) => store.read(hash) };
  handle = createAppProtocolHandler({
    rendererDir,
    storedPdfs: () => null,
    storedImages: () => source,
  });
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('createAppProtocolHandler: stored images', () => {
  it('serves a stored image by its hash with its type, never sniffed or cached, sandboxed', async () => {
    const bytes = tinyPng();
    const { hash } = await store.add(bytes);
    const response = await get(`app://rounds/files/images/${hash}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(bytes));
  });

  it('answers 404 for an unknown image and before the backend has opened, 400 for a bad hash', async () => {
    const unknown = `app://rounds/files/images/${'a'.repeat(64)}`;
    expect((await get(unknown)).status).toBe(404);
    source = null;
    expect((await get(unknown)).status).toBe(404);
    expect((await get('app://rounds/files/images/..%2Fpdf')).status).toBe(400);
  });

  it('serves stored images only to its own origin', async () => {
    const { hash } = await store.add(tinyPng());
    const response = await get(`app://evil/files/images/${hash}`);
    expect(response.headers.get('Content-Type')).not.toBe('image/png');
  });
});
