import { join } from 'node:path';
import { z } from 'zod';
import {
  CLUB_ROLES,
  DISCLOSURES,
  type ClubMember,
  type ClubProfile,
  type StorageNotice,
} from '@shared/contract';
import { readCpdLog, type CpdEntry } from '@shared/domain/club/cpd/cpdEntry';
import type { Repaired } from '@shared/domain/library/libraryDocuments';
import type { ClubState, ClubStore, StoredClub } from '../../services/club/ports';
import type { LibraryDocument } from '../storage/LibraryDocument';
import { libraryDocumentFactory } from '../storage/libraryDocumentFactory';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { writeFileDurably } from '../storage/writeFileDurably';

export const CLUB_SCHEMA_VERSION = 1;
const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;

interface ClubsDocument {
  schemaVersion: number;
  profile: ClubProfile | null;
  clubs: StoredClub[];
}

interface CpdDocument {
  schemaVersion: number;
  entries: CpdEntry[];
  /** Entries that failed their schema when read, kept as they were so nothing is lost. */
  setAside: unknown[];
}

interface TokensDocument {
  schemaVersion: number;
  tokens: Record<string, string>;
}

const text = (max: number) => z.string().max(max);
const profileSchema = z.object({
  memberId: z.string().min(1).max(128),
  name: text(200),
  profession: text(200),
  cpdBody: text(200),
  timeZone: text(64).min(1),
});
const memberSchema = z.object({
  memberId: z.string().min(1).max(128),
  name: text(200).min(1),
  profession: text(200),
  role: z.enum(CLUB_ROLES),
  handle: text(200).nullable(),
});
const clubSchema = z.object({
  clubId: z.string().min(1).max(128),
  name: text(200).min(1),
  hashtag: text(100),
  timeZone: text(64).min(1),
  defaultDisclosure: z.enum(DISCLOSURES),
  members: z.array(z.unknown()),
  serverUrl: text(500).nullable(),
  online: z.boolean(),
  sessionIds: z.array(z.string().min(1).max(128)),
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Repairs `clubs.json`: a damaged club or member is left out, the rest is kept. */
export function repairClubsDocument(raw: unknown): Repaired<ClubsDocument> {
  const empty: ClubsDocument = { schemaVersion: CLUB_SCHEMA_VERSION, profile: null, clubs: [] };
  if (!isObject(raw) || !Array.isArray(raw.clubs)) {
    return { document: empty, dropped: 0, recognized: false };
  }
  let dropped = 0;
  const profile = raw.profile === null ? null : profileSchema.safeParse(raw.profile);
  if (profile && !profile.success) dropped += 1;
  const clubs: StoredClub[] = [];
  const seen = new Set<string>();
  for (const value of raw.clubs) {
    const club = clubSchema.safeParse(value);
    if (!club.success || seen.has(club.data.clubId)) {
      dropped += 1;
      continue;
    }
    seen.add(club.data.clubId);
    const members: ClubMember[] = [];
    for (const member of club.data.members) {
      const parsed = memberSchema.safeParse(member);
      if (parsed.success) members.push(parsed.data);
      else dropped += 1;
    }
    clubs.push({ ...club.data, members, sessionIds: [...new Set(club.data.sessionIds)] });
  }
  return {
    document: {
      schemaVersion: CLUB_SCHEMA_VERSION,
      profile: profile?.success ? profile.data : null,
      clubs,
    },
    dropped,
    recognized: true,
  };
}

/** Repairs `cpd.json`: entries that fail the CPD schema are set aside, never dropped. */
export function repairCpdDocument(raw: unknown): Repaired<CpdDocument> {
  if (!isObject(raw) || !Array.isArray(raw.entries)) {
    return {
      document: { schemaVersion: CLUB_SCHEMA_VERSION, entries: [], setAside: [] },
      dropped: 0,
      recognized: false,
    };
  }
  const stored: unknown[] = raw.entries;
  const log = readCpdLog(stored);
  const rejected = log.rejected.map(({ index }) => stored[index]);
  const earlier = Array.isArray(raw.setAside) ? raw.setAside : [];
  return {
    document: {
      schemaVersion: CLUB_SCHEMA_VERSION,
      entries: log.entries,
      setAside: [...earlier, ...rejected],
    },
    // Not counted as dropped: they are kept in `setAside`, and the store reports them itself.
    dropped: 0,
    recognized: true,
  };
}

function repairTokensDocument(raw: unknown): Repaired<TokensDocument> {
  if (!isObject(raw) || !isObject(raw.tokens)) {
    return {
      document: { schemaVersion: CLUB_SCHEMA_VERSION, tokens: {} },
      dropped: 0,
      recognized: false,
    };
  }
  const tokens: Record<string, string> = {};
  for (const [clubId, token] of Object.entries(raw.tokens)) {
    if (typeof token === 'string' && token.length >= 16) tokens[clubId] = token;
  }
  return { document: { schemaVersion: CLUB_SCHEMA_VERSION, tokens }, dropped: 0, recognized: true };
}

/**
 * The journal club's own files in `<dataDir>/club/`, written atomically with a last good copy in
 * `club/backups/` like the library's documents:
 *
 * - `clubs.json`: the user's profile and clubs (roster, sync server address, session ids);
 * - `cpd.json`: the user's CPD entries; entries that fail their schema are kept in `setAside`
 *   and reported once, so a hand-edited log loses nothing;
 * - `sync-tokens.json`: the clubs' sync server tokens, apart so that nothing that reads the
 *   clubs (a view, a bundle) can carry one; owner-only like every file of the data folder, and
 *   without a backup copy.
 */
export class LowdbClubStore implements ClubStore {
  private current: ClubsDocument = {
    schemaVersion: CLUB_SCHEMA_VERSION,
    profile: null,
    clubs: [],
  };
  private cpd: CpdDocument = { schemaVersion: CLUB_SCHEMA_VERSION, entries: [], setAside: [] };
  private tokensByClub: Record<string, string> = {};
  private readonly clubsDocument: LibraryDocument<ClubsDocument>;
  private readonly cpdDocument: LibraryDocument<CpdDocument>;
  private readonly tokensDocument: LibraryDocument<TokensDocument>;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly clubDir: string,
    private readonly now: () => Date,
  ) {
    const createDocument = libraryDocumentFactory({
      libraryDir: clubDir,
      backupIntervalMs: DEFAULT_BACKUP_INTERVAL_MS,
      now,
    });
    this.clubsDocument = createDocument<ClubsDocument>({
      relativePath: 'clubs.json',
      subject: 'your journal clubs and profile',
      remedy: 'Sessions are kept in their own files; import a bundle to bring a club back.',
      backup: 'last-good',
      repair: repairClubsDocument,
      empty: () => ({ schemaVersion: CLUB_SCHEMA_VERSION, profile: null, clubs: [] }),
      serialize: () => this.current,
      indent: 2,
    });
    this.cpdDocument = createDocument<CpdDocument>({
      relativePath: 'cpd.json',
      subject: 'your CPD log',
      remedy: '',
      backup: 'last-good',
      repair: repairCpdDocument,
      empty: () => ({ schemaVersion: CLUB_SCHEMA_VERSION, entries: [], setAside: [] }),
      serialize: () => this.cpd,
      indent: 2,
    });
    this.tokensDocument = createDocument<TokensDocument>({
      relativePath: 'sync-tokens.json',
      subject: 'your clubs’ sync server tokens',
      remedy: 'Enter the token again under “Sync server…”.',
      backup: 'none',
      repair: repairTokensDocument,
      empty: () => ({ schemaVersion: CLUB_SCHEMA_VERSION, tokens: {} }),
      serialize: () => ({ schemaVersion: CLUB_SCHEMA_VERSION, tokens: this.tokensByClub }),
    });
  }

  /** Opens the files in `<dataDir>/club/`; the notices say what had to be recovered. */
  static async open(
    dataDir: string,
    options: { now?: () => Date } = {},
  ): Promise<{ store: LowdbClubStore; notices: StorageNotice[] }> {
    const clubDir = join(dataDir, 'club');
    for (const folder of ['', 'backups']) await createOwnerOnlyFolder(join(clubDir, folder));
    const store = new LowdbClubStore(clubDir, options.now ?? (() => new Date()));
    const [clubs, cpd, tokens] = await Promise.all([
      store.clubsDocument.load(),
      store.cpdDocument.load(),
      store.tokensDocument.load(),
    ]);
    store.current = clubs.document;
    store.cpd = cpd.document;
    store.tokensByClub = tokens.document.tokens;
    const notices = [clubs.notice, cpd.notice, tokens.notice].filter((notice) => notice !== null);
    const setAside = await store.setAsideDamagedCpdEntries();
    if (setAside) notices.push(setAside);
    return { store, notices };
  }

  state(): ClubState {
    return structuredClone({ profile: this.current.profile, clubs: this.current.clubs });
  }

  async saveState(state: ClubState): Promise<void> {
    this.assertOpen();
    this.current = { schemaVersion: CLUB_SCHEMA_VERSION, ...structuredClone(state) };
    await this.clubsDocument.write();
  }

  cpdEntries(): CpdEntry[] {
    return structuredClone(this.cpd.entries);
  }

  async saveCpdEntries(entries: readonly CpdEntry[]): Promise<void> {
    this.assertOpen();
    this.cpd = { ...this.cpd, entries: structuredClone([...entries]) };
    await this.cpdDocument.write();
  }

  token(clubId: string): string | null {
    return this.tokensByClub[clubId] ?? null;
  }

  async saveToken(clubId: string, token: string | null): Promise<void> {
    this.assertOpen();
    const tokens = { ...this.tokensByClub };
    if (token === null) delete tokens[clubId];
    else tokens[clubId] = token;
    this.tokensByClub = tokens;
    await this.tokensDocument.write();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const documents = [this.clubsDocument, this.cpdDocument, this.tokensDocument] as const;
      await Promise.allSettled(documents.map((document) => document.settled()));
      await Promise.all(documents.map((document) => document.finish()));
    })();
    return this.closing;
  }

  /**
   * Moves entries that failed their schema into a file of their own, so the log shows the whole
   * entries and the user is told once where the others are.
   */
  private async setAsideDamagedCpdEntries(): Promise<StorageNotice | null> {
    if (this.cpd.setAside.length === 0) return null;
    const at = this.now();
    const stamp = at
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replaceAll(':', '-');
    const keptAt = join(this.clubDir, `cpd-damaged-${stamp}.json`);
    await writeFileDurably(keptAt, JSON.stringify(this.cpd.setAside, null, 2));
    const count = this.cpd.setAside.length;
    this.cpd = { ...this.cpd, setAside: [] };
    await this.cpdDocument.write();
    return {
      id: `club-cpd-${stamp}`,
      kind: 'reset-to-empty',
      message: `Rounds left out ${count === 1 ? '1 damaged entry' : `${count} damaged entries`} of your CPD log (club/cpd.json); ${count === 1 ? 'it is' : 'they are'} kept unchanged in ${keptAt}.`,
      keptAt,
      at: at.toISOString(),
    };
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('Rounds is closing; the journal club could not be saved.');
  }
}
