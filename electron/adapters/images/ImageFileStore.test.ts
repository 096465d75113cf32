import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_FILES_FOLDER, ImageFileStore, ImageRefusedError } from './ImageFileStore';
import { tinyGif, tinyJpeg, tinyPng, tinyWebp } from './testing/tinyImages';

let libraryDir: string;
let store: ImageFileStore;

beforeEach(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'rounds-images-'));
  store = new ImageFileStore(libraryDir, { maxBytes: 64 * 1024 });
});

afterEach(async () => {
  await rm(libraryDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const folder = () => join(libraryDir, IMAGE_FILES_FOLDER);

async function refusal(bytes: Uint8Array): Promise<ImageRefusedError> {
  const error = await store.add(bytes).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImageRefusedError);
  return error as ImageRefusedError;
}

describe('ImageFileStore', () => {
  it('keeps an image once under its SHA-256, owner-only, and reads it back with its type', async () => {
    const png = tinyPng();
    const first = await store.add(png);
    const second = await store.add(png);

    expect(first).toEqual({ hash: sha256(png), contentType: 'image/png', alreadyStored: false });
    expect(second).toEqual({ hash: sha256(png), contentType: 'image/png', alreadyStored: true });
    expect(await readdir(folder())).toEqual([`${sha256(png)}.img`]);
    if (process.platform !== 'win32') {
      expect((await lstat(join(folder(), `${sha256(png)}.img`))).mode & 0o777).toBe(0o600);
      expect((await lstat(folder())).mode & 0o777).toBe(0o700);
    }
    const read = await store.read(first.hash);
    expect(read?.contentType).toBe('image/png');
    expect(Buffer.from(read?.bytes ?? [])).toEqual(Buffer.from(png));
  });

  it.each([
    ['PNG', tinyPng(), 'image/png'],
    ['JPEG', tinyJpeg(), 'image/jpeg'],
    ['GIF', tinyGif(), 'image/gif'],
    ['WebP', tinyWebp(), 'image/webp'],
  ])('recognises %s by its first bytes', async (_name, bytes, contentType) => {
    expect((await store.add(bytes)).contentType).toBe(contentType);
  });

  it('refuses SVG, which can carry script, whatever it is called', async () => {
    const svg = new TextEncoder().encode(
      '\uFEFF  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const error = await refusal(svg);
    expect(error.code).toBe('unsafe-image');
    expect(error.message).toMatch(/SVG/);
    expect(await readdir(folder()).catch(() => [])).toEqual([]);
  });

  it('refuses what is not an image (an error page, an empty answer)', async () => {
    const page = await refusal(new TextEncoder().encode('<!doctype html><title>Sign in</title>'));
    expect(page.code).toBe('not-an-image');
    expect(page.message).toMatch(/not a PNG, JPEG, GIF or WebP image/);
    expect((await refusal(new Uint8Array(0))).code).toBe('not-an-image');
  });

  it('refuses an image larger than its limit, naming the limit', async () => {
    const big = new Uint8Array(64 * 1024 + 1);
    big.set(tinyPng());
    const error = await refusal(big);
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      'This image is larger than 64 KB, the most Rounds keeps for one image.',
    );
  });

  it('answers a refusal as a value through keep, for the images service', async () => {
    expect(await store.keep(tinyPng())).toEqual({ ok: true, hash: sha256(tinyPng()) });
    expect(await store.keep(new TextEncoder().encode('<svg></svg>'))).toEqual({
      ok: false,
      code: 'unsafe-image',
      message: expect.stringMatching(/SVG/),
    });
  });

  it('treats a damaged file as missing and removes it, so the image can be fetched again', async () => {
    const { hash } = await store.add(tinyPng());
    await writeFile(join(folder(), `${hash}.img`), tinyGif());

    expect(await store.read(hash)).toBeNull();
    expect(await store.has(hash)).toBe(false);
    expect(await readdir(folder())).toEqual([]);
    expect((await store.add(tinyPng())).alreadyStored).toBe(false);
  });

  it('answers null for an image it does not have, and never follows a link planted in its place', async () => {
    const outside = join(libraryDir, 'secret.png');
    await writeFile(outside, tinyPng());
    const hash = sha256(tinyPng());
    expect(await store.read(hash)).toBeNull();
    await store.add(tinyGif());
    await symlink(outside, join(folder(), `${hash}.img`));

    expect(await store.has(hash)).toBe(false);
    expect(await store.read(hash)).toBeNull();
  });

  it('builds no path from anything but a SHA-256 hash', async () => {
    await expect(store.read('../secret')).rejects.toThrow(/SHA-256/);
    await expect(store.has(`${'A'.repeat(64)}`)).rejects.toThrow(/SHA-256/);
  });

  it('removes what an interrupted write left behind, and nothing else', async () => {
    const { hash } = await store.add(tinyPng());
    const leftover = `${hash}.img.0b7c3f6e-2a41-4f4e-9d38-5f0a4c1e2b7d.tmp`;
    await writeFile(join(folder(), leftover), 'half');

    expect(await store.removeLeftovers()).toBe(1);
    expect(await readdir(folder())).toEqual([`${hash}.img`]);
  });
});
