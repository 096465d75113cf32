import { NO_PAPER_IDS } from '@shared/domain/feeds/paperIdentity';
import { bootstrapDiscussion } from '@shared/domain/club/session/discussionBootstrap';
import { checkDiscussionOnlyUpdate } from '@shared/domain/club/session/discussionOnlyUpdate';
import { myPapersFeedRecord } from '@shared/domain/papers/myPapers';
import { LibraryClubPapers } from '../../../adapters/club/LibraryClubPapers';
import { LowdbClubStore } from '../../../adapters/club/LowdbClubStore';
import { YjsSessionFiles } from '../../../adapters/club/YjsSessionFiles';
import { LowdbAnnotationStore } from '../../../adapters/storage/LowdbAnnotationStore';
import { LowdbLibraryStore } from '../../../adapters/storage/LowdbLibraryStore';
import { itemOfPaper } from '../../papers/paperItems';
import { ClubMainService } from '../ClubMainService';
import type { SyncConnector } from '../ports';

/** One member's computer in a test: a data folder with its library and the club service. */
export interface ClubMachine {
  dataDir: string;
  service: ClubMainService;
  library: LowdbLibraryStore;
  annotations: LowdbAnnotationStore;
  /** Session files written since the machine opened, by session id. */
  sessionWrites: string[];
  /** Runs the saves scheduled for changes that came from the sync server. */
  runScheduled(): void;
  close(): Promise<void>;
}

export const CLOCK = { now: () => new Date('2026-12-02T10:00:00.000Z') };

/** Opens (or reopens) a machine over `dataDir`; ids are `<prefix>-1`, `<prefix>-2`… */
export async function openClubMachine(
  dataDir: string,
  options: { idPrefix: string; sync?: SyncConnector | null },
): Promise<ClubMachine> {
  const library = await LowdbLibraryStore.open(dataDir);
  const annotations = (await LowdbAnnotationStore.open(dataDir)).store;
  const opened = await LowdbClubStore.open(dataDir, { now: CLOCK.now });
  await library.addNotices(opened.notices);
  const files = await YjsSessionFiles.open(dataDir, { now: CLOCK.now });
  const sessionWrites: string[] = [];
  const scheduled: (() => void)[] = [];
  let ids = 0;
  const service = new ClubMainService({
    store: opened.store,
    sessionFiles: {
      read: (sessionId) => files.read(sessionId),
      write: async (sessionId, update) => {
        sessionWrites.push(sessionId);
        await files.write(sessionId, update);
      },
    },
    notices: { add: (notices) => library.addNotices(notices) },
    papers: new LibraryClubPapers({
      store: library,
      pdfFiles: {
        add: () => Promise.reject(new Error('no PDFs in these tests')),
        read: () => Promise.reject(new Error('no PDFs in these tests')),
      },
      pdfTextReader: {
        extract: () => Promise.resolve({ ok: false, code: 'not-a-pdf', message: 'not a PDF' }),
      },
      pdfTexts: { write: () => Promise.resolve(), read: () => Promise.resolve(null) },
      now: CLOCK.now,
    }),
    annotations,
    sync: options.sync ?? null,
    scheduleSoon: (run) => scheduled.push(run),
    discussion: { bootstrap: bootstrapDiscussion, checkUpdate: checkDiscussionOnlyUpdate },
    clock: CLOCK,
    newId: () => `${options.idPrefix}-${++ids}`,
    defaultTimeZone: 'Europe/London',
  });
  await service.start();
  return {
    dataDir,
    service,
    library,
    annotations,
    sessionWrites,
    runScheduled: () => {
      for (const run of scheduled.splice(0)) run();
    },
    close: async () => {
      await service.close();
      await opened.store.close();
      await annotations.close();
      await library.close();
    },
  };
}

/** Adds a paper to the machine's "My papers" and returns its item id. */
export async function addPaper(
  machine: ClubMachine,
  paper: { title: string; doi: string | null; abstract?: string; authors?: string[] },
): Promise<string> {
  const item = itemOfPaper(
    {
      sourceKey: null,
      title: paper.title,
      authors: paper.authors ?? ['Heerspink HJL', 'Stefánsson BV'],
      journal: 'N Engl J Med',
      publishedAt: '2020-10-08',
      paperIds: { ...NO_PAPER_IDS, doi: paper.doi },
      abstract: paper.abstract ?? null,
      url: null,
      keywords: [],
    },
    { source: 'a test', at: CLOCK.now() },
  );
  if (!machine.library.getFeed(item.feedId)) {
    await machine.library.saveFeed(myPapersFeedRecord(CLOCK.now().toISOString()));
  }
  await machine.library.putItems([item]);
  return item.id;
}
