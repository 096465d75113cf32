import { NO_PAPER_IDS, normalizeDoi } from '@shared/domain/feeds/paperIdentity';
import type { BundlePaper } from '@shared/domain/club/session/roundsBundle';
import type { ItemPdf } from '@shared/domain/library/libraryDocuments';
import { MY_PAPERS_FEED_ID, myPapersFeedRecord } from '@shared/domain/papers/myPapers';
import type { ClubPapers, LibraryPaper } from '../../services/club/ports';
import type { LibraryStore, StoredItem } from '../../services/library/LibraryStore';
import { doiAddress, escapeHtml, itemOfPaper, localItemId } from '../../services/papers/paperItems';
import type { PdfFiles, PdfTextArchive, PdfTextReader } from '../../services/papers/ports';
import { sanitizeFeedHtml } from '../feeds/sanitizeFeedHtml';

/** What the club's view of the library works with. */
export interface LibraryClubPapersDependencies {
  store: LibraryStore;
  pdfFiles: PdfFiles;
  /** For PDFs arriving in bundles: their text is read so they can be searched and highlighted. */
  pdfTextReader: PdfTextReader;
  pdfTexts: PdfTextArchive;
  now: () => Date;
}

/**
 * The library as the journal club uses it: a session's papers are library items, and a bundle's
 * papers this machine lacks become items of "My papers" (as citation imports do), with the
 * bundle's content sanitised again here, since a bundle is input from outside.
 */
export class LibraryClubPapers implements ClubPapers {
  constructor(private readonly dependencies: LibraryClubPapersDependencies) {}

  async paper(itemId: string): Promise<LibraryPaper | null> {
    const item = await this.dependencies.store.getItem(itemId);
    if (!item) return null;
    const doi = item.paperIds?.doi ?? null;
    const year = item.publishedAt ? Number(item.publishedAt.slice(0, 4)) : null;
    return {
      itemId: item.id,
      doi,
      title: item.title,
      authors: item.authors ?? (item.author ? [item.author] : []),
      journal: item.journal ?? null,
      year: year !== null && Number.isInteger(year) ? year : null,
      // The stored text, not the list's short excerpt: a design's cue may be deep in the abstract.
      abstract: plainTextOf(item.contentHtml) || item.excerpt || null,
      content: item.contentHtml ? { format: 'html', body: item.contentHtml } : null,
      pdf: item.pdf ? { hash: item.pdf.hash, fileName: item.pdf.fileName } : null,
    };
  }

  async findItem(paper: { paperId: string; doi: string | null }): Promise<string | null> {
    const { store } = this.dependencies;
    if (paper.doi !== null) {
      const found = await store.itemIdForSource(doiAddress(paper.doi));
      if (found !== undefined) return found;
    }
    if (await store.recordOf(paper.paperId)) return paper.paperId;
    // A paper added from a bundle before: "My papers" keeps it under an id made from its paper id.
    const local = localItemId(`club:${paper.paperId}`);
    return (await store.recordOf(local)) ? local : null;
  }

  async readPdf(hash: string): Promise<Uint8Array | null> {
    return this.dependencies.pdfFiles.read(hash).catch(() => null);
  }

  async addFromBundle(papers: readonly BundlePaper[], origin: string): Promise<number> {
    const { store } = this.dependencies;
    const fresh: StoredItem[] = [];
    for (const paper of papers) {
      if ((await this.findItem(paper)) !== null) continue;
      const item = this.itemOf(paper, origin);
      if (paper.pdf) {
        const pdf = await this.storePdf(paper.pdf);
        if (pdf) item.pdf = pdf;
      }
      fresh.push(item);
    }
    if (fresh.length === 0) return 0;
    if (!store.getFeed(MY_PAPERS_FEED_ID)) {
      await store.saveFeed(myPapersFeedRecord(this.dependencies.now().toISOString()));
    }
    return store.putItems(fresh);
  }

  private itemOf(paper: BundlePaper, origin: string): StoredItem {
    const doi = paper.doi === null ? null : normalizeDoi(paper.doi);
    const item = itemOfPaper(
      {
        sourceKey: null,
        title: paper.title || 'Untitled paper',
        authors: paper.authors,
        journal: paper.journal,
        publishedAt: paper.year === null ? null : String(paper.year),
        paperIds: { ...NO_PAPER_IDS, doi },
        abstract: null,
        url: null,
        keywords: [],
      },
      { source: origin, at: this.dependencies.now() },
    );
    // Without a DOI the paper keeps the session's paper id, so the session finds it again.
    const guid = doi === null ? `club:${paper.paperId}` : item.guid;
    const body =
      paper.content === null
        ? item.contentHtml
        : paper.content.format === 'html'
          ? sanitizeFeedHtml(paper.content.body, doi === null ? null : doiAddress(doi))
          : paper.content.body
              .split(/\n+/)
              .filter((line) => line.trim() !== '')
              .map((line) => `<p>${escapeHtml(line)}</p>`)
              .join('');
    return { ...item, guid, id: localItemId(guid), contentHtml: body };
  }

  private async storePdf(pdf: { fileName: string; bytes: Uint8Array }): Promise<ItemPdf | null> {
    const { pdfTextReader, pdfFiles, pdfTexts } = this.dependencies;
    const read = await pdfTextReader.extract(pdf.bytes);
    // A PDF that cannot be read is left out; the paper still arrives with its text.
    if (!read.ok) return null;
    try {
      const stored = await pdfFiles.add(pdf.bytes);
      await pdfTexts.write(stored.hash, read.text);
      return { hash: stored.hash, fileName: pdf.fileName, pageCount: read.text.pageCount };
    } catch {
      return null;
    }
  }
}

/** The words of sanitised HTML, for reading cues in; entities for markup characters decoded. */
function plainTextOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100_000);
}
