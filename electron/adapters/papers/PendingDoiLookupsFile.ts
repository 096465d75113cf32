import { constants } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeDoi } from '@shared/domain/feeds/paperIdentity';
import { isoDateOrNull } from '@shared/domain/library/repairPrimitives';
import type { PendingDoiLookup } from '../../services/papers/ports';
import { NO_FOLLOW } from '../storage/ownerOnly';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { writeFileDurably } from '../storage/writeFileDurably';

/** The folder inside the library for what the papers service keeps beside the items. */
export const PAPERS_FOLDER = 'papers';
const FILE_NAME = 'pending-doi-lookups.json';
const READ_WITHOUT_FOLLOWING = constants.O_RDONLY | NO_FOLLOW;

/**
 * The DOIs added while Crossref could not be reached, as `<libraryDir>/papers/pending-doi-lookups.json`
 * (a few entries; rewritten whole, atomically, on each change). The papers they stand for are
 * already stored with a placeholder title, so a damaged file costs only the later filling-in: it
 * is set aside (renamed with `.damaged-<time>`) and read as empty.
 */
export class PendingDoiLookupsFile {
  private readonly folder: string;
  private readonly path: string;
  private entries: PendingDoiLookup[] | null = null;
  /** The write in progress; changes are applied one after another. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    libraryDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.folder = join(libraryDir, PAPERS_FOLDER);
    this.path = join(this.folder, FILE_NAME);
  }

  async list(): Promise<PendingDoiLookup[]> {
    await this.writing.catch(() => undefined);
    return [...(await this.loaded())];
  }

  add(entries: readonly PendingDoiLookup[]): Promise<void> {
    return this.change((current) => {
      const replaced = new Set(entries.map((entry) => entry.itemId));
      return [...current.filter((entry) => !replaced.has(entry.itemId)), ...entries];
    });
  }

  remove(itemIds: readonly string[]): Promise<void> {
    const removed = new Set(itemIds);
    return this.change((current) => current.filter((entry) => !removed.has(entry.itemId)));
  }

  private change(edit: (current: PendingDoiLookup[]) => PendingDoiLookup[]): Promise<void> {
    const write = this.writing
      .catch(() => undefined)
      .then(async () => {
        const next = edit(await this.loaded());
        await createOwnerOnlyFolder(this.folder);
        await writeFileDurably(
          this.path,
          `${JSON.stringify({ schemaVersion: 1, lookups: next }, null, 2)}\n`,
        );
        this.entries = next;
      });
    this.writing = write;
    return write;
  }

  private async loaded(): Promise<PendingDoiLookup[]> {
    this.entries ??= await this.readFile();
    return this.entries;
  }

  private async readFile(): Promise<PendingDoiLookup[]> {
    let text: string;
    try {
      const handle = await open(this.path, READ_WITHOUT_FOLLOWING);
      try {
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      return this.setAside();
    }
    try {
      return repairPendingLookups(JSON.parse(text));
    } catch {
      return this.setAside();
    }
  }

  private async setAside(): Promise<PendingDoiLookup[]> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    await rename(this.path, `${this.path}.damaged-${stamp}`).catch(() => undefined);
    return [];
  }
}

/** The usable entries of a parsed file, once each; anything else is dropped. */
export function repairPendingLookups(raw: unknown): PendingDoiLookup[] {
  const list =
    typeof raw === 'object' && raw !== null ? (raw as { lookups?: unknown }).lookups : null;
  if (!Array.isArray(list)) throw new TypeError('Not a pending lookups document.');
  const seen = new Set<string>();
  const entries: PendingDoiLookup[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { itemId, doi, since } = entry as Record<string, unknown>;
    const normalized = typeof doi === 'string' ? normalizeDoi(doi) : null;
    if (typeof itemId !== 'string' || itemId === '' || normalized === null || seen.has(itemId)) {
      continue;
    }
    seen.add(itemId);
    entries.push({
      itemId,
      doi: normalized,
      since: isoDateOrNull(since) ?? new Date(0).toISOString(),
    });
  }
  return entries;
}
