import { fail, type Failure, ok, type Result, type ServiceImplementation } from '@shared/contract';
import {
  type AttachedPdf,
  MAX_PDF_BYTES,
  type papersContract,
  type PendingLookupsSettled,
} from '@shared/contract/papers';
import { excerptFromText } from '@shared/domain/feeds/excerptFromText';
import { NO_PAPER_IDS, normalizeDoi } from '@shared/domain/feeds/paperIdentity';
import type { ItemPdf } from '@shared/domain/library/libraryDocuments';
import { MY_PAPERS_FEED_ID, myPapersFeedRecord } from '@shared/domain/papers/myPapers';
import type { PdfText } from '@shared/domain/pdf/PdfText';
import { Emitter } from '../Emitter';
import type { ItemDetailRow, LibraryStore, StoredItem } from '../library/LibraryStore';
import {
  doiAddress,
  escapeHtml,
  formatDay,
  guidOfPaper,
  guidOfPdf,
  itemOfPaper,
  localItemId,
  paperHtml,
  placeholderItemOfDoi,
} from './paperItems';
import { baseFileName, doiOnFirstPage, titleOfPdf } from './pdfPaper';
import type {
  CitationFileReader,
  Clock,
  DoiLookUp,
  PdfFiles,
  PdfTextArchive,
  PdfTextReader,
  PendingDoiLookups,
} from './ports';

type PapersService = ServiceImplementation<typeof papersContract>;

/** What {@link PapersMainService} works with. */
export interface PapersMainServiceDependencies {
  store: LibraryStore;
  citationFiles: CitationFileReader;
  doiLookUp: DoiLookUp;
  pdfFiles: PdfFiles;
  pdfTextReader: PdfTextReader;
  pdfTexts: PdfTextArchive;
  pendingLookups: PendingDoiLookups;
  clock: Clock;
}

const FORMAT_NAMES = { bibtex: 'BibTeX', ris: 'RIS' } as const;
const NOT_A_DOI_EXAMPLE = 'a DOI looks like 10.1056/NEJMoa2312345';
const GONE = 'That paper is no longer in your library.';

/**
 * Papers brought in from elsewhere: a reference manager's export, a DOI, a PDF. They are items of
 * the local source "My papers" (created by the first import, never fetched), with ids derived from
 * what the paper is, so bringing the same paper in twice adds nothing, and a paper a feed also
 * carries is a second copy of it, which the store lists once.
 *
 * Changes to "My papers" run one at a time, so an import can never overwrite a PDF attached
 * meanwhile; network lookups and PDF reading happen before, outside that queue. Every refusal is a
 * sentence for the user, given before anything is written.
 */
export class PapersMainService implements PapersService {
  private readonly store: LibraryStore;
  private readonly citationFiles: CitationFileReader;
  private readonly doiLookUp: DoiLookUp;
  private readonly pdfFiles: PdfFiles;
  private readonly pdfTextReader: PdfTextReader;
  private readonly pdfTexts: PdfTextArchive;
  private readonly pendingLookups: PendingDoiLookups;
  private readonly clock: Clock;
  private readonly settled = new Emitter<PendingLookupsSettled>();
  /** The change to "My papers" in progress; the next one starts after it. */
  private changing: Promise<unknown> = Promise.resolve();
  /** A pass over pending DOIs in progress, which a second call joins. */
  private lookingUp: Promise<PendingLookupsSettled> | null = null;

  readonly onPendingLookupsSettled = this.settled.subscribe;

