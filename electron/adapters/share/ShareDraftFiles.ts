import { randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DRAFT_TEXT_FIELDS, type StorageNotice, type SummaryDraft } from '@shared/contract';
import { PHI_TYPES } from '@shared/domain/guard/findings';
import { DEFAULT_MASTODON_LIMIT } from '@shared/domain/share/platformRules';
import {
  editorialNoticeSchema,
  type EditorialNotice,
} from '@shared/domain/share/evidence/retractionStatus';
import { PREPRINT_SERVERS } from '@shared/domain/share/summary';
import type { Repaired } from '@shared/domain/library/libraryDocuments';
import type { ShareStore, StoredShareSettings } from '../../services/share/ports';
import type { LibraryDocument } from '../storage/LibraryDocument';
import { libraryDocumentFactory } from '../storage/libraryDocumentFactory';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { writeFileDurably } from '../storage/writeFileDurably';

export const SHARE_SCHEMA_VERSION = 1;
const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;
/** Draft ids are UUIDs made here; anything else in the folder is not a draft of ours. */
const DRAFT_FILE = /^([A-Za-z0-9-]{1,128})\.json$/u;
/** Far above any summary (a long handout's notes are a few hundred KB). */
const MAX_DRAFT_FILE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_CROSSREF_BASE_URL = 'https://api.crossref.org';

const text = (max: number) => z.string().max(max);
const paperSchema = z.object({
  itemId: z.string().max(256).nullable(),
  title: text(5_000),
  authors: z.array(text(500)).max(5_000),
  journal: text(1_000).nullable(),
  year: z.number().int().nullable(),
  doi: text(500).nullable(),
  url: text(5_000).nullable(),
  preprint: z.enum(PREPRINT_SERVERS).nullable(),
});
const postedThreadSchema = z
  .object({
    posts: z.array(
      z.object({
        index: z.number().int().min(0),
        id: text(2_000),
        url: text(5_000).nullable(),
        cid: text(500).optional(),
        uri: text(2_000).optional(),
      }),
    ),
    total: z.number().int().min(0),
    complete: z.boolean(),
    text: z.string(),
    at: z.string(),
  })
  .nullable()
  .catch(null);
const fieldSchema = z.union([
  z.enum(DRAFT_TEXT_FIELDS),
  z.templateLiteral([
    'handout.highlights.',
    z.number().int().min(0),
    '.',
    z.enum(['quote', 'comment']),
  ]),
]);

/**
 * A draft as stored. Fields a later version may add get their defaults, so an older file still
 * opens; what cannot be read at all makes the file be set aside whole, never half-read.
 */
const draftSchema = z.object({
  id: z.string().min(1).max(128),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('paper'), itemId: z.string().min(1) }),
    z.object({
      kind: z.literal('session'),
      sessionId: z.string().min(1),
      clubId: z.string().min(1),
      paperId: z.string().min(1),
    }),
  ]),
  sessionTitle: text(1_000).nullable().default(null),
  club: z
    .object({ clubId: z.string(), name: z.string(), hashtag: z.string() })
    .nullable()
    .default(null),
  paper: paperSchema,
  text: z.string(),
  levelOfEvidence: z.string().default(''),
  laySummary: z.string().default(''),
  contentWarning: z.string().default(''),
  card: z.object({
    question: z.string(),
    population: z.string(),
    intervention: z.string(),
    comparison: z.string(),
    mainResult: z.string(),
    bottomLine: z.string(),
    citation: z.string(),
    levelOfEvidence: z.string(),
    club: z.string().nullable(),
    preprintLabel: z.string().nullable(),
  }),
  altText: z.string().default(''),
  handout: z
    .object({
      highlights: z.array(
        z.object({ quote: z.string(), comment: z.string().nullable(), by: z.string().nullable() }),
      ),
      appraisal: z.array(z.object({ label: z.string(), value: z.string() })),
      notes: z.string(),
    })
    .default({ highlights: [], appraisal: [], notes: '' }),
  dismissals: z
    .array(
      z.object({
        field: fieldSchema,
        finding: z.object({
          type: z.enum(PHI_TYPES),
          start: z.number().int(),
          end: z.number().int(),
          text: z.string(),
        }),
        reason: z.enum([
          'not-identifying',
          'public-role',
          'published-author',
          'eponym',
          'consented',
          'other',
        ]),
        note: z.string().optional(),
      }),
    )
    .default([]),
  preprintLabelRemoved: z.boolean().default(false),
  notices: z.array(editorialNoticeSchema).default([]),
  noticesCheckedAt: z.string().nullable().default(null),
  noticesAcknowledged: z.boolean().default(false),
  posted: z
    .object({
      bluesky: postedThreadSchema.default(null),
      mastodon: postedThreadSchema.default(null),
    })
    .default({ bluesky: null, mastodon: null }),
  publishedToFeedAt: z.string().nullable().default(null),
  feedEntry: z
    .object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      paper: paperSchema,
      published: z.string(),
      updated: z.string(),
      author: z.string(),
      image: z
        .object({ fileName: z.string(), bytes: z.number().int().min(0), altText: z.string() })
        .nullable(),
    })
    .nullable()
    .default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const draftFileSchema = z.object({
  schemaVersion: z.literal(SHARE_SCHEMA_VERSION),
  draft: draftSchema,
});

