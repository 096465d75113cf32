import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RssFeedParser } from '../../electron/adapters/feeds/RssFeedParser';
import { ABSTRACT_BYTES } from './clinicalAbstract';
import { ensureLibrary, MANIFEST_FILE, parseGeneratorArgs } from './generateLibrary';
import {
  additionalJournalFeed,
  DEEP_WORD,
  type LibrarySpec,
  libraryNeedles,
  rssDocument,
  syntheticFeeds,
  syntheticPapers,
} from './syntheticLibrary';
import { ABSENT_WORDS } from './vocabulary';

const SMALL: LibrarySpec = { items: 300, feeds: 20, seed: 2026 };

function everyPaper(spec: LibrarySpec) {
  return syntheticFeeds(spec).flatMap((feed) => syntheticPapers(spec, feed));
}

function documentOf(spec: LibrarySpec, feedIndex: number): string {
  const feed = syntheticFeeds(spec)[feedIndex];
  if (feed === undefined) throw new Error(`no feed ${feedIndex}`);
  return rssDocument(feed, syntheticPapers(spec, feed));
}

describe('the synthetic clinical library', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', () => {
    expect(documentOf(SMALL, 3)).toBe(documentOf({ ...SMALL }, 3));
    expect(documentOf({ ...SMALL, seed: 7 }, 3)).not.toBe(documentOf(SMALL, 3));
  });

  it('spreads the items over the feeds and numbers every paper uniquely', () => {
    const feeds = syntheticFeeds({ items: 1005, feeds: 100, seed: 1 });
    expect(feeds).toHaveLength(100);
    expect(feeds.reduce((sum, feed) => sum + feed.itemCount, 0)).toBe(1005);
    expect(new Set(feeds.map((feed) => feed.style))).toEqual(
      new Set(['journal', 'pubmed', 'medrxiv', 'arxiv']),
    );
    const papers = everyPaper(SMALL);
    const ids = papers.flatMap((paper) => [paper.doi, paper.pmid, paper.arxivId]);
    const present = ids.filter((id) => id !== null);
    expect(new Set(present).size).toBe(present.length);
    expect(new Set(papers.map((paper) => paper.guid)).size).toBe(papers.length);
  });

  it('gives every paper a 1-3 KB structured abstract, 1-8 authors and dates over years', () => {
    const papers = everyPaper(SMALL);
    for (const paper of papers) {
      const bytes = Buffer.byteLength(paper.abstractHtml);
      expect(bytes).toBeGreaterThanOrEqual(ABSTRACT_BYTES.min);
      expect(bytes).toBeLessThanOrEqual(ABSTRACT_BYTES.max);
      expect(paper.abstractHtml).toMatch(
        /Background[\s\S]*Methods[\s\S]*Results[\s\S]*Conclusions/i,
      );
      expect(paper.abstractHtml).toMatch(/95% CI \d\.\d\d-\d\.\d\d/);
      expect(paper.authors.length).toBeGreaterThanOrEqual(1);
      expect(paper.authors.length).toBeLessThanOrEqual(8);
    }
    const share = (has: (paper: (typeof papers)[number]) => boolean) =>
      papers.filter(has).length / papers.length;
    expect(share((paper) => paper.doi !== null)).toBeGreaterThan(0.8);
    expect(share((paper) => paper.pmid !== null)).toBeGreaterThan(0.6);
    expect(share((paper) => paper.arxivId !== null)).toBeGreaterThan(0);
    const years = new Set(papers.map((paper) => paper.publishedAt.getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(5);
    const text = papers.map((paper) => `${paper.title} ${paper.abstractHtml}`).join(' ');
    for (const word of ABSENT_WORDS) expect(text).not.toContain(word);
  });

  it('reads back through the app’s RSS parser with its authors, journal and identifiers', async () => {
    const spec: LibrarySpec = { items: 40, feeds: 20, seed: 5 };
    const feeds = syntheticFeeds(spec);
    expect(new Set([0, 7, 9, 19].map((index) => feeds[index]?.style))).toEqual(
      new Set(['journal', 'pubmed', 'medrxiv', 'arxiv']),
    );
    for (const feed of [0, 7, 9, 19].map((index) => feeds[index])) {
      if (feed === undefined) continue;
      const papers = syntheticPapers(spec, feed);
      const parsed = await new RssFeedParser().parse(
        Buffer.from(rssDocument(feed, papers)),
        'application/rss+xml; charset=utf-8',
        'http://127.0.0.1/feeds/x.xml',
      );
      if (!parsed.ok) throw new Error(`${feed.style} feed did not parse: ${parsed.message}`);
      expect(parsed.feed.title).toBe(feed.title);
      expect(parsed.feed.items).toHaveLength(papers.length);
      parsed.feed.items.forEach((item, index) => {
        const paper = papers[index];
        expect(item.title).toBe(paper?.title);
        expect(item.authors).toEqual(paper?.authors);
        expect(item.paperIds).toEqual({
          doi: paper?.doi?.toLowerCase() ?? null,
          pmid: paper?.pmid ?? null,
          arxiv: paper?.arxivId ?? null,
        });
      });
    }
  });

  it('makes extra 1,000-item feeds whose papers are not already in the library', () => {
    const spec: LibrarySpec = { items: 2000, feeds: 10, seed: 3 };
    const libraryDois = new Set(everyPaper(spec).map((paper) => paper.doi));
    const extra = additionalJournalFeed(spec, 0, 1000);
    const papers = syntheticPapers(spec, extra);
    expect(papers).toHaveLength(1000);
    expect(papers.filter((paper) => libraryDois.has(paper.doi))).toEqual([]);
  });
});

