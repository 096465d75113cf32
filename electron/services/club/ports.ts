import type * as Y from 'yjs';
import type { Club, ClubProfile, StorageNotice } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import type { CpdEntry } from '@shared/domain/club/cpd/cpdEntry';
import type { BundlePaper } from '@shared/domain/club/session/roundsBundle';

// The ports of ClubMainService. The adapters in electron/adapters/club (and the library's own
// stores) fit them structurally: services never import adapters.

export interface Clock {
  now(): Date;
}

/** A club as this machine keeps it: the contract's Club without the live sync status. */
export interface StoredClub extends Omit<Club, 'sync'> {
  /** The sync server's address (never the token, which is kept apart). */
  serverUrl: string | null;
  /** False when the user chose to work offline. */
  online: boolean;
  /** The club's sessions on this machine, in the order they were created or imported. */
  sessionIds: string[];
}

/** The user's profile and clubs: what `clubs.json` holds. */
export interface ClubState {
  profile: ClubProfile | null;
  clubs: StoredClub[];
}

/**
 * The club's own small files. Reads are synchronous from memory; every save resolves once the
 * file is durably on disk. Tokens are kept in a file of their own, never in the state.
 */
export interface ClubStore {
  state(): ClubState;
  saveState(state: ClubState): Promise<void>;
  cpdEntries(): CpdEntry[];
  saveCpdEntries(entries: readonly CpdEntry[]): Promise<void>;
  /** A club's sync server token, or null. */
  token(clubId: string): string | null;
  /** Sets (or with null, forgets) a club's token. */
  saveToken(clubId: string, token: string | null): Promise<void>;
  close(): Promise<void>;
}

/** What a session's file held, and the notice when it could not be read. */
export interface ReadSessionFile {
  /** The document's state as one Yjs update; null when there is no (usable) file. */
  update: Uint8Array | null;
  /** Set when a damaged file was set aside. */
  notice: StorageNotice | null;
}

/** One file per session document (`sessions/<id>.yjs`), written atomically. */
export interface SessionFiles {
  read(sessionId: string): Promise<ReadSessionFile>;
  /** Replaces the session's file; resolves once it is durably on disk. */
  write(sessionId: string, update: Uint8Array): Promise<void>;
}

/** Where damaged files are reported to the user (the library's notices). */
export interface Notices {
  add(notices: readonly StorageNotice[]): Promise<void>;
}

/** A paper of the library, with what a session and a bundle need of it. */
export interface LibraryPaper {
  itemId: string;
  doi: string | null;
  title: string;
  authors: string[];
  journal: string | null;
  year: number | null;
  /** Plain text of the abstract (or the item's excerpt), for suggesting the design. */
  abstract: string | null;
  /** The stored readable text. */
  content: { format: 'html' | 'text'; body: string } | null;
  /** The attached PDF, when there is one. */
  pdf: { hash: string; fileName: string } | null;
}

/** The library as the club sees it: papers to discuss, and papers arriving in bundles. */
export interface ClubPapers {
  /** The paper a library item is, or null when there is no such item. */
  paper(itemId: string): Promise<LibraryPaper | null>;
  /** The library item holding a session's paper: by DOI, then by the paper id as an item id. */
  findItem(paper: { paperId: string; doi: string | null }): Promise<string | null>;
  /** A stored PDF's bytes, or null when it is no longer there. */
  readPdf(hash: string): Promise<Uint8Array | null>;
  /**
   * Adds the bundle's papers this library lacks to "My papers", with their content (and PDFs);
   * resolves with how many were added.
   */
  addFromBundle(papers: readonly BundlePaper[], origin: string): Promise<number>;
}

/** The user's highlights on a library item. */
export interface ClubAnnotations {
  forItem(itemId: string): { annotations: Annotation[] };
}

/** How the club's sync server is reached (see electron/adapters/club/ClubSyncConnector.ts). */
export interface SyncServerAddress {
  url: string;
  token: string;
}
export type SyncStatus = 'connecting' | 'connected' | 'offline';
export interface SessionSyncLink {
  close(): void;
}
export interface SyncConnector {
  /** Keeps `doc` in step with room `sessionId` on the server until close(); reconnects by itself. */
  connect(
    sessionId: string,
    doc: Y.Doc,
    server: SyncServerAddress,
    onStatus: (status: SyncStatus, problem: string | null) => void,
  ): SessionSyncLink;
  checkAddress(url: string): { ok: true; url: string } | { ok: false; message: string };
}

/**
 * Runs work soon, off the current call (persisting changes that came from the sync server, which
 * arrive in bursts). Composition passes `setImmediate`; tests pass one they run by hand.
 */
export type ScheduleSoon = (run: () => void) => void;

/** The discussion's rules, from shared/domain/club/session (helper modules). */
export interface DiscussionRules {
  /** Writes the empty Lexical document into a new session's discussion, once. */
  bootstrap(doc: Y.Doc): void;
  /** Whether a window's update changes nothing but the discussion. */
  checkUpdate(doc: Y.Doc, update: Uint8Array): { ok: true } | { ok: false; message: string };
}
