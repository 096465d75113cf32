import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE_KINDS, CATALOGUE_SPECIALTIES } from '@shared/contract';
import { catalogueFromOpml } from '@shared/domain/feeds/catalogueFromOpml';
import { Xml2jsOpmlReader } from '../opml/Xml2jsOpmlReader';
import { findBundledResource } from './findBundledResource';
import { OpmlFileCatalogue, STARTER_CATALOGUE } from './OpmlFileCatalogue';

describe('the bundled starter catalogue', () => {
  it('is found from the sources and every outline in it is usable', async () => {
    const file = findBundledResource(STARTER_CATALOGUE);
    expect(file).not.toBeNull();
    const read = await new Xml2jsOpmlReader().read(await readFile(file ?? '', 'utf8'));
    if (!read.ok) throw new Error(read.message);
    expect(catalogueFromOpml(read.value.outlines).problems).toEqual([]);
  });

  it('lists between 40 and 80 feeds, each with a web address, a known group and kind', async () => {
    const entries = await OpmlFileCatalogue.bundled().entries();
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries.length).toBeLessThanOrEqual(80);
    for (const entry of entries) {
      expect(entry.url, entry.title).toMatch(/^https?:\/\/[^\s/]+\.[a-z]{2,}\//);
      expect(CATALOGUE_SPECIALTIES).toContain(entry.specialty);
      expect(CATALOGUE_KINDS).toContain(entry.kind);
      expect(entry.publisher.trim(), entry.title).not.toBe('');
    }
    expect(new Set(entries.map((entry) => entry.url)).size).toBe(entries.length);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  });

  it('fills every group, including the journals a generalist expects', async () => {
    const entries = await OpmlFileCatalogue.bundled().entries();
    for (const specialty of CATALOGUE_SPECIALTIES) {
      expect(
        entries.some((entry) => entry.specialty === specialty),
        specialty,
      ).toBe(true);
    }
    const general = entries.filter((entry) => entry.specialty === 'General medicine');
    for (const journal of ['New England', 'Lancet', 'BMJ', 'JAMA', 'Annals', 'PLOS Medicine']) {
      expect(
        general.some((entry) => entry.title.includes(journal)),
        journal,
      ).toBe(true);
    }
  });
});

describe('OpmlFileCatalogue', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'rounds-catalogue-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('finds resources/ beside out/ when running from the built host', async () => {
    const resource = join(folder, 'resources', STARTER_CATALOGUE);
    await mkdir(join(folder, 'resources', 'catalogue'), { recursive: true });
    await writeFile(resource, '<opml/>');
    await mkdir(join(folder, 'out', 'main', 'chunks'), { recursive: true });
    const bundle = pathToFileURL(join(folder, 'out', 'main', 'chunks', 'dispatch.js')).href;
    expect(findBundledResource(STARTER_CATALOGUE, bundle)).toBe(resource);
    const hostEntry = pathToFileURL(join(folder, 'out', 'main', 'host.js')).href;
    expect(findBundledResource(STARTER_CATALOGUE, hostEntry)).toBe(resource);
  });

  it('rejects with the missing path when the file is not there, and tries again later', async () => {
    const file = join(folder, 'starter-feeds.opml');
    const catalogue = new OpmlFileCatalogue(file);
    await expect(catalogue.entries()).rejects.toThrow(/ENOENT/);
    await writeFile(
      file,
      '<opml><body><outline text="Nursing"><outline text="N" xmlUrl="https://n.example/rss" publisher="P" kind="journal"/></outline></body></opml>',
    );
    await expect(catalogue.entries()).resolves.toHaveLength(1);
  });

  it('rejects when no catalogue was found at all', async () => {
    await expect(new OpmlFileCatalogue(null).entries()).rejects.toThrow(/was not found/);
  });

  it('leaves out unusable entries, warning once for each', async () => {
    const file = join(folder, 'starter-feeds.opml');
    await writeFile(
      file,
      '<opml><body><outline text="Nursing"><outline text="N" xmlUrl="https://n.example/rss" publisher="P" kind="journal"/><outline text="Bad" xmlUrl="https://b.example/rss" kind="journal"/></outline></body></opml>',
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const entries = await new OpmlFileCatalogue(file).entries();
      expect(entries.map((entry) => entry.title)).toEqual(['N']);
      expect(warn).toHaveBeenCalledOnce();
    } finally {
      warn.mockRestore();
    }
  });
});