interface SettingsDocument extends StoredShareSettings {
  schemaVersion: number;
}

interface MarksDocument {
  schemaVersion: number;
  marks: Record<string, EditorialNotice>;
}

/** Repairs `share/paper-marks.json`: a mark that cannot be read is left out, the rest kept. */
export function repairPaperMarks(raw: unknown): Repaired<MarksDocument> {
  const document: MarksDocument = { schemaVersion: SHARE_SCHEMA_VERSION, marks: {} };
  const marks =
    typeof raw === 'object' && raw !== null && 'marks' in raw
      ? (raw as { marks: unknown }).marks
      : null;
  if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) {
    return { document, dropped: 0, recognized: false };
  }
  let dropped = 0;
  for (const [key, value] of Object.entries(marks)) {
    const parsed = editorialNoticeSchema.safeParse(value);
    if (parsed.success && /^(?:doi|item):/u.test(key)) document.marks[key] = parsed.data;
    else dropped += 1;
  }
  return { document, dropped, recognized: true };
}

function defaultSettings(): SettingsDocument {
  return {
    schemaVersion: SHARE_SCHEMA_VERSION,
    feedId: `urn:uuid:${randomUUID()}`,
    disclosure: null,
    mastodonInstance: null,
    mastodonLimit: DEFAULT_MASTODON_LIMIT,
    crossrefBaseUrl: DEFAULT_CROSSREF_BASE_URL,
    feed: { folder: null, title: 'Journal club summaries', baseUrl: null },
  };
}

const settingsSchema = z.object({
  feedId: z.string().min(1).max(200),
  disclosure: text(500).nullable().catch(null),
  mastodonInstance: text(300).nullable().catch(null),
  mastodonLimit: z.number().int().min(100).max(100_000).catch(DEFAULT_MASTODON_LIMIT),
  crossrefBaseUrl: text(300).min(1).catch(DEFAULT_CROSSREF_BASE_URL),
  feed: z
    .object({
      folder: text(1_000).nullable(),
      title: text(200).min(1),
      baseUrl: text(500).nullable(),
    })
    .catch({ folder: null, title: 'Journal club summaries', baseUrl: null }),
});

/** Repairs `share/settings.json`: a damaged setting falls back to its default, the rest is kept. */
export function repairShareSettings(raw: unknown): Repaired<SettingsDocument> {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { document: defaultSettings(), dropped: 0, recognized: false };
  return {
    document: { schemaVersion: SHARE_SCHEMA_VERSION, ...parsed.data },
    dropped: 0,
    recognized: true,
  };
}

/** `2026-11-25T22-40-00Z`: sortable, and valid in file names on every platform. */
function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/u, 'Z')
    .replaceAll(':', '-');
}

/**
 * The summaries' files in `<dataDir>/share/`:
 *
 * - `drafts/<id>.json`: one file per draft, written atomically, so an autosave rewrites one small
 *   file whatever the number of drafts. A file that cannot be read is moved to `drafts/damaged/`
 *   and reported once; the other drafts open.
 * - `settings.json`: the disclosure, Mastodon instance and limit, Crossref's address and the club
 *   feed's folder, with a last good copy in `backups/`.
 * - `paper-marks.json`: papers the user marked retracted, withdrawn or corrected, by DOI (or item).
 *
 * Account secrets are not here: they are kept by the credential store.
 */