/** An abstract's text as a reader sees it (and as the app's excerpt counts characters). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the needles the scale journey searches for', () => {
  it('plants the deep word in one abstract only, past its first 280 characters', () => {
    const needles = libraryNeedles(SMALL);
    const holders = everyPaper(SMALL).filter((paper) =>
      `${paper.title} ${paper.abstractHtml}`.toLowerCase().includes(DEEP_WORD),
    );

    expect(holders.map((paper) => paper.guid)).toEqual([needles.deepWordPaper.guid]);
    expect(textOf(needles.deepWordPaper.abstractHtml).indexOf(DEEP_WORD)).toBeGreaterThan(280);
    expect(needles.deepWordPaper.title.toLowerCase()).not.toContain(DEEP_WORD);
  });

  it('plants it deep in the 100,000-paper library the journey opens', () => {
    const spec: LibrarySpec = { items: 100_000, feeds: 100, seed: 2026 };
    const { deepWordPaper, doiPaper } = libraryNeedles(spec);

    expect(textOf(deepWordPaper.abstractHtml).indexOf(DEEP_WORD)).toBeGreaterThan(280);
    expect(doiPaper.doi).not.toBeNull();
    expect(doiPaper.guid).not.toBe(deepWordPaper.guid);
  });

  it('names a journal paper deep in the list by a DOI no other paper has', () => {
    const needles = libraryNeedles(SMALL);
    const { doi } = needles.doiPaper;

    expect(doi).toMatch(/^10\.\d{4,}\//);
    expect(everyPaper(SMALL).filter((paper) => paper.doi === doi)).toHaveLength(1);
    expect(needles.doiPaper.guid).not.toBe(needles.deepWordPaper.guid);
  });

  it('keeps the deep word out of the vocabulary the other papers and the searches use', () => {
    expect(ABSENT_WORDS).not.toContain(DEEP_WORD);
    const others = everyPaper(SMALL).filter(
      (paper) => paper.guid !== libraryNeedles(SMALL).deepWordPaper.guid,
    );
    expect(others.some((paper) => paper.abstractHtml.includes(DEEP_WORD.slice(0, 8)))).toBe(false);
  });
});

describe('generateLibrary', () => {
  const folders: string[] = [];
  const newFolder = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rounds-synthetic-'));
    folders.push(folder);
    return folder;
  };
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  it('explains a bad command line', () => {
    expect(() => parseGeneratorArgs(['--out', 'x'])).toThrow('--items and --out are required');
    expect(() => parseGeneratorArgs(['--items', '1e5', '--out', 'x'])).toThrow(
      '--items must be a whole number, not "1e5"',
    );
    expect(() => parseGeneratorArgs(['--items', '5', '--out', 'x'])).toThrow(
      'items must be a whole number from 100 (one per feed)',
    );
    expect(() => parseGeneratorArgs(['--items', '200000', '--out', 'x'])).toThrow('to 100000');
  });

  it('refuses a folder holding files it did not write, and leaves them alone', async () => {
    const folder = await newFolder();
    await writeFile(join(folder, 'notes.txt'), 'mine');
    await expect(ensureLibrary({ items: 2, feeds: 2, seed: 1 }, folder, () => {})).rejects.toThrow(
      'already holds files this generator did not write',
    );
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('subscribes through the real backend, then reuses the library it wrote', async () => {
    const folder = await newFolder();
    const spec: LibrarySpec = { items: 6, feeds: 3, seed: 11 };
    const first = await ensureLibrary(spec, folder, () => {});
    expect(first.generated).toBe(true);
    expect(first.manifest.status).toBe('complete');
    const stored = JSON.parse(await readFile(join(folder, 'library/feeds.json'), 'utf8')) as {
      feeds: { title: string; url: string }[];
    };
    expect(stored.feeds.map((feed) => feed.title).sort()).toEqual(
      syntheticFeeds(spec)
        .map((feed) => feed.title)
        .sort(),
    );
    expect(stored.feeds[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/\d+\.xml$/);

    const again = await ensureLibrary(spec, folder, () => {});
    expect(again.generated).toBe(false);
    expect(JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8'))).toEqual(first.manifest);
  });
});
