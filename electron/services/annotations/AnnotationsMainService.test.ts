import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { describeTextRange, pdfPageSelector } from '@shared/domain/annotations/selectors';
import type { NoteEnvelope } from '@shared/domain/notes/noteEnvelope';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbAnnotationStore } from '../../adapters/storage/LowdbAnnotationStore';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LibraryMainService } from '../library/LibraryMainService';
import { SearchIndexFeeder } from '../library/SearchIndexFeeder';
import { annotationTextOf } from './annotationTextOf';
import { AnnotationsMainService } from './AnnotationsMainService';

const TEXT =
  'Empagliflozin reduced the combined risk of cardiovascular death or hospitalisation for heart failure.';
const DOI = '10.1056/nejmoa2107038';
const CLOCK = { now: () => new Date('2026-03-01T10:00:00.000Z') };

let dataDir: string;
let store: LowdbLibraryStore;
let annotationStore: LowdbAnnotationStore;
let index: WorkerSearchIndex;
let feeder: SearchIndexFeeder;
let service: AnnotationsMainService;
let library: LibraryMainService;
let ids: number;

async function open(): Promise<void> {
  store = await LowdbLibraryStore.open(dataDir);
  annotationStore = (await LowdbAnnotationStore.open(dataDir)).store;
  index = WorkerSearchIndex.inDataFolder(dataDir);
  feeder = new SearchIndexFeeder(
    { store, index },
    { annotationText: (itemId) => annotationTextOf(annotationStore.forItem(itemId)) },
  );
  service = new AnnotationsMainService({
    annotations: annotationStore,
    library: store,
    clock: CLOCK,
    changes: feeder,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  });
  library = new LibraryMainService({ store, search: feeder });
}

async function closeAll(): Promise<void> {
  await feeder.close();
  await index.close();
  await annotationStore.close();
  await store.close();
}

function highlight(id: string, words: string, colour: Annotation['colour'] = 'yellow'): Annotation {
  const start = TEXT.indexOf(words);
  const selectors = describeTextRange(TEXT, start, start + words.length);
  if (!selectors) throw new Error('no selectors');
  return {
    id,
    itemId: 'trial',
    source: `https://doi.org/${DOI}`,
    selectors,
    colour,
    note: 'ignored: the note is the note’s',
    noteId: null,
    tags: ['  sglt2 ', 'SGLT2', 'hf'],
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
  };
}

function note(text: string): NoteEnvelope {
  return {
    format: 'rounds-note',
    version: 1,
    editorState: {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 1 }] }],
      },
    },
    // What the window claims; the service works it out again from the document.
    plainText: 'something else',
    updatedAt: '2026-02-01T00:00:00.000Z',
  };
}

async function found(query: string): Promise<string[]> {
  await feeder.settled();
  const result = await library.list({ filter: 'all', offset: 0, limit: 10, query });
  if (!result.ok) throw new Error(result.message);
  return result.value.items.map((item) => item.id);
}

const FIRST = '11111111-1111-4111-8111-111111111111';
const SECOND = '22222222-2222-4222-8222-222222222222';

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-annotations-'));
  ids = 0;
  await open();
  const feed = newFeedRecord({
    id: 'nejm',
    url: 'https://journal.example/rss',
    title: 'NEJM',
    addedAt: '2026-01-01T00:00:00.000Z',
  });
  await store.saveFeed(feed);
  await store.putItems([
    {
      id: 'trial',
      feedId: 'nejm',
      guid: 'trial',
      title: 'Empagliflozin in heart failure',
      link: 'https://journal.example/trial',
      author: null,
      publishedAt: '2025-08-01T00:00:00.000Z',
      excerpt: TEXT,
      contentHtml: `<p>${TEXT}</p>`,
      fetchedAt: '2026-01-01T00:00:00.000Z',
      authors: ['Stefan D. Anker'],
      journal: 'N Engl J Med',
      paperIds: { doi: DOI, pmid: null, arxiv: null },
    },
  ]);
});

afterEach(async () => {
  await closeAll();
  await rm(dataDir, { recursive: true, force: true });
});