  constructor(dependencies: PapersMainServiceDependencies) {
    this.store = dependencies.store;
    this.citationFiles = dependencies.citationFiles;
    this.doiLookUp = dependencies.doiLookUp;
    this.pdfFiles = dependencies.pdfFiles;
    this.pdfTextReader = dependencies.pdfTextReader;
    this.pdfTexts = dependencies.pdfTexts;
    this.pendingLookups = dependencies.pendingLookups;
    this.clock = dependencies.clock;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly importCitations: PapersService['importCitations'] = async ({ fileName, text }) => {
    const read = await this.citationFiles.read({ fileName, text });
    if (!read.ok) return fail(read.reason, read.message);
    const origin = {
      source: `the ${FORMAT_NAMES[read.format]} file “${baseFileName(fileName)}”`,
      at: this.clock.now(),
    };
    return this.exclusively(async () => {
      const stored = new Set(await this.store.itemIds());
      const fresh = new Map<string, StoredItem>();
      for (const reference of read.references) {
        const item = itemOfPaper(reference, origin);
        // A paper already there keeps its record (and any PDF attached to it) untouched.
        if (!stored.has(item.id) && !fresh.has(item.id)) fresh.set(item.id, item);
      }
      if (fresh.size > 0) {
        await this.ensureMyPapers();
        await this.store.putItems([...fresh.values()]);
      }
      return ok({
        format: read.format,
        added: fresh.size,
        alreadyThere: read.references.length - fresh.size,
        problems: read.problems.map(({ entry, message }) => ({ entry, message })),
      });
    });
  };

  readonly addByDoi: PapersService['addByDoi'] = async ({ doi }) => {
    const normalized = normalizeDoi(doi);
    if (normalized === null) {
      return fail('not-a-doi', `“${doi.trim()}” is not a DOI (${NOT_A_DOI_EXAMPLE}).`);
    }
    const placeholder = placeholderItemOfDoi(normalized, this.clock.now());
    const known = await this.store.getItem(placeholder.id);
    if (known) {
      const waiting = (await this.pendingLookups.list()).some(
        (entry) => entry.itemId === placeholder.id,
      );
      return ok({ itemId: known.id, lookup: waiting ? 'pending' : 'found', alreadyThere: true });
    }

    const lookup = await this.doiLookUp.lookUpDoi(normalized);
    if (lookup.ok) {
      const item = itemOfPaper(lookup.reference, { source: 'Crossref', at: this.clock.now() });
      return this.exclusively(async () => {
        const alreadyThere = (await this.store.getItem(item.id)) !== undefined;
        if (!alreadyThere) {
          await this.ensureMyPapers();
          await this.store.putItems([item]);
        }
        return ok({ itemId: item.id, lookup: 'found' as const, alreadyThere });
      });
    }
    switch (lookup.reason) {
      case 'not-found':
        return fail('not-found', lookup.message);
      case 'bad-answer':
        return fail('lookup-failed', `${lookup.message} Try again later.`);
      case 'offline':
      case 'refused':
        // Rounds is offline-first: the paper is kept now and completed once Crossref answers.
        return this.exclusively(async () => {
          await this.ensureMyPapers();
          await this.pendingLookups.add([
            { itemId: placeholder.id, doi: normalized, since: placeholder.fetchedAt },
          ]);
          await this.store.putItems([placeholder]);
          return ok({ itemId: placeholder.id, lookup: 'pending' as const, alreadyThere: false });
        });
    }
  };

  /**
   * Asks Crossref about every DOI stored while offline. Stops at the first that cannot reach it
   * (the rest would fail the same way). A DOI Crossref does not know is reported once and its
   * paper says so; the app calls this at start and after every refresh run.
   */
  readonly lookUpPending: PapersService['lookUpPending'] = async () => {
    this.lookingUp ??= this.lookUpPendingOnce().finally(() => {
      this.lookingUp = null;
    });
    return ok(await this.lookingUp);
  };

  readonly addPdf: PapersService['addPdf'] = async ({ fileName, base64 }) => {
    const name = baseFileName(fileName);
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.byteLength === 0) return fail('not-a-pdf', `“${name}” is empty.`);
    if (bytes.byteLength > MAX_PDF_BYTES) {
      return fail('too-large', `“${name}” is larger than 50 MB, the most Rounds adds at a time.`);
    }
    // Read before anything is stored: a file that is not a readable PDF leaves no trace.
    const read = await this.pdfTextReader.extract(bytes);
    if (!read.ok) return fail(read.code, read.message);
    const text = read.text;

    let stored: { hash: string; alreadyStored: boolean };
    try {
      stored = await this.pdfFiles.add(bytes);
    } catch (error) {
      const refusal = pdfRefusalOf(error);
      if (refusal) return refusal;
      throw error;
    }
    // The text goes first, so the search index finds it when the paper arrives.
    await this.pdfTexts.write(stored.hash, text);
    const pdf: ItemPdf = { hash: stored.hash, fileName: name, pageCount: text.pageCount };
    const doi = doiOnFirstPage(text);
    const guid =
      doi === null
        ? guidOfPdf(stored.hash)
        : guidOfPaper({
            paperIds: { ...NO_PAPER_IDS, doi },
            title: '',
            publishedAt: null,
            authors: [],
          });
    const id = localItemId(guid);

    return this.exclusively(async () => {
      const existing = await this.store.getItem(id);
      let title: string;
      if (existing) {
        title = existing.title;
        await this.store.putItems([{ ...existing, pdf }]);
      } else {
        const item = this.itemOfPdf({ id, guid, doi }, pdf, text);
        title = item.title;
        await this.ensureMyPapers();
        await this.store.putItems([item]);
      }
      // A paper a feed already carries (same DOI) is this one: the store lists them as one.
      const copies = existing?.copies ?? (await this.store.getItem(id))?.copies ?? [];
      return ok({
        itemId: id,
        title,
        pdf: { ...pdf },
        paper: existing || copies.length > 1 ? ('attached' as const) : ('created' as const),
        alreadyStored: stored.alreadyStored,
      });
    });
  };

  readonly pdfText: PapersService['pdfText'] = async ({ itemId }) => {
    const item = await this.store.getItem(itemId);
    if (!item) return fail('not-found', GONE);
    const holder = await this.copyWithPdf(item);
    if (!holder?.pdf) return fail('no-pdf', 'No PDF is attached to this paper.');
    const pdf: AttachedPdf = { ...holder.pdf };
    const text = (await this.pdfTexts.read(pdf.hash)) ?? (await this.readTextAgain(pdf.hash));
    if (text === null) {
      return fail(
        'no-pdf',
        `The PDF “${pdf.fileName}” is no longer in your library’s folder. Add it again to read it here.`,
      );
    }
    return ok({ itemId: holder.id, pdf, text });
  };

