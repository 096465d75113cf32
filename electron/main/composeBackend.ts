import type { AppInfo, Backend } from '@shared/contract';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MAX_PDF_BYTES } from '@shared/contract';
import { CrossrefClient } from '../adapters/citations/CrossrefClient';
import { ClubSyncConnector } from '../adapters/club/ClubSyncConnector';
import { LibraryClubPapers } from '../adapters/club/LibraryClubPapers';
import { LowdbClubStore } from '../adapters/club/LowdbClubStore';
import { YjsSessionFiles } from '../adapters/club/YjsSessionFiles';
import { bootstrapDiscussion } from '@shared/domain/club/session/discussionBootstrap';
import { checkDiscussionOnlyUpdate } from '@shared/domain/club/session/discussionOnlyUpdate';
import { ClubMainService } from '../services/club/ClubMainService';
import { PdfTextFiles } from '../adapters/papers/PdfTextFiles';
import { PendingDoiLookupsFile } from '../adapters/papers/PendingDoiLookupsFile';
import { ThreadedCitationFileReader } from '../adapters/papers/ThreadedCitationFileReader';
import { PdfTextExtractor } from '../adapters/pdf/extractPdfText';
import { PdfFileStore } from '../adapters/pdf/PdfFileStore';
import { PapersMainService } from '../services/papers/PapersMainService';
import type { StoredPdfSource } from './protocol/storedPdfFiles';
import { HttpImageDownloader } from '../adapters/images/HttpImageDownloader';
import { DEFAULT_MAX_IMAGE_BYTES, ImageFileStore } from '../adapters/images/ImageFileStore';
import { LowdbItemImageMaps } from '../adapters/images/LowdbItemImageMaps';
import { ImagesMainService } from '../services/images/ImagesMainService';
import type { StoredImageSource } from './protocol/storedImageFiles';

import type { PrivateFeedsSetting } from '../adapters/feeds/FeedAddressPolicy';
import { HttpFeedFetcher } from '../adapters/feeds/HttpFeedFetcher';
import { WorkerSearchIndex } from '../adapters/search/WorkerSearchIndex';
import { WorkerFeedParser } from '../adapters/feeds/WorkerFeedParser';
import { DataFolderLock } from '../adapters/storage/DataFolderLock';
import { LowdbAnnotationStore } from '../adapters/storage/LowdbAnnotationStore';
import { FolderFeedPublisher } from '../adapters/share/clubFeed/FolderFeedPublisher';
import { OwnerOnlyFileCredentialStore } from '../adapters/share/credentials/OwnerOnlyFileCredentialStore';
import {
  SafeStorageCredentialStore,
  type SafeStorageLike,
} from '../adapters/share/credentials/SafeStorageCredentialStore';
import { CrossrefRetractionChecker } from '../adapters/share/evidence/CrossrefRetractionChecker';
import { renderHandoutPdf } from '../adapters/share/handout/PdfkitHandoutWriter';
import { LibraryDraftIngredients } from '../adapters/share/LibraryDraftIngredients';
import { BlueskyPoster } from '../adapters/share/posting/BlueskyPoster';
import { MastodonPoster } from '../adapters/share/posting/MastodonPoster';
import { DEFAULT_CROSSREF_BASE_URL, ShareDraftFiles } from '../adapters/share/ShareDraftFiles';
import { SatoriCardRenderer } from '../adapters/share/visualAbstract/SatoriCardRenderer';
import { GuardMainService } from '../services/guard/GuardMainService';
import type { RetractionChecker } from '../services/share/ports';
import { ShareMainService } from '../services/share/ShareMainService';
import { LowdbLibraryStore } from '../adapters/storage/LowdbLibraryStore';
import { LowdbRetentionFiles } from '../adapters/storage/LowdbRetentionFiles';
import { OpmlFileCatalogue } from '../adapters/catalogue/OpmlFileCatalogue';
import { Xml2jsOpmlReader } from '../adapters/opml/Xml2jsOpmlReader';
import { annotationTextOf } from '../services/annotations/annotationTextOf';
import { AnnotationsMainService } from '../services/annotations/AnnotationsMainService';
import { AppMainService } from '../services/app/AppMainService';
import { FeedMainService } from '../services/feeds/FeedMainService';
import { RefreshScheduler } from '../services/feeds/RefreshScheduler';
import { LibraryMainService } from '../services/library/LibraryMainService';
import { SearchIndexFeeder } from '../services/library/SearchIndexFeeder';
import { ExpiredItemKeys } from '../services/retention/ExpiredItemKeys';
import { RetentionMainService } from '../services/retention/RetentionMainService';
import { RetentionScheduler } from '../services/retention/RetentionScheduler';
import { RulesMainService } from '../services/rules/RulesMainService';
import { SourcesMainService } from '../services/sources/SourcesMainService';