describe('AnnotationsMainService', () => {
  it('keeps highlights and notes across a restart, with the note’s own text and tidy tags', async () => {
    const saved = await service.save({ annotation: highlight(FIRST, 'cardiovascular death') });
    await service.save({ annotation: highlight(SECOND, 'heart failure', 'green') });
    const noted = await service.saveNote({
      itemId: 'trial',
      annotationId: FIRST,
      envelope: note('Composite outcome'),
    });
    await service.saveNote({ itemId: 'trial', annotationId: null, envelope: note('Read again') });

    expect(saved).toMatchObject({
      ok: true,
      value: { note: '', tags: ['sglt2', 'hf'], updatedAt: '2026-03-01T10:00:00.000Z' },
    });
    expect(noted).toMatchObject({
      ok: true,
      value: { envelope: { plainText: 'Composite outcome' } },
    });
    await closeAll();
    await open();

    const again = await service.forItem({ itemId: 'trial' });
    if (!again.ok) throw new Error(again.message);
    expect(again.value.annotations.map((entry) => [entry.id, entry.colour, entry.note])).toEqual([
      [FIRST, 'yellow', 'Composite outcome'],
      [SECOND, 'green', ''],
    ]);
    expect(again.value.notes.map((entry) => entry.envelope.plainText).sort()).toEqual([
      'Composite outcome',
      'Read again',
    ]);
    expect(again.value.meanings.yellow).toBe('Key finding');
  });

  it('refuses a highlight on a paper not in the library, and a note from a newer Rounds', async () => {
    const stray = await service.save({
      annotation: { ...highlight(FIRST, 'heart'), itemId: 'gone' },
    });
    const newer = await service.saveNote({
      itemId: 'trial',
      annotationId: null,
      envelope: { ...note('x'), version: 2 } as unknown as NoteEnvelope,
    });
    const onMissingHighlight = await service.saveNote({
      itemId: 'trial',
      annotationId: SECOND,
      envelope: note('x'),
    });

    expect(stray).toMatchObject({ ok: false, code: 'not-found' });
    expect(newer).toMatchObject({ ok: false, code: 'invalid-note' });
    expect(newer.ok === false && newer.message).toMatch(/newer version of Rounds/i);
    expect(onMissingHighlight).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('makes notes and highlighted passages searchable, and forgets a removed highlight', async () => {
    await service.save({ annotation: highlight(FIRST, 'hospitalisation') });
    await service.saveNote({
      itemId: 'trial',
      annotationId: FIRST,
      envelope: note('Discuss at Thursday’s journal club'),
    });

    expect(await found('thursday')).toEqual(['trial']);
    expect(await found('hf')).toEqual(['trial']);
    await service.remove({ id: FIRST });
    expect(await found('thursday')).toEqual([]);
  });

  it('exports Markdown and Web Annotations, and reads them back without duplicates', async () => {
    await service.save({ annotation: highlight(FIRST, 'cardiovascular death') });
    await service.save({ annotation: highlight(SECOND, 'heart failure', 'red') });
    await service.saveNote({
      itemId: 'trial',
      annotationId: SECOND,
      envelope: note('Small trial'),
    });

    const markdown = await service.exportMarkdown({ itemId: 'trial', groupBy: 'colour', kept: [] });
    const exported = await service.exportWebAnnotations({ kept: [] });
    if (!markdown.ok || !exported.ok) throw new Error('export failed');
    expect(markdown.value.fileName).toBe('highlights-empagliflozin-in-heart-failure-2026-03-01.md');
    expect(markdown.value.text).toContain('> cardiovascular death');
    expect(markdown.value.text).toContain('Small trial');
    const json = JSON.parse(exported.value.text) as Record<string, unknown>;
    expect(json).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld' });

    await service.remove({ id: FIRST });
    await service.remove({ id: SECOND });
    const imported = await service.importWebAnnotations({ text: exported.value.text });
    const twice = await service.importWebAnnotations({ text: exported.value.text });

    expect(imported).toMatchObject({ ok: true, value: { added: 2, problems: [] } });
    expect(twice).toMatchObject({ ok: true, value: { added: 0, updated: 0, unchanged: 2 } });
    const back = await service.forItem({ itemId: 'trial' });
    expect(back.ok && back.value.annotations.map((entry) => entry.id).sort()).toEqual([
      FIRST,
      SECOND,
    ]);
    expect(await found('small')).toEqual(['trial']);
  });

  it('exports a highlight on a PDF page naming the file and the paper, and reads it back', async () => {
    const file = `urn:sha256:${'d4'.repeat(32)}`;
    const onPage = { ...highlight(FIRST, 'heart failure'), source: file };
    onPage.selectors = { ...onPage.selectors, page: pdfPageSelector(2) };
    await service.save({ annotation: onPage });

    const exported = await service.exportWebAnnotations({ itemId: 'trial', kept: [] });
    if (!exported.ok) throw new Error('export failed');
    const json = JSON.parse(exported.value.text) as {
      first: { items: { target: { source: string; scope?: string } }[] };
    };
    expect(json.first.items[0]?.target).toMatchObject({
      source: file,
      scope: `https://doi.org/${DOI}`,
    });

    await service.remove({ id: FIRST });
    const imported = await service.importWebAnnotations({ text: exported.value.text });
    expect(imported).toMatchObject({ ok: true, value: { added: 1, problems: [] } });
    const back = await service.forItem({ itemId: 'trial' });
    expect(back.ok && back.value.annotations).toMatchObject([
      { id: FIRST, source: file, selectors: { page: { value: 'page=2' } } },
    ]);
  });

  it('says what is wrong with a file that holds no annotations', async () => {
    expect(await service.importWebAnnotations({ text: 'not json' })).toMatchObject({
      ok: false,
      code: 'invalid-file',
    });
    expect(await service.exportMarkdown({ groupBy: 'colour', kept: [] })).toMatchObject({
      ok: false,
      code: 'not-found',
      message: 'There are no highlights or notes to export yet.',
    });
  });

  it('restores a damaged file of highlights from its last good copy, and says so', async () => {
    await service.save({ annotation: highlight(FIRST, 'cardiovascular death') });
    await closeAll();
    // The backup is refreshed when a document is next loaded: open once more, then damage it.
    await open();
    await closeAll();
    const shardFiles = (await import('node:fs/promises')).readdir(
      join(dataDir, 'library', 'annotations'),
    );
    for (const name of await shardFiles) {
      await writeFile(join(dataDir, 'library', 'annotations', name), '{"annotations": [tru');
    }
    const reopened = await LowdbAnnotationStore.open(dataDir);

    expect(reopened.store.forItem('trial').annotations.map((entry) => entry.id)).toEqual([FIRST]);
    expect(reopened.notices.length).toBeGreaterThan(0);
    await reopened.store.close();
    await open();
  });

  it('lists the papers with highlights or notes for is:annotated, and no longer once they are gone', async () => {
    expect(await found('is:annotated')).toEqual([]);

    await service.save({ annotation: highlight(FIRST, 'hospitalisation') });
    expect(await found('is:annotated')).toEqual(['trial']);
    expect(await found('is:annotated empagliflozin')).toEqual(['trial']);
    expect(await found('is:annotated colchicine')).toEqual([]);

    await service.remove({ id: FIRST });
    expect(await found('is:annotated')).toEqual([]);

    await service.saveNote({ itemId: 'trial', annotationId: null, envelope: note('Read again') });
    expect(await found('is:annotated')).toEqual(['trial']);
  });

  it('keeps tidy tags on a whole paper across a restart; they are searchable and count as annotated', async () => {
    const saved = await service.setPaperTags({
      itemId: 'trial',
      tags: [' Journal club ', 'journal CLUB', 'to teach'],
    });
    expect(saved).toEqual({
      ok: true,
      value: { itemId: 'trial', tags: ['Journal club', 'to teach'] },
    });
    expect(await found('teach')).toEqual(['trial']);
    expect(await found('is:annotated')).toEqual(['trial']);

    await closeAll();
    await open();
    const again = await service.forItem({ itemId: 'trial' });
    expect(again).toMatchObject({ ok: true, value: { paperTags: ['Journal club', 'to teach'] } });

    await service.setPaperTags({ itemId: 'trial', tags: [] });
    expect(await found('is:annotated')).toEqual([]);
    expect(await service.setPaperTags({ itemId: 'gone', tags: ['x'] })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('blocks an export whose note holds a patient identifier until each finding is kept', async () => {
    await service.save({ annotation: highlight(FIRST, 'cardiovascular death') });
    await service.saveNote({
      itemId: 'trial',
      annotationId: FIRST,
      envelope: note('Reminded me of John Smith, MRN 12345678'),
    });

    const findings = await service.exportFindings({ itemId: 'trial' });
    expect(
      findings.ok && findings.value.map(({ type, text, where }) => ({ type, text, where })),
    ).toEqual([
      { type: 'name', text: 'John Smith', where: 'Your note on “cardiovascular death”' },
      { type: 'mrn', text: '12345678', where: 'Your note on “cardiovascular death”' },
    ]);
    const blocked = await service.exportMarkdown({ itemId: 'trial', groupBy: 'colour', kept: [] });
    expect(blocked).toMatchObject({ ok: false, code: 'blocked' });
    expect(!blocked.ok && blocked.message).toContain('“John Smith”');
    expect(!blocked.ok && blocked.message).toContain('“12345678”');
    const oneKept = await service.exportWebAnnotations({
      kept: [{ type: 'name', text: 'John Smith', reason: 'consented' }],
    });
    expect(oneKept).toMatchObject({ ok: false, code: 'blocked' });
    expect(!oneKept.ok && oneKept.message).not.toContain('John Smith');

    const kept = [
      { type: 'name', text: 'John Smith', reason: 'consented' },
      { type: 'mrn', text: '12345678', reason: 'other', note: 'A made-up number for teaching' },
    ] as const;
    const markdown = await service.exportMarkdown({
      itemId: 'trial',
      groupBy: 'colour',
      kept: [...kept],
    });
    const jsonLd = await service.exportWebAnnotations({ itemId: 'trial', kept: [...kept] });
    expect(markdown.ok && markdown.value.text).toContain('John Smith, MRN 12345678');
    expect(jsonLd.ok && jsonLd.value.text).toContain('John Smith, MRN 12345678');
  });

  it('never blocks on paper authors quoted in a note, nor on the paper’s own authors', async () => {
    await service.save({ annotation: highlight(FIRST, 'heart failure') });
    await service.saveNote({
      itemId: 'trial',
      annotationId: FIRST,
      envelope: note('Smith et al. 2023 saw the same; compare Anker and Butler (2021).'),
    });

    expect(await service.exportFindings({})).toEqual({ ok: true, value: [] });
    const markdown = await service.exportMarkdown({
      itemId: 'trial',
      groupBy: 'position',
      kept: [],
    });
    expect(markdown.ok && markdown.value.text).toContain('Stefan D. Anker');
  });
});
