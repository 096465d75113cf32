import type { ShareSettings, StorageNotice, SummaryDraft } from '@shared/contract';
import type { DraftIngredients } from '@shared/domain/share/composeDraft';
import type {
  EditorialNotice,
  RetractionCheck,
} from '@shared/domain/share/evidence/retractionStatus';
import type {
  PostingCredentialsByPlatform,
  PostingPlatform,
  ThreadPostRequest,
  ThreadPostResult,
} from '@shared/domain/share/posting/threadPosting';
import type {
  CardSize,
  ClubFeedEntry,
  ClubFeedMeta,
  HandoutContent,
  VisualAbstractCard,
} from '@shared/domain/share/summary';

// The ports of ShareMainService. The adapters in electron/adapters/share fit them structurally:
// services never import adapters.

export interface Clock {
  now(): Date;
}

/** What the share store keeps besides the drafts. */
export interface StoredShareSettings extends ShareSettings {
  /** The club feed's own id (`urn:uuid:…`), made once so readers see one feed across publications. */
  feedId: string;
}

/**
 * The drafts (one small file each, so an autosave rewrites one draft) and the settings. Reads are
 * synchronous from memory; every save resolves once the file is durably on disk.
 */
export interface ShareStore {
  drafts(): SummaryDraft[];
  saveDraft(draft: SummaryDraft): Promise<void>;
  removeDraft(id: string): Promise<void>;
  /** The user's marks on papers (retracted, withdrawn…), by paper key (`doi:<doi>` or `item:<id>`). */
  paperMarks(): Record<string, EditorialNotice>;
  savePaperMarks(marks: Record<string, EditorialNotice>): Promise<void>;
  settings(): StoredShareSettings;
  saveSettings(settings: StoredShareSettings): Promise<void>;
  close(): Promise<void>;
}

/** The makings of a first draft, found in the library and the club's sessions. */
export type FoundIngredients = Omit<DraftIngredients, 'source' | 'disclosure'>;

export interface DraftIngredientSource {
  /** A library paper with the user's own highlights; null when the item is gone. */
  forPaper(itemId: string): Promise<FoundIngredients | null>;
  /** One paper of a session with the club's highlights, appraisal, vote and notes; null when gone. */
  forSession(sessionId: string, paperId: string): Promise<FoundIngredients | null>;
  /** The profile's name, for the feed's author; null when the user has not given one. */
  authorName(): Promise<string | null>;
}

/** Draws the visual abstract. */
export interface CardRenderer {
  render(card: VisualAbstractCard, size: CardSize): Promise<Uint8Array>;
}

/** Writes the handout as a PDF. */
export interface HandoutPdfWriter {
  render(content: HandoutContent): Promise<Uint8Array>;
}

/** Posts a thread to one platform, resuming after the posts an earlier try put out. */
export interface ThreadPoster<P extends PostingPlatform> {
  post(
    credentials: PostingCredentialsByPlatform[P],
    request: ThreadPostRequest,
  ): Promise<ThreadPostResult>;
}

/** Where the accounts' secrets are kept (the OS keychain, or an owner-only file in the host). */
export interface CredentialStore {
  readonly protection: 'os-keychain' | 'owner-only-file';
  get<P extends PostingPlatform>(platform: P): Promise<PostingCredentialsByPlatform[P] | null>;
  set<P extends PostingPlatform>(
    platform: P,
    credentials: PostingCredentialsByPlatform[P],
  ): Promise<{ ok: true } | { ok: false; message: string }>;
  forget(platform: PostingPlatform): Promise<void>;
}

/** Asks Crossref whether a DOI was retracted, withdrawn or corrected; never rejects. */
export interface RetractionChecker {
  check(
    doi: string,
    options?: { online: boolean },
  ): Promise<{
    status: 'checked' | 'cached' | 'not-checked';
    check: RetractionCheck | null;
    message: string | null;
  }>;
}

/** Writes the club feed and its images into a folder. */
export interface FeedPublisher {
  publish(
    folder: string,
    meta: ClubFeedMeta,
    entries: ClubFeedEntry[],
    images: Map<string, Uint8Array>,
  ): Promise<{ feedPath: string; files: string[] }>;
}

/** Where storage problems are reported to the user (the library's notices). */
export interface Notices {
  add(notices: readonly StorageNotice[]): Promise<void>;
}
