import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PendingLookupsSettled } from '@shared/contract/papers';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { MY_PAPERS_FEED_ID } from '@shared/domain/papers/myPapers';
import { CrossrefClient } from '../../adapters/citations/CrossrefClient';
import { closeServersAfterEach } from '../../adapters/feeds/testing/closeServersAfterEach';
import { PdfTextFiles } from '../../adapters/papers/PdfTextFiles';
import { PendingDoiLookupsFile } from '../../adapters/papers/PendingDoiLookupsFile';
import { ThreadedCitationFileReader } from '../../adapters/papers/ThreadedCitationFileReader';
import { PdfTextExtractor } from '../../adapters/pdf/extractPdfText';
import { PdfFileStore } from '../../adapters/pdf/PdfFileStore';
import { buildTestPdf } from '../../adapters/pdf/testing/writeTestPdf';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { STEPPING_CLOCK_START, SteppingClock } from '../feeds/testing/SteppingClock';
import { LibraryMainService } from '../library/LibraryMainService';
import { SearchIndexFeeder } from '../library/SearchIndexFeeder';
import { PapersMainService } from './PapersMainService';

const CROSSREF_ARTICLE = await readFile(
  new URL('../../adapters/citations/fixtures/crossref-journal-article.json', import.meta.url),
  'utf8',
);
const CROSSREF_DOI = '10.1056/nejmoa2312345';
const CROSSREF_TITLE =
  'Early Rhythm Control in Atrial Fibrillation after Ischemic Stroke: The RHYTHM-AF Randomized Trial';

/** A BibTeX export of `count` papers, each with a DOI and an abstract; one word is in one only. */
function bibtexLibrary(count: number): string {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const finding =
      n === 137
        ? 'Lumbar puncture showed xanthochromia in every patient with a negative scan.'
        : 'Outcomes were similar in both groups at twelve months.';
    return `@article{paper${n},
  title = {Anticoagulation strategy number ${n} after cardioembolic stroke},
  author = {Okafor, Chidi and Lindqvist, Per},
  journal = {Stroke Research},
  year = {2021},
  doi = {10.5555/stroke.${n}},
  abstract = {We randomly assigned adults to one of two strategies. ${finding}},
}
`;
  }).join('\n');
}

const servers = closeServersAfterEach();