export class ShareDraftFiles implements ShareStore {
  private readonly byId = new Map<string, SummaryDraft>();
  private current: SettingsDocument = defaultSettings();
  private readonly settingsDocument: LibraryDocument<SettingsDocument>;
  private marks: MarksDocument = { schemaVersion: SHARE_SCHEMA_VERSION, marks: {} };
  private readonly marksDocument: LibraryDocument<MarksDocument>;
  /** Writes per draft, chained so the last save of a draft is the one on disk. */
  private readonly writes = new Map<string, Promise<void>>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly shareDir: string,
    private readonly now: () => Date,
  ) {
    const createDocument = libraryDocumentFactory({
      libraryDir: shareDir,
      backupIntervalMs: DEFAULT_BACKUP_INTERVAL_MS,
      now,
    });
    this.marksDocument = createDocument<MarksDocument>({
      relativePath: 'paper-marks.json',
      subject: 'the papers you marked retracted, withdrawn or corrected',
      remedy: 'Mark those papers again from the reader.',
      backup: 'last-good',
      repair: repairPaperMarks,
      empty: () => ({ schemaVersion: SHARE_SCHEMA_VERSION, marks: {} }),
      serialize: () => this.marks,
      indent: 2,
    });
    this.settingsDocument = createDocument<SettingsDocument>({
      relativePath: 'settings.json',
      subject: 'your sharing settings',
      remedy: 'Set your disclosure and the club feed’s folder again.',
      backup: 'last-good',
      repair: repairShareSettings,
      empty: defaultSettings,
      serialize: () => this.current,
      indent: 2,
    });
  }

  /** Opens `<dataDir>/share/`; the notices say what had to be set aside. */
  static async open(
    dataDir: string,
    options: { now?: () => Date } = {},
  ): Promise<{ store: ShareDraftFiles; notices: StorageNotice[] }> {
    const shareDir = join(dataDir, 'share');
    for (const folder of ['', 'backups', 'drafts'])
      await createOwnerOnlyFolder(join(shareDir, folder));
    const store = new ShareDraftFiles(shareDir, options.now ?? (() => new Date()));
    const [settings, marks] = await Promise.all([
      store.settingsDocument.load(),
      store.marksDocument.load(),
    ]);
    store.current = settings.document;
    store.marks = marks.document;
    const notices = [settings.notice, marks.notice].filter((notice) => notice !== null);
    const setAside = await store.loadDrafts();
    if (setAside) notices.push(setAside);
    return { store, notices };
  }

  drafts(): SummaryDraft[] {
    return [...this.byId.values()].map((draft) => structuredClone(draft));
  }

  async saveDraft(draft: SummaryDraft): Promise<void> {
    this.assertOpen();
    const copy = structuredClone(draft);
    this.byId.set(copy.id, copy);
    const content = JSON.stringify({ schemaVersion: SHARE_SCHEMA_VERSION, draft: copy });
    await this.chain(copy.id, () => writeFileDurably(this.pathOf(copy.id), content));
  }

  async removeDraft(id: string): Promise<void> {
    this.assertOpen();
    this.byId.delete(id);
    await this.chain(id, () => rm(this.pathOf(id), { force: true }));
  }

  paperMarks(): Record<string, EditorialNotice> {
    return structuredClone(this.marks.marks);
  }

  async savePaperMarks(marks: Record<string, EditorialNotice>): Promise<void> {
    this.assertOpen();
    this.marks = { schemaVersion: SHARE_SCHEMA_VERSION, marks: structuredClone(marks) };
    await this.marksDocument.write();
  }

  settings(): StoredShareSettings {
    const { schemaVersion: _version, ...settings } = this.current;
    return structuredClone(settings);
  }

  async saveSettings(settings: StoredShareSettings): Promise<void> {
    this.assertOpen();
    this.current = { schemaVersion: SHARE_SCHEMA_VERSION, ...structuredClone(settings) };
    await this.settingsDocument.write();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.writes.values()]);
      const documents = [this.settingsDocument, this.marksDocument] as const;
      await Promise.allSettled(documents.map((document) => document.settled()));
      await Promise.all(documents.map((document) => document.finish()));
    })();
    return this.closing;
  }

  private pathOf(id: string): string {
    if (!/^[A-Za-z0-9-]{1,128}$/u.test(id)) throw new Error(`“${id}” is not a draft id.`);
    return join(this.shareDir, 'drafts', `${id}.json`);
  }

  private chain(id: string, write: () => Promise<void>): Promise<void> {
    const previous = this.writes.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(write);
    this.writes.set(id, next);
    return next.finally(() => {
      if (this.writes.get(id) === next) this.writes.delete(id);
    });
  }

  /** Reads every draft; damaged files are moved aside and reported in one notice. */
  private async loadDrafts(): Promise<StorageNotice | null> {
    const folder = join(this.shareDir, 'drafts');
    const names = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && DRAFT_FILE.test(entry.name))
      .map((entry) => entry.name);
    const damaged: string[] = [];
    for (const name of names) {
      const draft = await readDraftFile(join(folder, name));
      if (draft && `${draft.id}.json` === name) this.byId.set(draft.id, draft);
      else damaged.push(name);
    }
    if (damaged.length === 0) return null;
    const at = this.now();
    const keptAt = join(folder, 'damaged');
    await createOwnerOnlyFolder(keptAt);
    for (const name of damaged) {
      await rename(join(folder, name), join(keptAt, `${fileStamp(at)}-${name}`));
    }
    const count = damaged.length;
    return {
      id: `share-drafts-${fileStamp(at)}`,
      kind: 'reset-to-empty',
      message: `Rounds could not read ${count === 1 ? '1 summary draft' : `${count} summary drafts`}; ${count === 1 ? 'it is' : 'they are'} kept unchanged in ${keptAt}.`,
      keptAt,
      at: at.toISOString(),
    };
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('Rounds is closing; the summary could not be saved.');
  }
}

async function readDraftFile(path: string): Promise<SummaryDraft | null> {
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_DRAFT_FILE_BYTES) return null;
    const parsed = draftFileSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? (parsed.data.draft as SummaryDraft) : null;
  } catch {
    return null;
  }
}