/** What both composition roots (Electron main and the host) need to build the backend. */
export interface BackendOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
  version: string;
  /**
   * Which private addresses (loopback, LAN) feeds may come from: 'when-typed' for the desktop
   * app and a loopback host, 'refused' for a host serving other computers unless its operator
   * allowed them ('allowed'). Link-local and metadata addresses are refused under all three.
   */
  privateFeeds: PrivateFeedsSetting;
  /**
   * Electron's safeStorage, which keeps the posting accounts' secrets encrypted with a key the OS
   * keychain holds. The host has none: it keeps them in an owner-only file and says so.
   */
  secretKeeper?: SafeStorageLike;
}

/** A running backend and the one way to stop it cleanly. */
export interface ComposedBackend {
  backend: Backend;
  /**
   * The library's PDFs by hash, for the transports to serve at `/files/pdf/<hash>` (the host's
   * HTTP server, Electron's app:// handler): the bytes are not a contract method, since JSON
   * would carry them as base64 and the viewer wants them as a file of its own origin.
   */
  storedPdfs: StoredPdfSource;
  /** The papers' saved images by hash, served at `/files/images/<hash>` the same way. */
  storedImages: StoredImageSource;
  /** Flushes pending writes and releases the data folder. */
  close(): Promise<void>;
}

/**
 * Builds adapters and services over one data folder. Electron's main process and the host call
 * this same function, so both run identical services. Deliberately free of any `electron` import.
 * Rejects with DataFolderInUseError when another process owns the folder.
 */
