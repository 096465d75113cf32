import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SymbolicLinkRefusedError } from '../storage/refuseSymbolicLinks';
import {
  InvalidPdfHashError,
  PdfFileStore,
  PdfNotFoundError,
  PdfRefusedError,
} from './PdfFileStore';
import { buildTestPdf } from './testing/writeTestPdf';

const POSIX = process.platform !== 'win32';
const PAPER = buildTestPdf({ pages: [['Apixaban in the elderly'], ['Results']] });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let folder: string;
let libraryDir: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rounds-pdf-store-'));
  libraryDir = join(folder, 'library');
  await mkdir(libraryDir, { mode: 0o700 });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const pdfsFolder = () => join(libraryDir, 'pdfs');

describe('PdfFileStore', () => {
  it('keeps a PDF under its content hash, readable by its owner only', async () => {
    const store = new PdfFileStore(libraryDir);

    const stored = await store.add(PAPER);

    expect(stored).toEqual({ hash: sha256(PAPER), size: PAPER.byteLength, alreadyStored: false });
    expect(await readdir(pdfsFolder())).toEqual([`${sha256(PAPER)}.pdf`]);
    expect(await store.read(stored.hash)).toEqual(new Uint8Array(PAPER));
    if (POSIX) {
      expect((await lstat(pdfsFolder())).mode & 0o777).toBe(0o700);
      expect((await lstat(join(pdfsFolder(), `${stored.hash}.pdf`))).mode & 0o777).toBe(0o600);
    }
  });

  it('stores the same file attached twice once', async () => {
    const store = new PdfFileStore(libraryDir);

    const first = await store.add(PAPER);
    const second = await store.add(Uint8Array.from(PAPER));

    expect(second).toEqual({ ...first, alreadyStored: true });
    expect(await readdir(pdfsFolder())).toEqual([`${first.hash}.pdf`]);
  });

  it('copies a file from disk, hashing it on the way', async () => {
    const source = join(folder, 'Downloaded paper.pdf');
    await writeFile(source, PAPER);
    const store = new PdfFileStore(libraryDir);

    const stored = await store.addFile(source);

    expect(stored).toEqual({ hash: sha256(PAPER), size: PAPER.byteLength, alreadyStored: false });
    expect(await store.read(stored.hash)).toEqual(new Uint8Array(PAPER));
    expect(await store.addFile(source)).toMatchObject({ alreadyStored: true });
    expect(await readdir(pdfsFolder())).toEqual([`${stored.hash}.pdf`]);
  });

  it('accepts a header that follows a few stray bytes, as PDF readers do', async () => {
    const prefixed = new Uint8Array([...new TextEncoder().encode('\r\n\r\n'), ...PAPER]);

    const stored = await new PdfFileStore(libraryDir).add(prefixed);

    expect(stored.size).toBe(prefixed.byteLength);
  });

  it('refuses a file that is not a PDF, saying so, and writes nothing', async () => {
    const store = new PdfFileStore(libraryDir);
    const page = new TextEncoder().encode('<!doctype html><title>Paywall</title>');
    const source = join(folder, 'paper.pdf');
    await writeFile(source, page);

    const refusals = [
      await store.add(page).catch((error: unknown) => error),
      await store.addFile(source).catch((error: unknown) => error),
      await store.add(new Uint8Array()).catch((error: unknown) => error),
    ];

    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(PdfRefusedError);
      expect(refusal).toMatchObject({ code: 'not-a-pdf' });
    }
    expect((refusals[0] as Error).message).toMatch(/not a PDF/);
    expect((refusals[2] as Error).message).toMatch(/empty/);
    expect(await readdir(pdfsFolder()).catch(() => [])).toEqual([]);
  });

  it('refuses a file over the size limit before copying it, naming the limit', async () => {
    const store = new PdfFileStore(libraryDir, { maxBytes: 2048 });
    const large = new Uint8Array(4096);
    large.set(PAPER.subarray(0, 8));
    const source = join(folder, 'scan.pdf');
    await writeFile(source, large);

    const fromBytes = await store.add(large).catch((error: unknown) => error);
    const fromFile = await store.addFile(source).catch((error: unknown) => error);

    for (const refusal of [fromBytes, fromFile]) {
      expect(refusal).toBeInstanceOf(PdfRefusedError);
      expect(refusal).toMatchObject({ code: 'too-large' });
      expect((refusal as Error).message).toMatch(/larger than 2 KB/);
    }
    expect(await readdir(pdfsFolder()).catch(() => [])).toEqual([]);
    expect(new PdfFileStore(libraryDir).maxBytes).toBe(200 * 1024 * 1024);
  });

  it('says whether a PDF is stored, and removes it', async () => {
    const store = new PdfFileStore(libraryDir);
    const { hash } = await store.add(PAPER);

    expect(await store.has(hash)).toBe(true);
    expect(await store.remove(hash)).toBe(true);
    expect(await store.has(hash)).toBe(false);
    expect(await store.remove(hash)).toBe(false);
    await expect(store.read(hash)).rejects.toBeInstanceOf(PdfNotFoundError);
  });

  it('refuses anything but 64 lower-case hex digits before building a path from it', async () => {
    const store = new PdfFileStore(libraryDir);
    const { hash } = await store.add(PAPER);
    const outside = join(folder, 'outside.pdf');
    await writeFile(outside, PAPER);

    for (const wrong of [
      '../outside',
      `../${'0'.repeat(61)}`,
      hash.toUpperCase(),
      hash.slice(1),
      `${hash}\n`,
    ]) {
      await expect(store.read(wrong)).rejects.toBeInstanceOf(InvalidPdfHashError);
      await expect(store.has(wrong)).rejects.toBeInstanceOf(InvalidPdfHashError);
      await expect(store.remove(wrong)).rejects.toBeInstanceOf(InvalidPdfHashError);
    }
    expect(await store.has(hash)).toBe(true);
  });

  it.runIf(POSIX)('never follows a link planted in place of a stored PDF', async () => {
    const store = new PdfFileStore(libraryDir);
    const hash = sha256(PAPER);
    const secret = join(folder, 'secret.pdf');
    await writeFile(secret, PAPER);
    await mkdir(pdfsFolder(), { mode: 0o700 });
    await symlink(secret, join(pdfsFolder(), `${hash}.pdf`));

    await expect(store.read(hash)).rejects.toThrow();
    expect(await store.has(hash)).toBe(false);
  });

  it.runIf(POSIX)('refuses a pdfs folder that is a link', async () => {
    const elsewhere = join(folder, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, pdfsFolder());

    await expect(new PdfFileStore(libraryDir).add(PAPER)).rejects.toBeInstanceOf(
      SymbolicLinkRefusedError,
    );
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('removes half-written copies a crash left behind, and nothing else', async () => {
    const store = new PdfFileStore(libraryDir);
    const { hash } = await store.add(PAPER);
    const leftover = 'incoming.pdf.0b9f7c52-1d2e-4f3a-9b8c-7d6e5f4a3b2c.tmp';
    await writeFile(join(pdfsFolder(), leftover), PAPER.subarray(0, 100));
    await writeFile(join(pdfsFolder(), 'notes.txt'), 'kept');

    expect(await store.removeLeftovers()).toBe(1);
    expect((await readdir(pdfsFolder())).sort()).toEqual([`${hash}.pdf`, 'notes.txt']);
    expect(await new PdfFileStore(join(folder, 'no-library-yet')).removeLeftovers()).toBe(0);
  });
});