  /** The stored PDF's bytes, for the transport to serve to the viewer (not a contract method). */
  readonly pdfBytes = async ({
    hash,
  }: {
    hash: string;
  }): Promise<Result<Uint8Array, 'not-found'>> => {
    try {
      return ok(await this.pdfFiles.read(hash));
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PdfNotFoundError' || name === 'InvalidPdfHashError') {
        return fail('not-found', 'That PDF is not in your library.');
      }
      throw error;
    }
  };

  private async lookUpPendingOnce(): Promise<PendingLookupsSettled> {
    const entries = await this.pendingLookups.list();
    const result: PendingLookupsSettled = { filled: [], notFound: [], stillPending: 0 };
    let offline = false;
    for (const entry of entries) {
      if (offline) {
        result.stillPending++;
        continue;
      }
      const lookup = await this.doiLookUp.lookUpDoi(entry.doi);
      if (!lookup.ok && lookup.reason !== 'not-found') {
        // Offline or refused: the others would fail alike. A bad answer is tried again next time.
        offline = lookup.reason === 'offline' || lookup.reason === 'refused';
        result.stillPending++;
        continue;
      }
      await this.exclusively(async () => {
        const current = await this.store.getItem(entry.itemId);
        if (current) {
          const now = this.clock.now();
          if (lookup.ok) {
            const found = itemOfPaper(lookup.reference, { source: 'Crossref', at: now });
            // The paper keeps its id (and any PDF): only its details are new.
            const filled = { ...found, id: current.id, guid: current.guid, pdf: current.pdf };
            await this.store.putItems([filled]);
            result.filled.push({ itemId: current.id, title: filled.title });
          } else {
            const message = `Crossref has no paper with the DOI ${entry.doi}, which you added on ${formatDay(new Date(entry.since))}. Check it for a typing mistake.`;
            await this.store.putItems([
              {
                ...current,
                title: `DOI ${entry.doi} — not found at Crossref`,
                excerpt: message,
                contentHtml: `<p>${escapeHtml(message)}</p>`,
              },
            ]);
            result.notFound.push({ itemId: current.id, doi: entry.doi, message });
          }
        }
        await this.pendingLookups.remove([entry.itemId]);
      });
    }
    if (result.filled.length > 0 || result.notFound.length > 0) this.settled.fire(result);
    return result;
  }

  /** The item itself when it has the PDF, else another copy of the same paper that has one. */
  private async copyWithPdf(item: ItemDetailRow): Promise<ItemDetailRow | undefined> {
    if (item.pdf) return item;
    for (const copy of item.copies) {
      if (copy.itemId === item.id) continue;
      const other = await this.store.getItem(copy.itemId);
      if (other?.pdf) return other;
    }
    return undefined;
  }

  /** Reads the text of a stored PDF again when its text file was lost; null without the PDF. */
  private async readTextAgain(hash: string): Promise<PdfText | null> {
    const bytes = await this.pdfFiles.read(hash).catch(() => null);
    if (bytes === null) return null;
    const read = await this.pdfTextReader.extract(bytes);
    if (!read.ok) return null;
    await this.pdfTexts.write(hash, read.text);
    return read.text;
  }

  private itemOfPdf(
    { id, guid, doi }: { id: string; guid: string; doi: string | null },
    pdf: ItemPdf,
    text: PdfText,
  ): StoredItem {
    const at = this.clock.now();
    const firstPage = text.pages[0] ?? '';
    const title = titleOfPdf(text, pdf.fileName);
    return {
      id,
      feedId: MY_PAPERS_FEED_ID,
      guid,
      title,
      link: doi === null ? null : doiAddress(doi),
      author: null,
      publishedAt: null,
      excerpt: excerptFromText(firstPage),
      fetchedAt: at.toISOString(),
      authors: [],
      journal: null,
      paperIds: { ...NO_PAPER_IDS, doi },
      relatedDoi: null,
      citations: [],
      media: [],
      pdf,
      contentHtml: paperHtml('', [], { source: `the PDF “${pdf.fileName}”`, at }),
    };
  }

  private async ensureMyPapers(): Promise<void> {
    if (this.store.getFeed(MY_PAPERS_FEED_ID)) return;
    await this.store.saveFeed(myPapersFeedRecord(this.clock.now().toISOString()));
  }

  /** Runs `change` after every change to "My papers" already queued. */
  private exclusively<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changing.catch(() => undefined).then(change);
    this.changing = run;
    return run;
  }
}

/** The file store's refusal as a failure for the user, or null for any other error. */
function pdfRefusalOf(error: unknown): Failure<'not-a-pdf' | 'too-large'> | null {
  if (!(error instanceof Error) || error.name !== 'PdfRefusedError') return null;
  const code = (error as Error & { code?: unknown }).code;
  return code === 'not-a-pdf' || code === 'too-large' ? fail(code, error.message) : null;
}