export async function composeBackend(options: BackendOptions): Promise<ComposedBackend> {
  const lock = await DataFolderLock.acquire(options.dataDir);
  // The search index lives in its own worker and file (<dataDir>/search/). Starting its worker
  // and compiling SQLite take a few hundred milliseconds, so it starts opening first, beside the
  // library's own opening, and is ready by the time the window can search.
  const searchIndex = WorkerSearchIndex.inDataFolder(options.dataDir);
  searchIndex.open().catch((error: unknown) => {
    console.error('[rounds] the search index could not be opened', error);
  });
  // What is open so far, closed newest first (the lock last) when a later step fails.
  const openSoFar: (() => Promise<void>)[] = [() => lock.release(), () => searchIndex.close()];
  const openStep = async <T>(open: () => Promise<T>, close: (value: T) => Promise<void>) => {
    try {
      const value = await open();
      openSoFar.push(() => close(value));
      return value;
    } catch (error) {
      for (const closeOne of openSoFar.reverse()) await closeOne();
      throw error;
    }
  };
  const store = await openStep(
    () =>
      LowdbLibraryStore.open(options.dataDir, {
        // A library written by an earlier version is updated once, before the window can ask.
        onMigrationProgress: ({ done, of }) => {
          console.log(`[rounds] Updating your library… ${Math.round((100 * done) / of)}%`);
        },
      }),
    (opened) => opened.close(),
  );
  // The retention policy and what it removed: a damaged policy file turns retention off.
  const retentionFiles = await openStep(
    async () => {
      const opened = await LowdbRetentionFiles.open(options.dataDir);
      await store.addNotices(opened.notices);
      return opened.files;
    },
    (files) => files.close(),
  );
  const annotations = await openStep(
    async () => {
      const opened = await LowdbAnnotationStore.open(options.dataDir);
      await store.addNotices(opened.notices);
      return opened.store;
    },
    (opened) => opened.close(),
  );
  // Which saved image each paper's HTML names (the images themselves are files by hash).
  const imageMaps = await openStep(
    async () => {
      const opened = await LowdbItemImageMaps.open(join(options.dataDir, 'library'));
      await store.addNotices(opened.notices);
      return opened.maps;
    },
    (maps) => maps.close(),
  );
  // The journal club's profile, clubs, sync tokens and CPD log (<dataDir>/club/).
  const clubStore = await openStep(
    async () => {
      const opened = await LowdbClubStore.open(options.dataDir);
      await store.addNotices(opened.notices);
      return opened.store;
    },
    (opened) => opened.close(),
  );
  const sessionFiles = await YjsSessionFiles.open(options.dataDir);
  const clock = { now: () => new Date() };
  // Papers brought in from elsewhere: PDFs kept once by content hash, their text for search.
  const libraryDir = join(options.dataDir, 'library');
  const pdfTexts = new PdfTextFiles(libraryDir);
  const pdfFiles = new PdfFileStore(libraryDir, { maxBytes: MAX_PDF_BYTES });
  await pdfFiles.removeLeftovers();
  const imageFiles = new ImageFileStore(libraryDir, { maxBytes: DEFAULT_MAX_IMAGE_BYTES });
  await imageFiles.removeLeftovers();
  const pdfTextReader = new PdfTextExtractor();
  const citationReader = new ThreadedCitationFileReader();
  const fetcher = new HttpFeedFetcher({
    userAgent: `Rounds/${options.version} (desktop journal club)`,
    privateFeeds: options.privateFeeds,
  });
  // Parsing runs in worker threads: a huge or hostile feed must not stall the app's thread.
  const parser = new WorkerFeedParser();
  // Papers' images, fetched by the feeds' own fetcher with an image's size limit.
  const images = new ImagesMainService({
    store,
    files: imageFiles,
    maps: imageMaps,
    downloader: new HttpImageDownloader({
      userAgent: `Rounds/${options.version} (desktop journal club)`,
      privateFeeds: options.privateFeeds,
      maxBytes: DEFAULT_MAX_IMAGE_BYTES,
    }),
    clock,
  });
  // Items the retention policy removed are not stored again by a refresh.
  const expiredItems = new ExpiredItemKeys(retentionFiles);
  const feeds = new FeedMainService({ store, fetcher, parser, clock, images, expiredItems });
  const scheduler = new RefreshScheduler({ refresher: feeds });
  // Old read items expire by the user's policy (off unless chosen): after load, then daily.
  const retention = new RetentionMainService({
    library: store,
    annotations,
    files: retentionFiles,
    expiredItems,
    clock,
  });
  const retentionScheduler = new RetentionScheduler({
    retention,
    libraryLoaded: () => store.whenLoaded(),
  });
  const search = new SearchIndexFeeder(
    { store, index: searchIndex, pdfTexts },
    {
      scheduleOpen: (open) => setImmediate(open),
      annotationText: (itemId) => annotationTextOf(annotations.forItem(itemId)),
    },
  );
  const papers = new PapersMainService({
    store,
    clock,
    pdfFiles,
    pdfTextReader,
    pdfTexts,
    citationFiles: citationReader,
    doiLookUp: new CrossrefClient({
      userAgent: `Rounds/${options.version} (desktop journal club)`,
    }),
    pendingLookups: new PendingDoiLookupsFile(libraryDir),
  });
  // Journal club sessions: Yjs documents, merged by bundle or live through the club's server.
  const club = new ClubMainService({
    store: clubStore,
    sessionFiles,
    notices: { add: (notices) => store.addNotices(notices) },
    papers: new LibraryClubPapers({
      store,
      pdfFiles,
      pdfTextReader,
      pdfTexts,
      now: () => clock.now(),
    }),
    annotations,
    sync: new ClubSyncConnector(),
    // Changes arriving from the sync server come in bursts: saved together, off the socket's turn.
    scheduleSoon: (run) => setImmediate(run),
    discussion: { bootstrap: bootstrapDiscussion, checkUpdate: checkDiscussionOnlyUpdate },
    clock,
  });
  await club.start().catch((error: unknown) => {
    console.error('[rounds] the journal club sessions could not be connected', error);
  });
  // Summaries: drafts and settings in <dataDir>/share/, account secrets apart from them.
  const shareFiles = await openStep(
    async () => {
      const opened = await ShareDraftFiles.open(options.dataDir);
      await store.addNotices(opened.notices);
      return opened.store;
    },
    (opened) => opened.close(),
  );
  const credentialsFile = join(options.dataDir, 'share', 'accounts');
  const retractionCheckers = new Map<string, RetractionChecker>();
  const share = new ShareMainService({
    store: shareFiles,
    ingredients: new LibraryDraftIngredients({ library: store, annotations, club }),
    cards: new SatoriCardRenderer(),
    handoutPdf: { render: (content) => renderHandoutPdf(content) },
    posters: { bluesky: new BlueskyPoster(), mastodon: new MastodonPoster() },
    credentials: options.secretKeeper
      ? new SafeStorageCredentialStore(options.secretKeeper, `${credentialsFile}.bin`)
      : new OwnerOnlyFileCredentialStore(`${credentialsFile}.json`),
    // One checker per address, each with its own cache file, so a test server's answers never
    // stand in for Crossref's.
    retractions: (baseUrl) => {
      let checker = retractionCheckers.get(baseUrl);
      if (!checker) {
        const cacheName =
          baseUrl === DEFAULT_CROSSREF_BASE_URL
            ? 'crossref'
            : `crossref-${createHash('sha256').update(baseUrl).digest('hex').slice(0, 12)}`;
        checker = new CrossrefRetractionChecker({
          baseUrl,
          cacheFile: join(options.dataDir, 'share', `${cacheName}-notices.json`),
          clock,
          userAgent: `Rounds/${options.version} (desktop journal club)`,
        });
        retractionCheckers.set(baseUrl, checker);
      }
      return checker;
    },
    feed: new FolderFeedPublisher(),
    clock,
  });
  // DOIs added offline are looked up at start and after every refresh run (the network is back).
  const lookUpPending = () =>
    void papers.lookUpPending().catch((error: unknown) => {
      console.error('[rounds] looking up pending DOIs failed', error);
    });
  feeds.onDidRefresh(({ done, total }) => {
    if (done === total) lookUpPending();
  });
  setImmediate(lookUpPending);
  const backend: Backend = {
    annotations: new AnnotationsMainService({
      annotations,
      library: store,
      clock,
      changes: search,
    }),
    club,
    guard: new GuardMainService(),
    share,
    app: new AppMainService({
      store,
      info: { version: options.version, runtime: options.runtime, dataDir: options.dataDir },
    }),
    feeds,
    library: new LibraryMainService({
      store,
      search,
      displayedContent: images.contentForDisplay,
    }),
    images,
    papers,
    retention,
    rules: new RulesMainService({ store, clock }),
    sources: new SourcesMainService({
      store,
      reader: new Xml2jsOpmlReader(),
      catalogue: OpmlFileCatalogue.bundled(),
      clock,
      // Imported feeds are fetched in the background, as one refresh run whose progress the
      // window shows ("3 of 20"): the import answers before they are fetched.
      refreshFeeds: (feedIds) => {
        feeds.refreshFeeds(feedIds).catch((error: unknown) => {
          console.error('[rounds] the first refresh of imported feeds failed', error);
        });
      },
    }),
  };
  scheduler.start();
  retentionScheduler.start();
  let closing: Promise<void> | undefined;
  return {
    backend,
    storedImages: {
      read: (hash) =>
        imageFiles.read(hash).catch((error: unknown) => {
          console.error(`[rounds] the saved image ${hash} could not be read`, error);
          return null;
        }),
    },
    storedPdfs: {
      read: async (hash) => {
        const found = await papers.pdfBytes({ hash });
        return found.ok ? found.value : null;
      },
    },
    close: () => {
      closing ??= (async () => {
        feeds.dispose();
        retention.dispose();
        images.dispose();
        await scheduler.stop();
        await retentionScheduler.stop();
        await retention.settled();
        await parser.close();
        await pdfTextReader.close();
        await citationReader.close();
        await search.close();
        await searchIndex.close();
        await images.idle();
        await imageMaps.close();
        await shareFiles.close();
        await club.close();
        await clubStore.close();
        await annotations.close();
        await retentionFiles.close();
        await store.close();
        await lock.release();
      })();
      return closing;
    },
  };
}