/** A loopback server answering as Crossref's works route does, or dropping every connection. */
async function crossrefServer() {
  const state = { online: true, requests: [] as string[] };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests.push(req.url ?? '');
    if (!state.online) {
      req.socket.destroy();
      return;
    }
    if (req.url === `/works/${CROSSREF_DOI}`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(CROSSREF_ARTICLE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Resource not found.');
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { state, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// One PDF reader for the whole file: starting pdf.js in a worker takes a moment.
let pdfTextReader: PdfTextExtractor;
beforeAll(() => {
  pdfTextReader = new PdfTextExtractor();
});
afterAll(async () => {
  await pdfTextReader.close();
});

let dataDir: string;
let libraryDir: string;
let store: LowdbLibraryStore;
let index: WorkerSearchIndex;
let feeder: SearchIndexFeeder;
let library: LibraryMainService;
let papers: PapersMainService;
let crossref: Awaited<ReturnType<typeof crossrefServer>>;
let clock: SteppingClock;

async function open(): Promise<void> {
  store = await LowdbLibraryStore.open(dataDir);
  const pdfTexts = new PdfTextFiles(libraryDir);
  index = WorkerSearchIndex.inDataFolder(dataDir);
  feeder = new SearchIndexFeeder({ store, index, pdfTexts });
  library = new LibraryMainService({ store, search: feeder });
  papers = new PapersMainService({
    store,
    citationFiles: new ThreadedCitationFileReader(),
    doiLookUp: new CrossrefClient({ baseUrl: crossref.baseUrl, userAgent: 'Rounds/test' }),
    pdfFiles: new PdfFileStore(libraryDir),
    pdfTextReader,
    pdfTexts,
    pendingLookups: new PendingDoiLookupsFile(libraryDir),
    clock,
  });
}

async function closeAll(): Promise<void> {
  await feeder.close();
  await index.close();
  await store.close();
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-papers-'));
  libraryDir = join(dataDir, 'library');
  clock = new SteppingClock();
  crossref = await crossrefServer();
  await open();
});

afterEach(async () => {
  await closeAll();
  await rm(dataDir, { recursive: true, force: true });
});

async function listed(query?: string) {
  // A new index is built before it answers; the searches here are about what it then holds.
  if (query !== undefined) await feeder.whenReady();
  const result = await library.list({ filter: 'all', offset: 0, limit: 500, query });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function value<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

describe('PapersMainService: citation files', () => {
  it('imports a 200-reference BibTeX file into "My papers", searchable by a word of one abstract', async () => {
    const summary = await papers.importCitations({
      fileName: '/home/me/Zotero export.bib',
      text: bibtexLibrary(200),
    });

    expect(summary).toEqual({
      ok: true,
      value: { format: 'bibtex', added: 200, alreadyThere: 0, problems: [] },
    });
    expect(store.getFeed(MY_PAPERS_FEED_ID)).toMatchObject({ title: 'My papers', kind: 'local' });
    expect(store.countItems(MY_PAPERS_FEED_ID).total).toBe(200);

    const found = await listed('xanthochromia');
    expect(found.items.map((item) => item.title)).toEqual([
      'Anticoagulation strategy number 137 after cardioembolic stroke',
    ]);
    const paper = value(await library.get({ id: found.items[0]?.id ?? '' }));
    expect(paper).toMatchObject({
      link: 'https://doi.org/10.5555/stroke.137',
      author: 'Chidi Okafor, Per Lindqvist',
      paperIds: { doi: '10.5555/stroke.137' },
      publishedAt: '2021-01-01T00:00:00.000Z',
      feedTitle: 'My papers',
    });
    expect(paper.contentHtml).toContain('xanthochromia in every patient');
    expect(paper.contentHtml).toContain(
      'Imported from the BibTeX file “Zotero export.bib” on 1 February 2026',
    );
  });

  it('adds nothing when the same file is imported again', async () => {
    const text = bibtexLibrary(200);
    await papers.importCitations({ fileName: 'library.bib', text });
    clock.advanceMinutes(60);

    const again = await papers.importCitations({ fileName: 'library.bib', text });

    expect(again).toEqual({
      ok: true,
      value: { format: 'bibtex', added: 0, alreadyThere: 200, problems: [] },
    });
    expect((await listed()).total).toBe(200);
  });

  it('lists a paper a feed also carries once, with both sources', async () => {
    const journal = newFeedRecord({
      id: 'journal',
      url: 'https://journal.example/rss',
      title: 'Stroke Research',
      addedAt: STEPPING_CLOCK_START,
    });
    await store.saveFeed(journal);
    await store.putItems([
      {
        id: 'from-feed',
        feedId: journal.id,
        guid: 'https://journal.example/articles/7',
        title: 'Anticoagulation strategy number 7 after cardioembolic stroke',
        link: 'https://journal.example/articles/7',
        author: null,
        publishedAt: '2021-03-01T00:00:00.000Z',
        excerpt: '',
        fetchedAt: STEPPING_CLOCK_START,
        paperIds: { doi: '10.5555/stroke.7', pmid: null, arxiv: null },
        contentHtml: '<p>From the journal.</p>',
      },
    ]);

    value(await papers.importCitations({ fileName: 'library.bib', text: bibtexLibrary(10) }));

    const { items, total } = await listed();
    expect(total).toBe(10);
    const paper = items.find((item) => item.paperIds.doi === '10.5555/stroke.7');
    expect(paper?.sources.map((source) => source.feedTitle).sort()).toEqual([
      'My papers',
      'Stroke Research',
    ]);
  });

  it('reports broken entries and imports the rest; refuses an empty file with a sentence', async () => {
    const broken = `${bibtexLibrary(2)}\n@article{broken,\n  author = {Nobody},\n}\n`;

    const summary = value(await papers.importCitations({ fileName: 'mixed.bib', text: broken }));
    const empty = await papers.importCitations({ fileName: 'empty.bib', text: '  \n' });

    expect(summary.added).toBe(2);
    expect(summary.problems).toEqual([{ entry: 'broken', message: expect.any(String) }]);
    expect(empty).toEqual({ ok: false, code: 'empty', message: 'The file “empty.bib” is empty.' });
    expect((await listed()).total).toBe(2);
  });
});

describe('PapersMainService: DOIs', () => {
  it('adds a paper by DOI with its details from Crossref', async () => {
    const added = value(await papers.addByDoi({ doi: 'https://doi.org/10.1056/NEJMoa2312345' }));

    expect(added).toMatchObject({ lookup: 'found', alreadyThere: false });
    expect(await store.getItem(added.itemId)).toMatchObject({
      title: CROSSREF_TITLE,
      feedId: MY_PAPERS_FEED_ID,
      guid: `doi:${CROSSREF_DOI}`,
    });
    expect(value(await papers.addByDoi({ doi: CROSSREF_DOI }))).toEqual({
      itemId: added.itemId,
      lookup: 'found',
      alreadyThere: true,
    });
  });

  it('stores a DOI at once while offline, and fills it in when Crossref answers', async () => {
    crossref.state.online = false;
    const settled: PendingLookupsSettled[] = [];
    papers.onPendingLookupsSettled((event) => settled.push(event));

    const added = value(await papers.addByDoi({ doi: CROSSREF_DOI }));

    expect(added.lookup).toBe('pending');
    expect(await store.getItem(added.itemId)).toMatchObject({
      title: `DOI ${CROSSREF_DOI} — details will be fetched when online`,
      link: `https://doi.org/${CROSSREF_DOI}`,
    });
    // Still offline: nothing changes, and the DOI keeps waiting.
    expect(value(await papers.lookUpPending())).toEqual({
      filled: [],
      notFound: [],
      stillPending: 1,
    });

    // A restart does not forget it.
    await closeAll();
    await open();
    papers.onPendingLookupsSettled((event) => settled.push(event));
    crossref.state.online = true;
    const result = value(await papers.lookUpPending());

    expect(result).toEqual({
      filled: [{ itemId: added.itemId, title: CROSSREF_TITLE }],
      notFound: [],
      stillPending: 0,
    });
    expect(settled).toEqual([result]);
    expect(await store.getItem(added.itemId)).toMatchObject({ title: CROSSREF_TITLE });
    expect((await listed()).total).toBe(1);
    expect(value(await papers.lookUpPending()).filled).toEqual([]);
  });

  it('tells the user once that Crossref has no paper with a pending DOI', async () => {
    crossref.state.online = false;
    const added = value(await papers.addByDoi({ doi: '10.9999/typo.123' }));
    crossref.state.online = true;

    const first = value(await papers.lookUpPending());
    const second = value(await papers.lookUpPending());

    expect(first.notFound).toEqual([
      {
        itemId: added.itemId,
        doi: '10.9999/typo.123',
        message:
          'Crossref has no paper with the DOI 10.9999/typo.123, which you added on 1 February 2026. Check it for a typing mistake.',
      },
    ]);
    expect(second).toEqual({ filled: [], notFound: [], stillPending: 0 });
    expect(await store.getItem(added.itemId)).toMatchObject({
      title: 'DOI 10.9999/typo.123 — not found at Crossref',
    });
  });

  it('refuses what is not a DOI, and stores nothing for a DOI Crossref does not know', async () => {
    expect(await papers.addByDoi({ doi: 'NEJMoa2312345' })).toMatchObject({
      ok: false,
      code: 'not-a-doi',
    });
    expect(await papers.addByDoi({ doi: '10.9999/missing' })).toEqual({
      ok: false,
      code: 'not-found',
      message: 'Crossref has no paper with the DOI 10.9999/missing.',
    });
    expect(store.getFeed(MY_PAPERS_FEED_ID)).toBeUndefined();
  });
});

describe('PapersMainService: PDFs', () => {
  const ARTICLE = buildTestPdf({
    title: 'Stroke after transcatheter valve implantation',
    pages: [
      ['Stroke after transcatheter valve implantation', 'A cohort study'],
      ['Methods', 'We followed 4,120 patients.'],
      ['Results', 'Leaflet thrombosis was seen on computed tomography in 9 percent.'],
    ],
    outline: [
      { title: 'Methods', page: 2 },
      { title: 'Results', page: 3 },
    ],
  });

  it('finds a PDF by a word on its third page, and gives the viewer its text', async () => {
    const added = value(
      await papers.addPdf({ fileName: 'C:\\Downloads\\tavi.pdf', base64: base64(ARTICLE) }),
    );

    expect(added).toMatchObject({
      title: 'Stroke after transcatheter valve implantation',
      pdf: { fileName: 'tavi.pdf', pageCount: 3 },
      paper: 'created',
      alreadyStored: false,
    });
    const found = await listed('thrombosis');
    expect(found.items.map((item) => item.id)).toEqual([added.itemId]);

    const text = value(await papers.pdfText({ itemId: added.itemId }));
    expect(text.pdf).toEqual(added.pdf);
    expect(text.text.pages[2]).toContain('Leaflet thrombosis');
    expect(text.text.outline).toEqual([
      { title: 'Methods', page: 2, depth: 0 },
      { title: 'Results', page: 3, depth: 0 },
    ]);
    const onDisk = JSON.parse(
      gunzipSync(
        await readFile(join(libraryDir, 'pdf-text', `${added.pdf.hash}.json.gz`)),
      ).toString(),
    );
    expect(onDisk.pages[2]).toContain('Leaflet thrombosis');
    expect(value(await papers.pdfBytes({ hash: added.pdf.hash }))).toEqual(new Uint8Array(ARTICLE));
  });

  it('stores the same PDF added twice once, as one paper', async () => {
    const first = value(await papers.addPdf({ fileName: 'tavi.pdf', base64: base64(ARTICLE) }));
    const second = value(
      await papers.addPdf({ fileName: 'copy of tavi.pdf', base64: base64(ARTICLE) }),
    );

    expect(second).toMatchObject({ itemId: first.itemId, alreadyStored: true });
    expect(await readdir(join(libraryDir, 'pdfs'))).toEqual([`${first.pdf.hash}.pdf`]);
    expect((await listed()).total).toBe(1);
  });

  it('attaches a PDF whose first page names a DOI to that paper, and an import keeps it', async () => {
    const text = bibtexLibrary(3);
    value(await papers.importCitations({ fileName: 'library.bib', text }));
    const withDoi = buildTestPdf({
      pages: [
        ['Stroke Research 2021; 4: 112-120', 'https://doi.org/10.5555/STROKE.2'],
        ['Tenecteplase was given within four hours.'],
      ],
    });

    const added = value(await papers.addPdf({ fileName: 'paper2.pdf', base64: base64(withDoi) }));
    value(await papers.importCitations({ fileName: 'library.bib', text }));
    await closeAll();
    await open();

    expect(added).toMatchObject({
      paper: 'attached',
      title: 'Anticoagulation strategy number 2 after cardioembolic stroke',
    });
    expect(await store.getItem(added.itemId)).toMatchObject({
      paperIds: { doi: '10.5555/stroke.2' },
      pdf: { hash: added.pdf.hash, fileName: 'paper2.pdf', pageCount: 2 },
    });
    expect((await listed()).total).toBe(3);
    expect((await listed('tenecteplase')).items.map((item) => item.id)).toEqual([added.itemId]);
  });

  it('refuses a file that is not a PDF, a damaged one and a locked one, storing nothing', async () => {
    const notPdf = await papers.addPdf({
      fileName: 'sign-in.pdf',
      base64: base64(new TextEncoder().encode('<html>Please sign in</html>')),
    });
    const damaged = await papers.addPdf({
      fileName: 'cut.pdf',
      base64: base64(new TextEncoder().encode('%PDF-1.7\nthis was cut off in transit\n')),
    });
    const locked = await papers.addPdf({
      fileName: 'locked.pdf',
      base64: base64(buildTestPdf({ pages: [['Secret']], passwordProtected: true })),
    });
    const empty = await papers.addPdf({ fileName: 'nothing.pdf', base64: '' });

    expect(notPdf).toMatchObject({
      ok: false,
      code: 'not-a-pdf',
      message: expect.stringMatching(/not a PDF/),
    });
    expect(damaged).toMatchObject({
      ok: false,
      code: 'damaged',
      message: expect.stringMatching(/damaged/),
    });
    expect(locked).toMatchObject({
      ok: false,
      code: 'password-protected',
      message: expect.stringMatching(/password/),
    });
    expect(empty).toEqual({ ok: false, code: 'not-a-pdf', message: '“nothing.pdf” is empty.' });
    expect(await readdir(join(libraryDir, 'pdfs')).catch(() => [])).toEqual([]);
    expect(store.getFeed(MY_PAPERS_FEED_ID)).toBeUndefined();
  });

  it('reads the text again when its file was lost, and says when a paper has no PDF', async () => {
    const added = value(await papers.addPdf({ fileName: 'tavi.pdf', base64: base64(ARTICLE) }));
    await rm(join(libraryDir, 'pdf-text', `${added.pdf.hash}.json.gz`));
    value(await papers.importCitations({ fileName: 'one.bib', text: bibtexLibrary(1) }));
    const withoutPdf = (await listed('strategy')).items[0]?.id ?? '';

    expect(value(await papers.pdfText({ itemId: added.itemId })).text.pages[2]).toContain(
      'Leaflet thrombosis',
    );
    expect(await papers.pdfText({ itemId: withoutPdf })).toMatchObject({
      ok: false,
      code: 'no-pdf',
    });
    expect(await papers.pdfText({ itemId: 'gone' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
